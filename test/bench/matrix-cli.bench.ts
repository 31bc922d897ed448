// `matrix` through the built CLI at scale: the photo-sharing example with its personas repeated to
// 500 and 5,000, × the example's actions, in every output format. Time should grow linearly with
// the rows (the 5,000 / 500 time ratio near 10) and peak RSS stay flat.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchReport } from './report';

const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'dist/cli/cognito-studio.cjs');
const actions = join(root, 'assets/examples/requests/photo-actions.txt');
const NOW = '2026-01-15T10:00:00.000Z';

function designWith(count: number, folder: string): string {
  const design = JSON.parse(
    readFileSync(join(root, 'assets/examples/photo-sharing.cognito-design.json'), 'utf8'),
  ) as {
    personas: Array<Record<string, unknown> & { id: string; name: string }>;
  };
  const base = design.personas;
  design.personas = Array.from({ length: count }, (_, index) => {
    const persona = structuredClone(base[index % base.length]) as (typeof base)[number];
    persona.id = `${persona.id}-${index}`;
    persona.name = `${persona.name} #${index}`;
    return persona;
  });
  const file = join(folder, `personas-${count}.cognito-design.json`);
  writeFileSync(file, JSON.stringify(design));
  return file;
}

function runMatrix(args: string[]): { seconds: number; rssMiB: number; lines: number } {
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`matrix failed: ${result.stderr.slice(0, 500)}`);
  const kib = Number(/(\d+)\s*$/.exec(result.stderr.trim())?.[1]);
  return { seconds, rssMiB: kib / 1024, lines: result.stdout.split('\n').length - 1 };
}

export async function run(): Promise<BenchReport> {
  const folder = mkdtempSync(join(tmpdir(), 'cognito-studio-matrix-bench-'));
  const metrics: BenchReport['metrics'] = [];
  const notes: string[] = [];
  const failures: string[] = [];
  try {
    const small = designWith(500, folder);
    const large = designWith(5000, folder);
    for (const format of ['text', 'csv', 'json'] as const) {
      const flag = format === 'text' ? [] : [`--${format}`];
      const a = runMatrix(['matrix', small, '--actions', actions, '--now', NOW, ...flag]);
      const b = runMatrix(['matrix', large, '--actions', actions, '--now', NOW, ...flag]);
      if (format === 'csv')
        notes.push(
          `5,000 personas x ${readFileSync(actions, 'utf8').trim().split('\n').length} actions: ${(b.lines - 1).toLocaleString('en-US')} rows`,
        );
      const growth = b.seconds / a.seconds;
      metrics.push(
        { name: `${format}: 500 personas`, value: a.seconds, unit: 's' },
        { name: `${format}: 5,000 personas`, value: b.seconds, unit: 's' },
        {
          name: `${format}: time 5,000 / 500 personas`,
          value: growth,
          unit: 'x',
          target: '<= 12x (linear: 10x)',
          met: growth <= 12,
        },
        { name: `${format}: peak RSS 500 personas`, value: a.rssMiB, unit: 'MiB' },
        { name: `${format}: peak RSS 5,000 personas`, value: b.rssMiB, unit: 'MiB' },
      );
    }
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return { name: 'CLI: matrix at scale', notes, metrics, failures };
}
