// `cognito-studio evaluate <request.json> [--json]` and `evaluate --batch <requests.jsonl>`.
// Batch mode writes one JSON object per non-blank input line, in input order; a bad line yields
// {"line": n, "error": "..."} and the others continue. Exit code: 0 when every line was answered,
// 2 when at least one line was bad input (with one summary line on stderr). The decision itself
// never changes the exit code.

import { evaluate } from '../../../shared/iam';
import {
  booleanOption,
  requirePositionals,
  stringOption,
  type CliCommand,
  type ParsedCommandLine,
} from '../command';
import { CliInputError, EXIT_BAD_INPUT, EXIT_OK } from '../errors';
import { createBatchEvaluator, MAX_BATCH_LINE_BYTES } from '../evaluate-batch';
import { parseEvaluationInput } from '../evaluate-input';
import { createWorkerPool } from '../evaluate-workers';
import { describeFileFailure, readJsonFile } from '../files';
import { formatDecisionText } from '../format/decision';
import { openLineSource, readLines } from '../line-reader';
import { bufferedOutput, quoteInput, type CliOutput } from '../output';

const help = `Usage:
  cognito-studio evaluate <request.json> [--json]
  cognito-studio evaluate --batch <requests.jsonl | -> [--jobs <n>]

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
Batch mode reads the file (or standard input for -) line by line and prints one JSON object per
non-blank line, in input order, as it goes:
  {"line": <n>, "decision", "summary", "decidingStatements"} or {"line": <n>, "error": "<message>"}.
Each line may hold up to 8 MiB; there is no limit on the number of lines. A policy repeated on
many lines is validated and compiled once or twice, not on every line.

Options:
  --json            print JSON instead of text
  --batch <file|->  evaluate every line of a JSON-lines file (- = standard input)
  --jobs <n>        with --batch: evaluate on n worker threads (output order kept; default 1)
  -h, --help        show this help

Exit codes: 0 answered (whatever the decision), 2 bad input (in batch mode: at least one bad line).`;

export const evaluateCommand: CliCommand = {
  name: 'evaluate',
  summary: 'evaluate one IAM request, or a batch of them (JSON lines)',
  help,
  options: { json: { type: 'boolean' }, batch: { type: 'string' }, jobs: { type: 'string' } },
  async run(commandLine, output) {
    const batchFile = stringOption(commandLine, 'batch');
    if (batchFile !== undefined) {
      if (commandLine.positionals.length > 0) {
        throw new CliInputError(
          `evaluate: --batch takes its file as the flag value; unexpected argument '${quoteInput(commandLine.positionals[0] ?? '')}'`,
        );
      }
      return runBatch(batchFile, jobsOption(stringOption(commandLine, 'jobs')), output);
    }
    if (stringOption(commandLine, 'jobs') !== undefined)
      throw new CliInputError('evaluate: --jobs applies to --batch only');
    return runSingle(commandLine, output);
  },
};

function jobsOption(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 64)
    throw new CliInputError(
      `evaluate: --jobs must be a whole number from 1 to 64 (got '${quoteInput(value)}')`,
    );
  return Number(value);
}

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

interface BatchSummary {
  count: number;
  first: number[];
}

/** Streams the input: memory holds one group of lines and one output buffer, whatever the length. */
async function runBatch(file: string, jobs: number, output: CliOutput): Promise<number> {
  let source;
  try {
    source = await openLineSource(file);
  } catch (error) {
    throw new CliInputError(`${file}: ${describeFileFailure(error)}`);
  }
  const label = file === '-' ? '<stdin>' : file;
  // Small pieces: answers waiting in the buffer live through young-generation collections (see
  // GROUP_BYTES), and a write of 32 KiB costs next to nothing per answer.
  const writer = bufferedOutput(output, 32 * 1024);
  const bad: BatchSummary = { count: 0, first: [] };
  const noteBad = (lineNumber: number): void => {
    bad.count += 1;
    if (bad.first.length < 10) bad.first.push(lineNumber);
  };
  try {
    if (jobs <= 1) {
      const evaluator = createBatchEvaluator(label);
      for await (const group of readLines(source.stream, MAX_BATCH_LINE_BYTES)) {
        for (const line of group) {
          const answer =
            line.text === undefined
              ? evaluator.answerUnreadable(line)
              : evaluator.answerLine(line.text, line.lineNumber);
          if (answer.bad) noteBad(line.lineNumber);
          writer.write(`${answer.json}\n`);
        }
      }
    } else {
      const pool = createWorkerPool(jobs, label, (answer) => {
        answer.badLines.forEach(noteBad);
        writer.write(answer.text);
      });
      try {
        // One group per chunk read: each group is a message to a worker, which copies it anyway.
        const groups = readLines(source.stream, MAX_BATCH_LINE_BYTES, Number.POSITIVE_INFINITY);
        for await (const group of groups) await pool.submit(group);
      } finally {
        await pool.finish();
      }
    }
  } catch (error) {
    if (error instanceof CliInputError) throw error;
    throw new CliInputError(`${label}: cannot read: ${describeFileFailure(error)}`);
  } finally {
    writer.flush();
    await source.close();
  }
  if (bad.count > 0) {
    const listed = bad.first.join(', ') + (bad.count > bad.first.length ? ', …' : '');
    output.err(
      `${label}: ${bad.count} line(s) could not be evaluated (line ${listed}); see the "error" objects in the output\n`,
    );
    return EXIT_BAD_INPUT;
  }
  return EXIT_OK;
}
