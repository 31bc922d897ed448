// `diff` and `report` on the example designs, as a reviewer's CI runs them.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, expectOneLineError, projectRoot, runCli, temporaryDirectory } from './run-cli';

const photos = 'assets/examples/photo-sharing.cognito-design.json';
const widened = 'assets/examples/changes/photo-sharing-viewers-delete.cognito-design.json';
const now = '2026-03-01T12:00:00Z';
const MEDIA = 'arn:aws:s3:::photo-sharing-media-111122223333';

beforeAll(() => buildCli());

interface DiffJson {
  newlyAllowed: number;
  newlyDenied: number;
  changes: Array<{ kind: string; personaId: string; action: string; resource: string; message: string }>;
}

describe('diff', () => {
  it('lists what the edit newly allows, in words, and exits 0 without the CI flag', () => {
    const run = runCli(['diff', photos, widened, '--now', now]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `+ this edit gives \`Carol (viewers, mobile)\` \`s3:DeleteObject\` on \`${MEDIA}/public/*\``,
    );
    expect(run.stdout).toContain('2 newly allowed, 0 newly denied');
  });

  it('exits 1 with --fail-on-new-access when access grows, 0 when it shrinks', () => {
    expect(runCli(['diff', photos, widened, '--fail-on-new-access', '--now', now]).status).toBe(1);
    const reverse = runCli(['diff', widened, photos, '--fail-on-new-access', '--json', '--now', now]);
    expect(reverse.status).toBe(0);
    const json = JSON.parse(reverse.stdout) as DiffJson;
    expect(json.newlyAllowed).toBe(0);
    expect(
      json.changes.map((change) => [change.kind, change.personaId, change.action, change.resource]),
    ).toEqual([
      ['newlyDenied', 'persona-carol', 's3:DeleteObject', `${MEDIA}/public/*`],
      ['newlyDenied', 'persona-dave-viewer', 's3:DeleteObject', `${MEDIA}/public/*`],
    ]);
    expect(json.changes[0]?.message).toMatch(/^this edit takes `s3:DeleteObject` on .* away from `Carol/);
  });

  it('says so when nothing changes', () => {
    const run = runCli(['diff', photos, photos, '--fail-on-new-access', '--now', now]);
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('No access changes.');
  });

  it('rejects a missing design with one line', () => {
    expect(expectOneLineError(runCli(['diff', photos, 'missing.cognito-design.json']))).toContain(
      'missing.cognito-design.json',
    );
  });
});

describe('report', () => {
  it('writes a self-contained HTML report with every section, atomically to --out', () => {
    const target = join(temporaryDirectory(), 'review.html');
    const run = runCli(['report', photos, '--format', 'html', '--out', target, '--now', now]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Wrote the html review report of .* design SHA-256 [0-9a-f]{64}\n$/);
    const html = readFileSync(target, 'utf8');
    for (const heading of ['Summary', 'Design graph', 'Findings', 'Personas', 'Access matrix'])
      expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('Guest role grants data reads');
    expect(html).toContain('arn:aws:iam::111122223333:role/photo-sharing/PhotoSharingAdmins');
    expect(html).toContain('2026-03-01T12:00:00.000Z');
    // Nothing to fetch: no scripts, no external URLs other than the SVG namespace, a CSP that forbids requests.
    expect(html).not.toMatch(/<script|<link|@import|url\((?!#)/i);
    expect(
      html.match(/https?:\/\/[^\s"'<]+/g)?.filter((url) => url !== 'http://www.w3.org/2000/svg'),
    ).toEqual([]);
    expect(html).toContain("default-src 'none'");
    // An existing report is kept without --force.
    expect(expectOneLineError(runCli(['report', photos, '--format', 'html', '--out', target]))).toContain(
      target,
    );
    expect(runCli(['report', photos, '--format', 'html', '--out', target, '--force']).status).toBe(0);
  });

  it('hashes the design as saved, so the same design gives the same hash in JSON and Markdown', () => {
    const json = JSON.parse(runCli(['report', photos, '--format', 'json', '--now', now]).stdout) as {
      design: { sha256: string };
      findings: { counts: Record<string, number> };
      personas: Array<{ id: string; outcome: string; roleArn?: string }>;
      matrix: { personas: unknown[]; actions: number; allowedRows: Array<{ action: string }> };
    };
    const markdown = runCli(['report', photos, '--format', 'md', '--now', now]).stdout;
    expect(json.design.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(markdown).toContain(`Design SHA-256: ${json.design.sha256}`);
    expect(json.findings.counts.low).toBe(1);
    expect(json.personas.find((persona) => persona.id === 'persona-bob')?.roleArn).toBe(
      'arn:aws:iam::111122223333:role/photo-sharing/PhotoSharingEditors',
    );
    expect(json.matrix.personas).toHaveLength(8);
    expect(json.matrix.allowedRows.some((row) => row.action === 's3:DeleteObject')).toBe(true);
  });

  it('never writes raw control characters from the design into any format', () => {
    const design = JSON.parse(readFileSync(join(projectRoot, photos), 'utf8')) as {
      name: string;
      personas: Array<{ name: string }>;
    };
    design.name = 'Photos\u001b[31m\u202e';
    design.personas[0]!.name = 'Guest\u0007<script>';
    const file = join(temporaryDirectory(), 'hostile.cognito-design.json');
    writeFileSync(file, JSON.stringify(design));
    for (const format of ['html', 'md', 'json']) {
      const run = runCli(['report', file, '--format', format, '--now', now]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.replace(/\n/g, '')).not.toMatch(
        // eslint-disable-next-line no-control-regex -- looking for control characters
        /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
      );
    }
    const html = runCli(['report', file, '--format', 'html', '--now', now]).stdout;
    expect(html).toContain('Photos\\u{001b}[31m\\u{202e}');
    expect(html).toContain('Guest\\u{0007}&lt;script&gt;');
  });

  it('requires a format', () => {
    expect(expectOneLineError(runCli(['report', photos]))).toContain('--format');
  });
});
