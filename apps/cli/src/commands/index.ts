import { type Command } from 'commander';

/** Each command module exports a function that adds its subcommand to the program. */
const commandRegistrars: ((program: Command) => void)[] = [];

export function registerCommands(program: Command): void {
  for (const register of commandRegistrars) register(program);
}
