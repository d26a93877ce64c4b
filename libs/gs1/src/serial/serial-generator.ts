import { CSET82_CHARACTERS } from '../ai/charset';
import { gtin14 } from '../epc/epc-urn.formatter';
import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';

/** Returns `size` cryptographically random bytes — node:crypto's randomBytes at the edge, a fake in tests. */
export type RandomBytes = (size: number) => Uint8Array;

/** Crockford's base 32: digits and capitals without I, L, O, U — nothing to misread on a printed pack. */
export const DEFAULT_SERIAL_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const DEFAULT_SERIAL_LENGTH = 12;
/** EU Delegated Regulation 2016/161, Art. 4(b): guessing a serial must have probability below 1/10,000. */
export const EU_MAX_GUESS_PROBABILITY = 1e-4;

export interface SerialGeneratorOptions {
  readonly randomBytes: RandomBytes;
  /** Characters to draw from; a subset of the GS1 AI-82 set. Default DEFAULT_SERIAL_ALPHABET (32). */
  readonly alphabet?: string;
  /** 1–20 (AI 21 is X..20). Default 12. */
  readonly length?: number;
  /** Serials already issued (from the repository): a set for one GTIN, or a predicate over (serial, gtin). */
  readonly issued?: ReadonlySet<string> | ((serial: string, gtin: string) => boolean);
  /**
   * The most serials that will ever be issued per GTIN. The constructor refuses a configuration where
   * that many issued serials would make a random guess succeed with probability ≥ maxGuessProbability.
   * Default 10^9.
   */
  readonly maxSerialsPerGtin?: number;
  readonly maxGuessProbability?: number;
  /** Redraws before giving up when draws keep colliding with issued serials. Default 32. */
  readonly maxAttempts?: number;
}

/**
 * Randomised, unguessable serial numbers for AI 21, unique per GTIN.
 *
 * Probability that one guess hits a valid serial = issued / alphabet^length. With the defaults
 * (32 symbols, 12 characters: 32^12 = 2^60 ≈ 1.15·10^18 possible serials) even 10^9 serials per GTIN
 * give 8.7·10^-10 per guess, far below the EU limit of 10^-4; the limit would only be reached after
 * 1.15·10^14 serials for one GTIN. Characters are drawn by rejection sampling, so every symbol is
 * equally likely whatever the alphabet size.
 */
export class SerialGenerator {
  readonly alphabet: string;
  readonly length: number;
  private readonly randomBytes: RandomBytes;
  private readonly isIssued: (serial: string, gtin: string) => boolean;
  private readonly maxAttempts: number;
  /** Serials this instance handed out, per GTIN, so it never repeats itself even before they are stored. */
  private readonly handedOut = new Map<string, Set<string>>();
  /** Bytes at or above this would bias the modulo: they are drawn again. */
  private readonly acceptBelow: number;

  constructor(options: SerialGeneratorOptions) {
    this.alphabet = options.alphabet ?? DEFAULT_SERIAL_ALPHABET;
    this.length = options.length ?? DEFAULT_SERIAL_LENGTH;
    this.randomBytes = options.randomBytes;
    this.maxAttempts = options.maxAttempts ?? 32;
    const issued = options.issued;
    this.isIssued =
      typeof issued === 'function' ? issued : issued ? (serial) => issued.has(serial) : () => false;
    this.validate(options);
    this.acceptBelow = 256 - (256 % this.alphabet.length);
  }

  /** Probability that a single random guess matches one of `issuedCount` valid serials. */
  static guessProbability(alphabetSize: number, length: number, issuedCount: number): number {
    return issuedCount / Math.pow(alphabetSize, length);
  }

  guessProbability(issuedCount: number): number {
    return SerialGenerator.guessProbability(this.alphabet.length, this.length, issuedCount);
  }

  /** A new serial for the GTIN, never issued before (per `issued`) nor by this instance. */
  next(gtin: string): string {
    const key = gtin14(gtin);
    let mine = this.handedOut.get(key);
    if (!mine) this.handedOut.set(key, (mine = new Set()));
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      const serial = this.draw();
      if (mine.has(serial) || this.isIssued(serial, key)) continue;
      mine.add(serial);
      return serial;
    }
    throw new Gs1Error(
      Gs1ErrorCode.SerialSpaceExhausted,
      0,
      `no unused serial for GTIN ${key} after ${this.maxAttempts} draws: the serial space is nearly full or the random source is broken`,
    );
  }

  nextBatch(gtin: string, count: number): string[] {
    if (!Number.isInteger(count) || count < 0) {
      throw new Gs1Error(
        Gs1ErrorCode.InvalidArgument,
        0,
        `batch size must be a non-negative integer, got ${count}`,
      );
    }
    return Array.from({ length: count }, () => this.next(gtin));
  }

  private draw(): string {
    let serial = '';
    // A source that keeps returning nothing usable would otherwise spin forever.
    for (let round = 0; serial.length < this.length; round++) {
      if (round === 64) {
        throw new Gs1Error(Gs1ErrorCode.InvalidArgument, 0, 'randomBytes keeps returning unusable data');
      }
      const bytes = this.randomBytes((this.length - serial.length) * 2);
      for (const byte of bytes) {
        if (serial.length === this.length) break;
        if (byte < this.acceptBelow) serial += this.alphabet.charAt(byte % this.alphabet.length);
      }
    }
    return serial;
  }

  private validate(options: SerialGeneratorOptions): void {
    const { alphabet, length } = this;
    if (typeof options.randomBytes !== 'function') {
      throw new Gs1Error(
        Gs1ErrorCode.InvalidArgument,
        0,
        'randomBytes must be a function returning random bytes',
      );
    }
    if (alphabet.length < 2 || alphabet.length > 82 || new Set(alphabet).size !== alphabet.length) {
      throw new Gs1Error(Gs1ErrorCode.InvalidArgument, 0, 'the alphabet needs 2 to 82 distinct characters');
    }
    const foreign = [...alphabet].findIndex((c) => !CSET82_CHARACTERS.includes(c));
    if (foreign >= 0) {
      throw new Gs1Error(
        Gs1ErrorCode.InvalidArgument,
        foreign,
        `alphabet character '${alphabet[foreign] ?? ''}' is not in the GS1 AI-82 set`,
      );
    }
    if (!Number.isInteger(length) || length < 1 || length > 20) {
      throw new Gs1Error(
        Gs1ErrorCode.InvalidArgument,
        0,
        `serial length must be 1 to 20 (AI 21), got ${length}`,
      );
    }
    const volume = options.maxSerialsPerGtin ?? 1e9;
    const limit = options.maxGuessProbability ?? EU_MAX_GUESS_PROBABILITY;
    const probability = this.guessProbability(volume);
    if (probability >= limit) {
      throw new Gs1Error(
        Gs1ErrorCode.InvalidArgument,
        0,
        `${alphabet.length}^${length} serials with ${volume} issued per GTIN gives guess probability ${probability.toExponential(2)}, not below ${limit}`,
      );
    }
  }
}
