import { Command } from 'commander';
import { registerCommands } from './commands';

/** `npx pharmatrace …`: every subcommand registers itself in ./commands. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('pharmatrace')
    .description('PharmaTrace command line: GS1 identifiers, labels, demo data, simulators, ledger audit')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    const code = (error as { exitCode?: unknown }).exitCode;
    if (typeof code === 'number') return code; // commander already printed the usage error
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
