import { Gs1ErrorCode } from '../errors/gs1.error';
import { gs1ErrorOfAsync } from '../testing/gs1-test.helpers';
import { renderPackLabel } from './pack-label.renderer';
import { renderSsccLabel } from './sscc-label.renderer';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PACK = { gtin: '09506000134352', serial: 'ABC123', lot: 'L2612', expiry: '2026-12-31' };

function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('labels', () => {
  it('renders a pack DataMatrix as SVG with the human-readable lines', async () => {
    const svg = await renderPackLabel(
      { ...PACK, nationalCodes: [{ ai: '710', value: '12345678' }] },
      { format: 'svg' },
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('<path');
    for (const line of [
      'GTIN: 09506000134352',
      'LOT: L2612',
      'EXP: 2026-12-31',
      'SN: ABC123',
      'PZN: 12345678',
    ]) {
      expect(svg).toContain(line);
    }
  });

  it('renders a pack label as PNG, taller when the text lines are drawn', async () => {
    const withText = await renderPackLabel(PACK, { format: 'png' });
    const symbolOnly = await renderPackLabel(PACK, { format: 'png', humanReadable: false });
    expect(withText.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(withText).height).toBeGreaterThan(pngSize(symbolOnly).height);
  });

  it('prints YYYY-MM when the expiry has no day, and supports the PC caption', async () => {
    const svg = await renderPackLabel(
      { ...PACK, expiry: '261200' },
      { format: 'svg', productCodeCaption: 'PC' },
    );
    expect(svg).toContain('EXP: 2026-12');
    expect(svg).not.toContain('EXP: 2026-12-31');
    expect(svg).toContain('PC: 09506000134352');
  });

  it('escapes XML in the text and encodes parentheses in data safely', async () => {
    const svg = await renderPackLabel({ ...PACK, serial: 'A<B>&(C)' }, { format: 'svg' });
    expect(svg).toContain('SN: A&#60;B&#62;&#38;(C)');
    expect(svg).not.toContain('A<B>');
  });

  it('renders the SSCC as GS1-128, SVG and PNG', async () => {
    const svg = await renderSsccLabel({ sscc: '106141411234567897' }, { format: 'svg' });
    expect(svg).toContain('<path');
    expect(svg).toContain('SSCC: 106141411234567897');
    const png = await renderSsccLabel({ sscc: '106141411234567897' }, { format: 'png', scale: 2 });
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });

  it.each([
    ['a bad GTIN', { ...PACK, gtin: '09506000134353' }, Gs1ErrorCode.InvalidCheckDigit],
    ['an impossible expiry', { ...PACK, expiry: '2026-02-30' }, Gs1ErrorCode.InvalidDate],
    ['a serial outside AI-82', { ...PACK, serial: 'ä' }, Gs1ErrorCode.InvalidCharacter],
    ['an over-long lot', { ...PACK, lot: 'L'.repeat(21) }, Gs1ErrorCode.ValueTooLong],
    [
      'a national code that is not 71x',
      { ...PACK, nationalCodes: [{ ai: '240', value: 'X' }] },
      Gs1ErrorCode.InvalidArgument,
    ],
  ])('refuses %s before rendering', async (_, pack, code) => {
    const error = await gs1ErrorOfAsync(() => renderPackLabel(pack, { format: 'svg' }));
    expect(error.code).toBe(code);
  });

  it('refuses a bad SSCC, format or scale', async () => {
    expect(
      (await gs1ErrorOfAsync(() => renderSsccLabel({ sscc: '106141411234567890' }, { format: 'png' }))).code,
    ).toBe(Gs1ErrorCode.InvalidCheckDigit);
    expect((await gs1ErrorOfAsync(() => renderPackLabel(PACK, { format: 'gif' as 'png' }))).code).toBe(
      Gs1ErrorCode.InvalidArgument,
    );
    expect((await gs1ErrorOfAsync(() => renderPackLabel(PACK, { format: 'png', scale: 0 }))).code).toBe(
      Gs1ErrorCode.InvalidArgument,
    );
  });
});
