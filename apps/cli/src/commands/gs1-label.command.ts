import { type Command, Option } from 'commander';
import { Gs1Error, renderPackLabel, renderSsccLabel, type AiValue, type LabelFormat } from '@pharmatrace/gs1';
import { type Gs1CommandIo } from './gs1-command.io';

export interface Gs1LabelFlags {
  readonly gtin?: string;
  readonly serial?: string;
  readonly lot?: string;
  readonly expiry?: string;
  readonly nhrn?: string[];
  readonly sscc?: string;
  readonly format?: LabelFormat;
  readonly output: string;
  readonly scale?: string;
}

/** Thrown for flag combinations commander cannot check by itself; reported like a usage error. */
export class LabelFlagError extends Error {}

function formatOf(flags: Gs1LabelFlags): LabelFormat {
  if (flags.format) return flags.format;
  const extension = flags.output.toLowerCase().split('.').pop();
  if (extension === 'png' || extension === 'svg') return extension;
  throw new LabelFlagError(`cannot tell the format from '${flags.output}': pass --format png|svg`);
}

function nationalCodes(entries: readonly string[]): AiValue[] {
  return entries.map((entry) => {
    const match = /^(71\d)=(.+)$/.exec(entry);
    if (!match?.[1] || !match[2])
      throw new LabelFlagError(`--nhrn expects AI=value with AI 710-716, got '${entry}'`);
    return { ai: match[1], value: match[2] };
  });
}

function scaleOf(flags: Gs1LabelFlags): number | undefined {
  if (flags.scale === undefined) return undefined;
  const scale = Number(flags.scale);
  if (!Number.isInteger(scale)) throw new LabelFlagError(`--scale expects an integer, got '${flags.scale}'`);
  return scale;
}

/** Renders the label described by the flags; the caller writes it. */
export async function renderLabel(flags: Gs1LabelFlags, referenceYear: number): Promise<string | Buffer> {
  const format = formatOf(flags);
  const scale = scaleOf(flags);
  const common = { format, referenceYear, ...(scale === undefined ? {} : { scale }) };
  const packFlags = [flags.gtin, flags.serial, flags.lot, flags.expiry];
  if (flags.sscc !== undefined) {
    if (packFlags.some((f) => f !== undefined)) {
      throw new LabelFlagError(
        'use either --sscc (logistic label) or --gtin/--serial/--lot/--expiry (pack label), not both',
      );
    }
    return renderSsccLabel({ sscc: flags.sscc }, common);
  }
  const missing = (['gtin', 'serial', 'lot', 'expiry'] as const).filter((name) => flags[name] === undefined);
  if (missing.length > 0) {
    throw new LabelFlagError(
      `a pack label needs ${missing.map((m) => `--${m}`).join(', ')} (or --sscc for a logistic label)`,
    );
  }
  return renderPackLabel(
    {
      gtin: flags.gtin ?? '',
      serial: flags.serial ?? '',
      lot: flags.lot ?? '',
      expiry: flags.expiry ?? '',
      nationalCodes: nationalCodes(flags.nhrn ?? []),
    },
    common,
  );
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function registerGs1LabelCommand(gs1: Command, io: Gs1CommandIo): void {
  const label = gs1
    .command('label')
    .description('render a GS1 DataMatrix pack label (01, 17, 10, 21, 71x) or a GS1-128 SSCC label')
    .option('--gtin <gtin>', 'GTIN-8/12/13/14')
    .option('--serial <serial>', 'serial number (AI 21)')
    .option('--lot <lot>', 'batch/lot (AI 10)')
    .option('--expiry <date>', 'expiry as YYYY-MM-DD, YYYY-MM or YYMMDD')
    .option('--nhrn <ai=value>', 'national reimbursement number, e.g. 710=12345678 (repeatable)', collect)
    .option('--sscc <sscc>', 'SSCC for a GS1-128 logistic label instead of a pack label')
    .addOption(
      new Option('--format <format>', 'image format (default: from the file extension)').choices([
        'png',
        'svg',
      ]),
    )
    .option('--scale <n>', 'pixels per module, 1-20 (default 3)')
    .requiredOption('-o, --output <file>', 'file to write');
  label.action(async (flags: Gs1LabelFlags) => {
    let image: string | Buffer;
    try {
      image = await renderLabel(flags, io.now().getUTCFullYear());
    } catch (error) {
      if (error instanceof LabelFlagError) label.error(`error: ${error.message}`, { exitCode: 2 });
      if (!(error instanceof Gs1Error)) throw error;
      // Bad data, not bad usage: say what is wrong without repeating the help text.
      io.stderr.write(`error: ${error.reason} (${error.code})\n`);
      io.setExitCode(1);
      return;
    }
    await io.writeFile(flags.output, image);
    const bytes = typeof image === 'string' ? Buffer.byteLength(image) : image.length;
    io.stdout.write(`${JSON.stringify({ file: flags.output, format: formatOf(flags), bytes })}\n`);
  });
}
