// Entry point of the `cognito-studio` command (bundled to dist/cli/cognito-studio.cjs).

import { runCli } from './cli';
import { processOutput } from './output';

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`cognito-studio: internal error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exitCode = 2;
}

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
