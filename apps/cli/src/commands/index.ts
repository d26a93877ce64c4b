import { type Command } from 'commander';
import { registerDemoCommand } from './demo.command';
import { registerSimulateCommand } from './simulate.command';
import { registerGs1Command } from './gs1.command';
import { registerLedgerCommand } from './ledger.command';

/** Each command module exports a function that adds its subcommand to the program. */
const commandRegistrars: ((program: Command) => void)[] = [
  registerSimulateCommand,
  registerDemoCommand,
  registerGs1Command,
  registerLedgerCommand,
];

export function registerCommands(program: Command): void {
  for (const register of commandRegistrars) register(program);
}
