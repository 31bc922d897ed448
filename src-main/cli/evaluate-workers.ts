// `evaluate --batch --jobs N`: groups of lines evaluated on N worker threads, answers written in
// input order. The workers run this same bundle (main.ts starts `runBatchWorker` when loaded as a
// worker); at most two groups per worker are in flight, so memory stays bounded however long the
// input is.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { createBatchEvaluator } from './evaluate-batch';
import type { InputLine } from './line-reader';

const WORKER_KIND = 'cognito-studio:evaluate-batch';

interface WorkerData {
  kind: typeof WORKER_KIND;
  fileLabel: string;
}

interface GroupRequest {
  sequence: number;
  lines: InputLine[];
}

export interface GroupAnswer {
  sequence: number;
  /** The JSON answers of the group, each followed by a newline. */
  text: string;
  badLines: number[];
}

/** True when this thread was started by `createWorkerPool`. */
export function isBatchWorker(data: unknown = workerData): boolean {
  return (data as Partial<WorkerData> | null)?.kind === WORKER_KIND;
}

/** The worker side: answers every group it is sent. */
export function runBatchWorker(): void {
  const port = parentPort;
  if (!port) return;
  const evaluator = createBatchEvaluator((workerData as WorkerData).fileLabel);
  port.on('message', (request: GroupRequest) => {
    let text = '';
    const badLines: number[] = [];
    for (const line of request.lines) {
      const answer =
        line.text === undefined
          ? evaluator.answerUnreadable(line)
          : evaluator.answerLine(line.text, line.lineNumber);
      if (answer.bad) badLines.push(line.lineNumber);
      text += `${answer.json}\n`;
    }
    port.postMessage({ sequence: request.sequence, text, badLines } satisfies GroupAnswer);
  });
}

/**
 * The command's own entry (start.ts) when this is the built bundle beside it, so each worker too
 * starts from the code cache instead of compiling the bundle again; this file otherwise.
 */
function workerEntry(): string {
  const entry = join(__dirname, 'cognito-studio.cjs');
  return __filename.endsWith('cognito-studio-main.cjs') && existsSync(entry) ? entry : __filename;
}

export interface WorkerPool {
  /** Queues a group; resolves once there is room for another. */
  submit(lines: InputLine[]): Promise<void>;
  /** Resolves when every submitted group has been answered and written; stops the workers. */
  finish(): Promise<void>;
}

/** `write` receives the answers of each group in submission order. */
export function createWorkerPool(
  jobs: number,
  fileLabel: string,
  write: (answer: GroupAnswer) => void,
): WorkerPool {
  const entry = workerEntry();
  const workers = Array.from(
    { length: jobs },
    () => new Worker(entry, { workerData: { kind: WORKER_KIND, fileLabel } satisfies WorkerData }),
  );
  const done = new Map<number, GroupAnswer>();
  let submitted = 0;
  let written = 0;
  let failure: unknown;
  let wake: (() => void) | undefined;

  function notify(): void {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  }

  for (const worker of workers) {
    worker.on('message', (answer: GroupAnswer) => {
      done.set(answer.sequence, answer);
      for (let next = done.get(written); next; next = done.get(written)) {
        done.delete(written);
        written += 1;
        write(next);
      }
      notify();
    });
    worker.on('error', (error) => {
      failure ??= error;
      notify();
    });
  }

  async function waitUntil(condition: () => boolean): Promise<void> {
    while (!condition()) {
      if (failure !== undefined) throw failure;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    if (failure !== undefined) throw failure;
  }

  return {
    async submit(lines) {
      workers[submitted % jobs]?.postMessage({ sequence: submitted, lines } satisfies GroupRequest);
      submitted += 1;
      await waitUntil(() => submitted - written < jobs * 2);
    },
    async finish() {
      try {
        await waitUntil(() => written === submitted);
      } finally {
        await Promise.all(workers.map((worker) => worker.terminate()));
      }
    },
  };
}
