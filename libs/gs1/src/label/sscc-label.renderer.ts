import { resolveAis } from '../scan/gs1-input';
import { renderSymbol } from './label-render';
import { type LabelOptions, type SsccLabelData } from './label.types';

/**
 * A logistic unit's GS1-128 symbol for (00) SSCC. bwip-js prints the standard "(00) …" interpretation
 * under the bars itself, so no extra lines are drawn; the SVG still describes it in text.
 */
export function renderSsccLabel(
  unit: SsccLabelData,
  options: LabelOptions & { format: 'svg' },
): Promise<string>;
export function renderSsccLabel(
  unit: SsccLabelData,
  options: LabelOptions & { format: 'png' },
): Promise<Buffer>;
export function renderSsccLabel(unit: SsccLabelData, options: LabelOptions): Promise<string | Buffer>;
export async function renderSsccLabel(unit: SsccLabelData, options: LabelOptions): Promise<string | Buffer> {
  const sscc = String(unit.sscc ?? '');
  resolveAis([{ ai: '00', value: sscc }]);
  return renderSymbol(
    {
      bcid: 'gs1-128',
      text: `(00)${sscc}`,
      // GS1-128 needs a quiet zone of 10 modules either side of the bars.
      extra: { includetext: options.humanReadable !== false, height: 20, paddingwidth: 10 },
      title: `GS1-128 logistic label, SSCC ${sscc}`,
      drawnLines: [],
      describedLines: [`SSCC: ${sscc}`],
    },
    options,
  );
}
