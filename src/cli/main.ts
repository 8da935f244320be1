import { Command } from 'commander';
import { demoCommand } from './commands/demo.ts';
import { diffCommand } from './commands/diff.ts';
import { importCommand } from './commands/import.ts';
import { linkCommand } from './commands/link.ts';
import { listsCommand } from './commands/lists.ts';
import { serveCommand } from './commands/serve.ts';
import { userCommand } from './commands/user.ts';
import { validateCommand } from './commands/validate.ts';
import { runCli } from './run.ts';

const program = new Command('sinergi')
  .description('Sinergi: data dan koordinasi penanggulangan kemiskinan / poverty-reduction data platform')
  .showHelpAfterError();

program.addCommand(serveCommand());
program.addCommand(importCommand());
program.addCommand(diffCommand());
program.addCommand(linkCommand());
program.addCommand(listsCommand());
program.addCommand(demoCommand());
program.addCommand(userCommand());
program.addCommand(validateCommand());

await runCli(program);
