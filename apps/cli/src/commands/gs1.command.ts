import { createInterface } from 'node:readline';
import { type Command } from 'commander';
import {
  DEFAULT_PREFIX_TABLE,
  Gs1Error,
  parseScan,
  type ParseScanOptions,
  type ScanResult,
} from '@pharmatrace/gs1';
import { processIo, type Gs1CommandIo } from './gs1-command.io';
import { registerGs1LabelCommand } from './gs1-label.command';

export interface Gs1ParseFlags {
  readonly companyPrefix?: string[];
  readonly host?: string;
  readonly strict?: boolean;
}

/** One JSON line per input: the fields trace code uses, or the error with its position and reason. */
function describeScan(input: string, options: ParseScanOptions): Record<string, unknown> {
  try {
    const scan: ScanResult = parseScan(input, options);
    return {
      input,
      gtin: scan.gtin,
      serial: scan.serial,
      lot: scan.lot,
      expiry: scan.expiry,
      sscc: scan.sscc,
      gln: scan.gln,
      nationalCodes: scan.nationalCodes,
      ais: scan.ais.map(({ ai, value, title }) => ({ ai, value, title })),
      digitalLink: scan.digitalLink,
      epc: scan.epc,
      lgtin: scan.lgtin,
      symbology: scan.symbology?.aimId,
    };
  } catch (error) {
    if (error instanceof Gs1Error) return { input, error: error.toJSON() };
    throw error;
  }
}

async function* lines(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  const reader = createInterface({ input: stream, crlfDelay: Infinity });
  for await (const line of reader) yield line;
}

/**
 * `pharmatrace gs1 parse [scan...]`: parses each argument, or each stdin line when there is none.
 * Returns the exit status: 1 when any input was invalid.
 */
export async function runGs1Parse(
  scans: readonly string[],
  flags: Gs1ParseFlags,
  io: Gs1CommandIo,
): Promise<number> {
  const options: ParseScanOptions = {
    referenceYear: io.now().getUTCFullYear(),
    prefixTable: DEFAULT_PREFIX_TABLE.withCompanyPrefixes(flags.companyPrefix ?? []),
    checkMandatoryAssociations: flags.strict ?? false,
    ...(flags.host ? { digitalLinkHost: flags.host } : {}),
  };
  let failed = false;
  const source: AsyncIterable<string> | readonly string[] = scans.length > 0 ? scans : lines(io.stdin);
  for await (const raw of source) {
    if (scans.length === 0 && raw.trim() === '') continue;
    const result = describeScan(raw, options);
    failed ||= 'error' in result;
    io.stdout.write(`${JSON.stringify(result)}\n`);
  }
  return failed ? 1 : 0;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Adds `gs1 parse` and `gs1 label` to the program. */
export function registerGs1Command(program: Command, io: Gs1CommandIo = processIo): void {
  const gs1 = program
    .command('gs1')
    .description('GS1 identifiers: parse scans, convert, render labels')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  gs1
    .command('parse')
    .description(
      'parse scans (element strings with GS, <GS>, {GS} or \\x1d separators, bracketed, Digital Links); one JSON line each',
    )
    .argument('[scan...]', 'scans to parse; read from stdin, one per line, when none are given')
    .option('--company-prefix <prefix>', 'add a GS1 Company Prefix for EPC derivation (repeatable)', collect)
    .option('--host <url>', 'host for the digitalLink field (default https://id.gs1.org)')
    .option('--strict', 'also enforce GS1 mandatory AI associations')
    .action(async (scans: string[], flags: Gs1ParseFlags) => {
      io.setExitCode(await runGs1Parse(scans, flags, io));
    });

  registerGs1LabelCommand(gs1, io);
}
