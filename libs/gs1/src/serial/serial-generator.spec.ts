import { Gs1ErrorCode } from '../errors/gs1.error';
import { expectGs1Error } from '../testing/gs1-test.helpers';
import { parseElementString } from '../element-string/element-string.parser';
import { DEFAULT_SERIAL_ALPHABET, SerialGenerator, type RandomBytes } from './serial-generator';

const GTIN = '09506000134352';

/** Deterministic byte source (xorshift32) so tests are repeatable. */
function fakeRandom(seed = 0x9e3779b9): RandomBytes {
  let state = seed >>> 0 || 1;
  return (size) =>
    Uint8Array.from({ length: size }, () => {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      return state & 0xff;
    });
}

describe('SerialGenerator', () => {
  it('draws 12 characters from the 32-symbol default alphabet, valid as AI 21', () => {
    const generator = new SerialGenerator({ randomBytes: fakeRandom() });
    const serial = generator.next(GTIN);
    expect(serial).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(parseElementString(`01${GTIN}21${serial}`).ais[1]?.value).toBe(serial);
  });

  it('is deterministic for a given byte source (randomness is injected)', () => {
    const a = new SerialGenerator({ randomBytes: fakeRandom(42) }).nextBatch(GTIN, 5);
    const b = new SerialGenerator({ randomBytes: fakeRandom(42) }).nextBatch(GTIN, 5);
    expect(a).toEqual(b);
  });

  it('never repeats a serial within a GTIN, even from a source that repeats itself', () => {
    // Every value comes three times in a row: the generator must skip the repeats.
    let draws = 0;
    const repeating: RandomBytes = (size) => {
      const value = Math.floor(draws++ / 3);
      return Uint8Array.from({ length: size }, (_, i) => (value >> (5 * i)) & 31);
    };
    const generator = new SerialGenerator({ randomBytes: repeating, length: 4, maxSerialsPerGtin: 50 });
    const serials = generator.nextBatch(GTIN, 50);
    expect(new Set(serials).size).toBe(50);
  });

  it('skips serials already issued (set or predicate)', () => {
    const first = new SerialGenerator({ randomBytes: fakeRandom(7) }).next(GTIN);
    const viaSet = new SerialGenerator({ randomBytes: fakeRandom(7), issued: new Set([first]) }).next(GTIN);
    expect(viaSet).not.toBe(first);
    const seen: string[] = [];
    const viaPredicate = new SerialGenerator({
      randomBytes: fakeRandom(7),
      issued: (serial, gtin) => {
        seen.push(`${gtin}:${serial}`);
        return serial === first;
      },
    }).next(GTIN);
    expect(viaPredicate).toBe(viaSet);
    expect(seen[0]).toBe(`${GTIN}:${first}`);
  });

  it('keeps uniqueness per GTIN, not globally', () => {
    const generator = new SerialGenerator({
      randomBytes: () => new Uint8Array(64).fill(3),
      length: 3,
      maxSerialsPerGtin: 1,
    });
    expect(generator.next(GTIN)).toBe('333');
    expect(generator.next('09521234543213')).toBe('333');
    expectGs1Error(() => generator.next(GTIN), { code: Gs1ErrorCode.SerialSpaceExhausted, position: 0 });
  });

  it('draws every symbol with equal probability (rejection sampling, no modulo bias)', () => {
    // 34 symbols: bytes 238–255 would favour the first 18 symbols; they must be redrawn.
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWX';
    const generator = new SerialGenerator({ randomBytes: fakeRandom(99), alphabet, length: 20 });
    const counts = new Map<string, number>();
    for (const serial of generator.nextBatch(GTIN, 3400))
      for (const c of serial) counts.set(c, (counts.get(c) ?? 0) + 1);
    const expected = (3400 * 20) / 34;
    const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    expect(counts.size).toBe(34);
    expect(chiSquare).toBeLessThan(70); // 33 degrees of freedom: p ≈ 0.0003
  });

  it('does the EU guessing arithmetic: issued / alphabet^length', () => {
    expect(SerialGenerator.guessProbability(32, 12, 1e6)).toBeCloseTo(1e6 / 2 ** 60, 25);
    expect(new SerialGenerator({ randomBytes: fakeRandom() }).guessProbability(1e9)).toBeLessThan(1e-9);
    // 10 digits, 10^7 serials per GTIN: 10^7 / 10^10 = 10^-3 ≥ 10^-4 → refused.
    expectGs1Error(
      () =>
        new SerialGenerator({
          randomBytes: fakeRandom(),
          alphabet: '0123456789',
          length: 10,
          maxSerialsPerGtin: 1e7,
        }),
      {
        code: Gs1ErrorCode.InvalidArgument,
        position: 0,
        reason: /10\^10 serials with 10000000 issued per GTIN gives guess probability 1.00e-3/,
      },
    );
    expect(DEFAULT_SERIAL_ALPHABET).toHaveLength(32);
  });

  it.each([
    [{ alphabet: 'A' }, 0, /2 to 82 distinct/],
    [{ alphabet: 'AAB' }, 0, /2 to 82 distinct/],
    [{ alphabet: 'AB#' }, 2, /'#' is not in the GS1 AI-82 set/],
    [{ length: 21 }, 0, /1 to 20/],
    [{ length: 0 }, 0, /1 to 20/],
  ])('refuses the configuration %j', (options, position, reason) => {
    expectGs1Error(() => new SerialGenerator({ randomBytes: fakeRandom(), ...options }), {
      code: Gs1ErrorCode.InvalidArgument,
      position,
      reason,
    });
  });

  it('fails clearly on a broken byte source instead of spinning', () => {
    const generator = new SerialGenerator({ randomBytes: () => new Uint8Array(0) });
    expectGs1Error(() => generator.next(GTIN), {
      code: Gs1ErrorCode.InvalidArgument,
      position: 0,
      reason: /unusable/,
    });
    expectGs1Error(() => generator.nextBatch(GTIN, -1), { code: Gs1ErrorCode.InvalidArgument, position: 0 });
  });
});
