// One object per CLI command: its name, help text, flags and what it does. The dispatcher, the
// help printer and the tests all go through these objects.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliInputError } from './errors';
import type { CliOutput } from './output';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedCommandLine {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface CliCommand {
  name: string;
  /** One line for the tool's help. */
  summary: string;
  /** Full help text of the command (usage, options, examples). */
  help: string;
  options: OptionSpec;
  run(commandLine: ParsedCommandLine, output: CliOutput): Promise<number>;
}

/** Parses a command's arguments strictly; unknown flags and missing values become one-line input errors. */
export function parseCommandLine(
  command: Pick<CliCommand, 'name' | 'options'>,
  argv: string[],
): ParsedCommandLine {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    throw new CliInputError(describeParseError(command.name, argv, error));
  }
}

function describeParseError(commandName: string, argv: string[], error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'(-[^']*)'/.exec(message)?.[1];
  const seeHelp = `(see 'cognito-studio ${commandName} --help')`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = quoted ?? argv.find((argument) => argument.startsWith('-')) ?? '?';
    return `${commandName}: unknown option '${flag}' ${seeHelp}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return `${commandName}: ${firstSentence(message)} ${seeHelp}`;
  }
  return `${commandName}: ${firstSentence(message)} ${seeHelp}`;
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  const sentence = line.split('. ')[0] ?? line;
  return sentence.replace(/\.$/, '');
}

/** A string flag's value, or undefined. */
export function stringOption(commandLine: ParsedCommandLine, name: string): string | undefined {
  const value = commandLine.values[name];
  if (Array.isArray(value)) return value[value.length - 1];
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable string flag's values. */
export function stringListOption(commandLine: ParsedCommandLine, name: string): string[] {
  const value = commandLine.values[name];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

export function booleanOption(commandLine: ParsedCommandLine, name: string): boolean {
  return commandLine.values[name] === true;
}

/** Exactly `count` positional arguments, named for the error message. */
export function requirePositionals(
  commandName: string,
  commandLine: ParsedCommandLine,
  names: string[],
): string[] {
  const { positionals } = commandLine;
  if (positionals.length < names.length) {
    throw new CliInputError(
      `${commandName}: missing argument <${names[positionals.length]}> (see 'cognito-studio ${commandName} --help')`,
    );
  }
  if (positionals.length > names.length) {
    throw new CliInputError(
      `${commandName}: unexpected argument '${positionals[names.length]}' (see 'cognito-studio ${commandName} --help')`,
    );
  }
  return positionals;
}

/** Rejects a value outside an allowed set with a one-line message. */
export function oneOf<T extends string>(
  commandName: string,
  flag: string,
  value: string,
  allowed: readonly T[],
): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliInputError(`${commandName}: --${flag} must be one of ${allowed.join(', ')} (got '${value}')`);
}
