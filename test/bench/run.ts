// Runs every `test/bench/*.bench.ts` module (or those whose file name contains one of the command
// line arguments), prints their figures and exits non-zero if any reported a failure.
// Usage: npm run bench [-- <name filter>...]
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchReport } from './report';

const directory = path.dirname(fileURLToPath(import.meta.url));

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(3);
}

function printReport(report: BenchReport): void {
  console.log(`\n== ${report.name}`);
  for (const note of report.notes) console.log(`   ${note}`);
  for (const metric of report.metrics) {
    const target = metric.target ? `  (target ${metric.target}: ${metric.met ? 'met' : 'NOT met'})` : '';
    console.log(
      `   ${metric.name.padEnd(48)} ${formatValue(metric.value).padStart(14)} ${metric.unit}${target}`,
    );
  }
  for (const failure of report.failures) console.log(`   FAILURE: ${failure}`);
}

function isBenchReport(value: unknown): value is BenchReport {
  if (typeof value !== 'object' || value === null) return false;
  const report = value as Partial<BenchReport>;
  return (
    typeof report.name === 'string' &&
    Array.isArray(report.notes) &&
    Array.isArray(report.metrics) &&
    Array.isArray(report.failures)
  );
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
    .sort();
  if (files.length === 0) {
    console.error(`No benchmark matches ${filters.join(', ') || 'test/bench/*.bench.ts'}.`);
    return 2;
  }
  let failed = false;
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(directory, file)).href)) as {
      run?: () => Promise<BenchReport>;
    };
    if (typeof module.run !== 'function') {
      console.error(`${file}: does not export "async function run(): Promise<BenchReport>".`);
      failed = true;
      continue;
    }
    const report: unknown = await module.run();
    if (!isBenchReport(report)) {
      console.error(
        `${file}: run() returned no BenchReport ({ name, notes, metrics, failures }; see README.md).`,
      );
      failed = true;
      continue;
    }
    printReport(report);
    if (report.failures.length > 0) failed = true;
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
