// Dispatches `cognito-studio <command> …` to the command objects. Every failure ends here as one
// line on stderr: bad input exits 2, anything unexpected also exits 2 with an "internal error"
// prefix, never with a stack trace (design.md §9).

import { parseCommandLine, type CliCommand } from './command';
import { evaluateCommand } from './commands/evaluate';
import { exportCommand } from './commands/export';
import { importAwsCommand } from './commands/import-aws';
import { checkCommand } from './commands/check';
import { diffCommand } from './commands/diff';
import { matrixCommand } from './commands/matrix';
import { reportCommand } from './commands/report';
import { simulateCommand } from './commands/simulate';
import { validateCommand } from './commands/validate';
import { applyCommand } from './commands/apply';
import { planCommand } from './commands/plan';
import { pullCommand } from './commands/pull';
import { CliInputError, EXIT_BAD_INPUT, EXIT_OK, oneLine } from './errors';
import { boundMessage, quoteInput, type CliOutput } from './output';
import { toolVersion } from './version';

export const commands: readonly CliCommand[] = [
  validateCommand,
  simulateCommand,
  evaluateCommand,
  matrixCommand,
  checkCommand,
  importAwsCommand,
  exportCommand,
  pullCommand,
  planCommand,
  applyCommand,
  reportCommand,
  diffCommand,
];

function toolHelp(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `Usage: cognito-studio <command> [options]

Design, simulate and review Amazon Cognito identity-pool federation and the IAM policies it grants.

Commands:
${list}

Run 'cognito-studio <command> --help' for a command's options and examples.
Exit codes: 0 success, 1 errors or findings reported, 2 bad input.`;
}

export async function runCli(argv: readonly string[], output: CliOutput): Promise<number> {
  try {
    return await dispatch([...argv], output);
  } catch (error) {
    const prefix = error instanceof CliInputError ? 'error' : 'internal error';
    output.err(`cognito-studio: ${prefix}: ${boundMessage(oneLine(error))}\n`);
    return EXIT_BAD_INPUT;
  }
}

async function dispatch(argv: string[], output: CliOutput): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    output.out(`${toolHelp()}\n`);
    return first === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  if (first === '--version' || first === '-V') {
    output.out(`${toolVersion()}\n`);
    return EXIT_OK;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      output.out(`${toolHelp()}\n`);
      return EXIT_OK;
    }
    output.out(`${findCommand(topic).help}\n`);
    return EXIT_OK;
  }
  const command = findCommand(first);
  const commandLine = parseCommandLine(command, rest);
  if (commandLine.values.help === true) {
    output.out(`${command.help}\n`);
    return EXIT_OK;
  }
  return command.run(commandLine, output);
}

function findCommand(name: string): CliCommand {
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const hint = name.startsWith('-') ? 'unknown option' : 'unknown command';
    throw new CliInputError(
      `${hint} '${quoteInput(name)}' (commands: ${commands.map((candidate) => candidate.name).join(', ')})`,
    );
  }
  return command;
}
