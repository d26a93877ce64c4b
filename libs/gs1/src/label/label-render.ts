import * as bwipjs from 'bwip-js';
import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';
import { addSvgText, withTextLines } from './label-text.drawing';
import { type LabelOptions } from './label.types';

export interface SymbolSpec {
  readonly bcid: string;
  readonly text: string;
  readonly extra?: Partial<bwipjs.RenderOptions>;
  /** Accessible name of the SVG. */
  readonly title: string;
  /** Lines drawn under the symbol (unless humanReadable is false). */
  readonly drawnLines: readonly string[];
  /** Lines recorded as SVG <desc>; the same as drawnLines unless bwip-js draws the text itself. */
  readonly describedLines?: readonly string[];
}

function renderFailure(error: unknown): Gs1Error {
  const detail = error instanceof Error ? error.message : String(error);
  return new Gs1Error(Gs1ErrorCode.LabelRenderFailed, 0, `the barcode could not be rendered: ${detail}`);
}

function checkedScale(options: LabelOptions): number {
  const scale = options.scale ?? 3;
  if (!Number.isInteger(scale) || scale < 1 || scale > 20) {
    throw new Gs1Error(
      Gs1ErrorCode.InvalidArgument,
      0,
      `scale must be an integer from 1 to 20, got ${scale}`,
    );
  }
  return scale;
}

/** Renders a symbol with optional text lines below it, as SVG text or PNG bytes. */
export async function renderSymbol(spec: SymbolSpec, options: LabelOptions): Promise<string | Buffer> {
  const scale = checkedScale(options);
  const shown = options.humanReadable === false ? [] : spec.drawnLines;
  const fontSize = Math.round((options.textSize ?? 8) * scale);
  const params: bwipjs.RenderOptions = { bcid: spec.bcid, text: spec.text, scale, padding: 2, ...spec.extra };
  try {
    if (options.format === 'svg') {
      const svg = bwipjs.render(params, withTextLines(bwipjs.drawingSVG(), shown, fontSize));
      return addSvgText(svg, spec.title, spec.describedLines ?? spec.drawnLines);
    }
    if (options.format !== 'png') {
      throw new Gs1Error(
        Gs1ErrorCode.InvalidArgument,
        0,
        `format must be 'svg' or 'png', got '${String(options.format)}'`,
      );
    }
    return await bwipjs.render(params, withTextLines(bwipjs.drawingZlibPng(), shown, fontSize));
  } catch (error) {
    if (error instanceof Gs1Error) throw error;
    throw renderFailure(error);
  }
}
