// Entry point of the `cognito-studio` command (bundled to dist/cli/cognito-studio-main.cjs, which
// start.ts runs). The same bundle also runs as the worker threads of `evaluate --batch --jobs`.

import { runCli } from './cli';
import { isBatchWorker, runBatchWorker } from './evaluate-workers';
import { boundMessage, escapeTerminalText, processOutput } from './output';

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    escapeTerminalText(
      `cognito-studio: internal error: ${boundMessage(message.replace(/\s*\n\s*/g, ' '))}\n`,
    ),
  );
  process.exitCode = 2;
}

function startCli(): void {
  // Errors escaping the promise chain (e.g. thrown from a stream callback) still end as one line.
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);

  // A closed pipe (`cognito-studio … | head`) is not an error worth reporting.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    fail(error);
  });

  runCli(process.argv.slice(2), processOutput()).then((code) => {
    process.exitCode = code;
  }, fail);
}

if (isBatchWorker()) runBatchWorker();
else startCli();
