import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';

/** "Every company prefix starting with these digits has this length" — a GS1 prefix-format rule. */
export interface PrefixLengthRule {
  readonly prefix: string;
  readonly length: number;
}

export interface PrefixTableConfig {
  /** Company prefixes known exactly, e.g. those registered by participants. Take precedence over rules. */
  readonly companyPrefixes?: Iterable<string>;
  readonly rules?: Iterable<PrefixLengthRule>;
}

const MIN_PREFIX = 6;
const MAX_PREFIX = 12;

/**
 * Answers "how long is the GS1 Company Prefix at the front of these digits?" — information a barcode
 * does not carry but an EPC URN needs. Backed by a digit trie so a lookup walks at most 12 nodes and
 * allocates nothing. Immutable: `withCompanyPrefixes` returns a new table.
 */
export class PrefixTable {
  private readonly children: number[] = new Array<number>(10).fill(0);
  /** Per node: 1 when a registered company prefix ends here. */
  private readonly exact: number[] = [0];
  /** Per node: company prefix length given by a rule ending here, 0 for none. */
  private readonly ruleLength: number[] = [0];
  private readonly prefixes: readonly string[];
  private readonly rules: readonly PrefixLengthRule[];

  constructor(config: PrefixTableConfig = {}) {
    this.prefixes = [...(config.companyPrefixes ?? [])];
    this.rules = [...(config.rules ?? [])];
    this.prefixes.forEach((prefix, i) => {
      if (!/^\d+$/.test(prefix) || prefix.length < MIN_PREFIX || prefix.length > MAX_PREFIX) {
        throw new Gs1Error(
          Gs1ErrorCode.InvalidArgument,
          i,
          `company prefix '${prefix}' must be 6 to 12 digits`,
        );
      }
      this.exact[this.nodeFor(prefix)] = 1;
    });
    this.rules.forEach((rule, i) => {
      const valid =
        /^\d{1,12}$/.test(rule.prefix) &&
        Number.isInteger(rule.length) &&
        rule.length >= Math.max(MIN_PREFIX, rule.prefix.length) &&
        rule.length <= MAX_PREFIX;
      if (!valid) {
        throw new Gs1Error(
          Gs1ErrorCode.InvalidArgument,
          i,
          `rule ${rule.prefix} → ${rule.length} is not a valid prefix-length rule`,
        );
      }
      this.ruleLength[this.nodeFor(rule.prefix)] = rule.length;
    });
  }

  /** A table that knows exactly these company prefixes (e.g. the participants' registrations). */
  static fromCompanyPrefixes(prefixes: Iterable<string>): PrefixTable {
    return new PrefixTable({ companyPrefixes: prefixes });
  }

  /** A new table with extra registered prefixes; this one is unchanged. */
  withCompanyPrefixes(prefixes: Iterable<string>): PrefixTable {
    return new PrefixTable({ companyPrefixes: [...this.prefixes, ...prefixes], rules: this.rules });
  }

  /** A new table with extra rules; this one is unchanged. */
  withRules(rules: Iterable<PrefixLengthRule>): PrefixTable {
    return new PrefixTable({ companyPrefixes: this.prefixes, rules: [...this.rules, ...rules] });
  }

  /**
   * Company prefix length for the digits at text[start…], or undefined. A registered prefix wins over
   * rules; among rules the longest matching prefix wins.
   */
  lookup(text: string, start = 0): number | undefined {
    let node = 0;
    let exactLength = 0;
    let ruled = 0;
    for (let depth = 1; depth <= MAX_PREFIX && start + depth <= text.length; depth++) {
      const digit = text.charCodeAt(start + depth - 1) - 48;
      if (digit < 0 || digit > 9) break;
      node = this.children[node * 10 + digit] ?? 0;
      if (node === 0) break;
      if (this.exact[node] === 1) exactLength = depth;
      const rule = this.ruleLength[node] ?? 0;
      if (rule !== 0) ruled = rule;
    }
    if (exactLength !== 0) return exactLength;
    return ruled === 0 ? undefined : ruled;
  }

  /**
   * Like lookup, but throws UNKNOWN_COMPANY_PREFIX naming what was looked up; `position` is where the
   * key sits in the caller's input (default: `start`, i.e. within `text`).
   */
  companyPrefixLength(text: string, start: number, what: string, position = start): number {
    const length = this.lookup(text, start);
    if (length === undefined) {
      throw new Gs1Error(
        Gs1ErrorCode.UnknownCompanyPrefix,
        position,
        `no known GS1 Company Prefix at the start of '${text.slice(start)}' (${what}); register the company prefix in the prefix table`,
      );
    }
    return length;
  }

  /** Company prefix length of a GTIN-14 (the prefix starts after the indicator digit). */
  forGtin(gtin14: string): number {
    return this.companyPrefixLength(gtin14, 1, `GTIN ${gtin14}`);
  }

  /** Company prefix length of an SSCC (the prefix starts after the extension digit). */
  forSscc(sscc: string): number {
    return this.companyPrefixLength(sscc, 1, `SSCC ${sscc}`);
  }

  /** Company prefix length of a GLN (the prefix starts at the first digit). */
  forGln(gln: string): number {
    return this.companyPrefixLength(gln, 0, `GLN ${gln}`);
  }

  toJSON(): PrefixTableConfig {
    return { companyPrefixes: [...this.prefixes], rules: [...this.rules] };
  }

  private nodeFor(digits: string): number {
    let node = 0;
    for (let i = 0; i < digits.length; i++) {
      const slot = node * 10 + (digits.charCodeAt(i) - 48);
      let next = this.children[slot] ?? 0;
      if (next === 0) {
        next = this.exact.length;
        this.exact.push(0);
        this.ruleLength.push(0);
        for (let d = 0; d < 10; d++) this.children.push(0);
        this.children[slot] = next;
      }
      node = next;
    }
    return node;
  }
}

/**
 * Small table for tests and the demo: the GS1 example prefixes used throughout the standards
 * (0614141 in the Tag Data Standard, 9506000 in GS1 Digital Link examples, 4012345 in GS1 Germany's)
 * and the rule that GS1 prefix 952, reserved for demonstrations and examples, carries 7-digit company
 * prefixes. Production code builds its own from the participants' registrations.
 */
export const DEFAULT_PREFIX_TABLE = new PrefixTable({
  companyPrefixes: ['0614141', '9506000', '4012345'],
  rules: [{ prefix: '952', length: 7 }],
});
