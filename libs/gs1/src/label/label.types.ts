import { type AiValue } from '../ai/gs1-element.types';

export type LabelFormat = 'svg' | 'png';

export interface LabelOptions {
  readonly format: LabelFormat;
  /** Pixels per module (PNG) / user units per module (SVG). Default 3. */
  readonly scale?: number;
  /** Human-readable text size before scaling. Default 8. */
  readonly textSize?: number;
  /** Draw the human-readable lines. Default true. */
  readonly humanReadable?: boolean;
  /** Year that YYMMDD expiry dates are resolved against for the printed text. */
  readonly referenceYear?: number;
}

export interface PackLabelData {
  readonly gtin: string;
  readonly serial: string;
  readonly lot: string;
  /** `YYYY-MM-DD`, `YYYY-MM` (no day: DD=00) or GS1 `YYMMDD`. */
  readonly expiry: string;
  /** National healthcare reimbursement numbers, AI 710–716. */
  readonly nationalCodes?: readonly AiValue[];
}

export interface PackLabelOptions extends LabelOptions {
  /** Caption of the product code line: "GTIN" (default) or "PC" as in the EU FMD / EFPIA layout. */
  readonly productCodeCaption?: 'GTIN' | 'PC';
}

export interface SsccLabelData {
  readonly sscc: string;
}
