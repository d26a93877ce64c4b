import { type Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { readCredentials, runDemo, type DemoSummary } from '@pharmatrace/demo';

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function printSummary(summary: DemoSummary, out: NodeJS.WritableStream): void {
  const lines = [
    '',
    `Packs commissioned: ${summary.packs} in lots ${summary.lots.join(' and ')}`,
    `Dispensed at the counter: ${summary.dispensed}; refused: ${JSON.stringify(countBy(summary.dispenseRefused.map((r) => r.code)))}`,
    `Recall: ${summary.recallId ?? 'not created'}`,
    `Packs of the product by status: ${JSON.stringify(summary.stats.byStatus)}`,
    `Packs by custodian GLN: ${JSON.stringify(summary.stats.byCustodian)}`,
    `Alerts by code: ${JSON.stringify(summary.alertsByCode)}`,
    ...summary.steps.filter((s) => !s.ok).map((s) => `Step ${s.step} did not complete: ${s.detail ?? ''}`),
    '',
  ];
  out.write(lines.join('\n'));
}

/** `npx pharmatrace demo`: plays the demo supply chain against a running platform. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('play a realistic supply chain through the public APIs of a running platform (npm start)')
    .option(
      '--data-dir <dir>',
      'where the platform wrote credentials.json',
      process.env['DATA_DIR'] ?? './data',
    )
    .option('--packs <n>', 'packs to commission (split into two lots)', '10000')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { dataDir: string; packs: string; json?: boolean }) => {
      const packs = Number(options.packs);
      if (!Number.isInteger(packs) || packs < 200 || packs > 10_000 || packs % 200 !== 0) {
        throw new Error('--packs must be a multiple of 200 from 200 to 10000');
      }
      const credentials = readCredentials(options.dataDir);
      const bar = process.stderr.isTTY
        ? new SingleBar({ format: ' {bar} {value}/{total} {step}' }, Presets.shades_classic)
        : undefined;
      bar?.start(9, 0, { step: 'starting' });
      try {
        const summary = await runDemo(credentials, {
          packs,
          onProgress: (p) =>
            bar
              ? bar.update(p.done, { step: p.step })
              : process.stderr.write(`${p.done}/${p.total} ${p.step}\n`),
        });
        bar?.stop();
        if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else printSummary(summary, process.stdout);
        if (summary.steps.some((s) => !s.ok)) process.exitCode = 1;
      } finally {
        bar?.stop();
      }
    });
}
