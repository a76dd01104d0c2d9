// The commands `rgan` knows, in the order `rgan --help` lists them. Adding a command is adding
// its file under commands/ and one line here.
import type { RegisterCommand } from './command.js';
import { registerDemo } from './commands/demo.js';
import { registerEval } from './commands/eval.js';
import { registerInfo } from './commands/info.js';
import { registerReport } from './commands/report.js';
import { registerSample } from './commands/sample.js';
import { registerTrain } from './commands/train.js';

export const COMMANDS: readonly RegisterCommand[] = [
  registerDemo,
  registerTrain,
  registerSample,
  registerInfo,
  registerEval,
  registerReport,
];
