import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command } from 'commander';
import { EmbeddedLedger, auditPacks, openLedger } from '@pharmatrace/ledger';
import { openDatabase, type Database } from '@pharmatrace/persistence';
import { PLATFORM_MIGRATIONS } from '@pharmatrace/runtime';
import { auditSummary, chainSummary, findingLine } from './ledger-audit.report';

interface LedgerOptions {
  dataDir: string;
  fabricEnv?: string;
  json?: boolean;
}

/** KEY=VALUE lines (the files infra/ writes under .infra/env/). */
function readEnvFile(path: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match?.[1] !== undefined) values[match[1]] = match[2] ?? '';
  }
  return values;
}

/** PostgreSQL when DATABASE_URL is set (DATABASE_SCHEMA honoured), else the embedded PGlite under the data dir. */
function open(options: LedgerOptions): Promise<Database> {
  const migrations = PLATFORM_MIGRATIONS;
  const url = process.env['DATABASE_URL'];
  if (url) {
    const schema = process.env['DATABASE_SCHEMA'] || undefined;
    return openDatabase({ kind: 'postgres', url, ...(schema && { schema }) }, migrations);
  }
  return openDatabase({ kind: 'pglite', dataDir: join(options.dataDir, 'db') }, migrations);
}

async function withLedger<T>(
  options: LedgerOptions,
  work: (database: Database, ledger: ReturnType<typeof openLedger>) => Promise<T>,
): Promise<T> {
  const env = { ...process.env, ...(options.fabricEnv ? readEnvFile(options.fabricEnv) : {}) };
  const database = await open(options);
  try {
    const opened = openLedger(env, { sql: database.sql, dataDir: options.dataDir });
    try {
      return await work(database, opened);
    } finally {
      await opened.ledger.close();
    }
  } finally {
    await database.close();
  }
}

const out = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `npx pharmatrace ledger audit`: every pack of the database against its ledger record (Fabric when
 * FABRIC_* is set or --fabric-env names a file, else the embedded ledger); exits 1 on any difference.
 * `npx pharmatrace ledger verify-chain`: re-checks the embedded ledger's blocks.
 */
export function registerLedgerCommand(program: Command): void {
  const ledger = program
    .command('ledger')
    .description('tamper evidence: compare the database with the ledger');
  const common = (command: Command) =>
    command
      .option(
        '--data-dir <dir>',
        'data directory of the embedded platform',
        process.env['DATA_DIR'] ?? './data',
      )
      .option('--fabric-env <file>', 'read FABRIC_* settings from this file (e.g. .infra/env/fabric.env)')
      .option('--json', 'print the result as JSON');

  common(ledger.command('audit'))
    .description('recompute every pack state hash and compare it with the ledger; exit 1 on any difference')
    .action((options: LedgerOptions) =>
      withLedger(options, async (database, { ledger: target, kind }) => {
        const report = await auditPacks(database.sql, target, {
          onFinding: options.json ? undefined : (finding) => out(findingLine(finding)),
        });
        if (options.json) out(JSON.stringify({ ledger: kind, ...report }, null, 2));
        else out(`${auditSummary(report)} (${kind} ledger)`);
        if (report.findings.length > 0) process.exitCode = 1;
      }),
    );

  common(ledger.command('verify-chain'))
    .description("re-check the embedded ledger's hash chain and signatures; exit 1 on any problem")
    .action((options: LedgerOptions) =>
      withLedger(options, async (_database, { ledger: target }) => {
        if (!(target instanceof EmbeddedLedger)) {
          throw new Error('verify-chain checks the embedded ledger; Fabric peers verify their own chain');
        }
        const result = await target.verifyChain();
        if (options.json) out(JSON.stringify(result, null, 2));
        else chainSummary(result).forEach(out);
        if (!result.ok) process.exitCode = 1;
      }),
    );
}
