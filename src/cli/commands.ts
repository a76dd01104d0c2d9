// The commands `rgan` knows, in the order `rgan --help` lists them. Adding a command is adding
// its file under commands/ and one line here.
import type { RegisterCommand } from './command.js';
import { registerInfo } from './commands/info.js';

export const COMMANDS: readonly RegisterCommand[] = [
  registerInfo,
];
