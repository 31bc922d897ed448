// The CLI starts from the code cache the build writes next to its bundle, and never runs code
// cached from another text of the bundle: V8 itself would accept a cache made for any text of
// the same length.
import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codeCachePath, loadBundle } from '../../../src-main/cli/code-cache';
import { buildCli, projectRoot } from './run-cli';

const mainBundle = join(projectRoot, 'dist/cli/cognito-studio-main.cjs');
const folders: string[] = [];

/**
 * A copy of the built bundle and its cache in a fresh folder inside the project (where the bundle
 * finds the packages it loads at run time); returns the copy's path.
 */
function copyOfBundle(): string {
  const folder = mkdtempSync(join(projectRoot, 'dist', 'code-cache-test-'));
  folders.push(folder);
  const copy = join(folder, 'cognito-studio-main.cjs');
  copyFileSync(mainBundle, copy);
  copyFileSync(codeCachePath(mainBundle), codeCachePath(copy));
  return copy;
}

beforeAll(() => buildCli());
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('CLI code cache', () => {
  it('is written by the build and used for the bundle it was made from', () => {
    expect(loadBundle(mainBundle).cacheUsed).toBe(true);
  });

  it('is not used for a bundle whose text changed, even to the same length', () => {
    const copy = copyOfBundle();
    const text = readFileSync(copy, 'utf8');
    const at = text.indexOf('Usage:');
    writeFileSync(copy, `${text.slice(0, at)}usage:${text.slice(at + 'Usage:'.length)}`);
    expect(readFileSync(copy, 'utf8')).toHaveLength(text.length);
    expect(loadBundle(copy).cacheUsed).toBe(false);
  });

  it('is made from a bundle of ASCII text, which the loader reads without decoding UTF-8', () => {
    expect(isAscii(readFileSync(mainBundle))).toBe(true);
  });

  it('does not stand in the way of a bundle that is not ASCII: its text is read as UTF-8', () => {
    const copy = copyOfBundle();
    const text = readFileSync(copy, 'utf8');
    writeFileSync(copy, text.replace('Usage: cognito-studio <command>', 'Üsage — cognito-studio <command>'));
    const start = join(dirname(copy), 'cognito-studio.cjs');
    copyFileSync(join(projectRoot, 'dist/cli/cognito-studio.cjs'), start);
    const help = spawnSync(process.execPath, [start, '--help'], { encoding: 'utf8' });
    expect(help.stdout).toContain('Üsage — cognito-studio <command>');
    expect(loadBundle(copy).cacheUsed).toBe(false);
  });

  it('is not needed: without it the command answers the same', () => {
    const copy = copyOfBundle();
    rmSync(codeCachePath(copy));
    const start = join(projectRoot, 'dist/cli/cognito-studio.cjs');
    copyFileSync(start, join(dirname(copy), 'cognito-studio.cjs'));
    const line = JSON.stringify({
      request: { principal: 'arn:aws:iam::123456789012:user/a', action: 's3:GetObject', resource: '*' },
      identityPolicies: [
        { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' } },
      ],
    });
    const answer = (entry: string): unknown =>
      spawnSync(process.execPath, [entry, 'evaluate', '--batch', '-'], { encoding: 'utf8', input: line })
        .stdout;
    expect(answer(join(dirname(copy), 'cognito-studio.cjs'))).toBe(answer(start));
    expect(answer(start)).toContain('"decision":"Allowed"');
  });
});
