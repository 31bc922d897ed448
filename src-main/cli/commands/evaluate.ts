// `cognito-studio evaluate <request.json> [--json]` and `evaluate --batch <requests.jsonl>`.
// Batch mode writes one JSON object per non-blank input line, in input order; a bad line yields
// {"line": n, "error": "..."} and the others continue. Exit code: 0 when every line was answered,
// 2 when at least one line was bad input (with one summary line on stderr). The decision itself
// never changes the exit code.

import { evaluate } from '../../../shared/iam';
import type { EvaluationResult } from '../../../shared/iam';
import {
  booleanOption,
  requirePositionals,
  stringOption,
  type CliCommand,
  type ParsedCommandLine,
} from '../command';
import { CliInputError, EXIT_BAD_INPUT, EXIT_OK, oneLine } from '../errors';
import { parseEvaluationInput } from '../evaluate-input';
import { findExcessiveNesting, parseJsonText as parseLocatedJson } from '../../../shared/model/json-text';
import { describeJsonError, MAX_JSON_DEPTH, readJsonFile, readTextFile } from '../files';
import { formatDecisionText, statementReference } from '../format/decision';
import type { CliOutput } from '../output';

const help = `Usage:
  cognito-studio evaluate <request.json> [--json]
  cognito-studio evaluate --batch <requests.jsonl>

Evaluates IAM requests against the policies given in the input.

Input (one JSON object; in batch mode one per line):
  {"request": {"principal": "<arn>", "action": "<service:Action>", "resource": "<arn>",
               "resourceAccount": "<12 digits>" (optional), "context": {"<key>": "<value>" | ["<value>", ...]}},
   "identityPolicies": [<policy>, ...],
   "sessionPolicies": [<policy>, ...]   (optional; together they act as one set),
   "permissionsBoundary": <policy>      (optional),
   "resourcePolicy": <policy>           (optional)}

Output: the decision ("Allowed", "ExplicitlyDenied" or "ImplicitlyDenied") and the deciding
statements; with --json, {"decision", "summary", "decidingStatements", "policyTypes", "statements"}.
Batch mode prints one JSON object per non-blank line, in order:
  {"line": <n>, "decision", "summary", "decidingStatements"} or {"line": <n>, "error": "<message>"}.

Options:
  --json            print JSON instead of text
  --batch <file>    evaluate every line of a JSON-lines file
  -h, --help        show this help

Exit codes: 0 answered (whatever the decision), 2 bad input (in batch mode: at least one bad line).`;

export const evaluateCommand: CliCommand = {
  name: 'evaluate',
  summary: 'evaluate one IAM request, or a batch of them (JSON lines)',
  help,
  options: { json: { type: 'boolean' }, batch: { type: 'string' } },
  async run(commandLine, output) {
    const batchFile = stringOption(commandLine, 'batch');
    if (batchFile !== undefined) {
      if (commandLine.positionals.length > 0) {
        throw new CliInputError(
          `evaluate: --batch takes its file as the flag value; unexpected argument '${commandLine.positionals[0]}'`,
        );
      }
      return runBatch(batchFile, output);
    }
    return runSingle(commandLine, output);
  },
};

async function runSingle(commandLine: ParsedCommandLine, output: CliOutput): Promise<number> {
  const [file] = requirePositionals('evaluate', commandLine, ['request.json']) as [string];
  const input = parseEvaluationInput(await readJsonFile(file), file);
  const result = evaluate(input);
  if (booleanOption(commandLine, 'json')) {
    output.out(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    output.out(formatDecisionText(result));
  }
  return EXIT_OK;
}

async function runBatch(file: string, output: CliOutput): Promise<number> {
  const lines = (await readTextFile(file)).split(/\r?\n/);
  const badLines: number[] = [];
  lines.forEach((text, index) => {
    if (text.trim() === '') return;
    const lineNumber = index + 1;
    const where = `${file}:${lineNumber}`;
    try {
      const value = parseLine(text, where);
      const result = evaluate(parseEvaluationInput(value, where));
      output.out(`${JSON.stringify({ line: lineNumber, ...batchResult(result) })}\n`);
    } catch (error) {
      badLines.push(lineNumber);
      output.out(`${JSON.stringify({ line: lineNumber, error: oneLine(error) })}\n`);
    }
  });
  if (badLines.length > 0) {
    const listed = badLines.slice(0, 10).join(', ') + (badLines.length > 10 ? ', …' : '');
    output.err(
      `${file}: ${badLines.length} line(s) could not be evaluated (line ${listed}); see the "error" objects in the output\n`,
    );
    return EXIT_BAD_INPUT;
  }
  return EXIT_OK;
}

function parseLine(text: string, where: string): unknown {
  const deepAt = findExcessiveNesting(text, MAX_JSON_DEPTH);
  if (deepAt >= 0) {
    throw new CliInputError(
      `${where}: JSON nested more than ${MAX_JSON_DEPTH} levels deep at column ${deepAt + 1}`,
    );
  }
  const parsed = parseLocatedJson(text);
  if (parsed.ok) return parsed.value;
  throw new CliInputError(
    `${where}: malformed JSON: ${describeJsonError(text, parsed, { singleLine: true })}`,
  );
}

function batchResult(result: EvaluationResult): Record<string, unknown> {
  return {
    decision: result.decision,
    summary: result.summary,
    decidingStatements: result.decidingStatements.map(statementReference),
  };
}
