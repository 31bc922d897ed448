import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_DESIGN_BYTES,
  formatIssue,
  loadDesign,
  MAX_NESTING_DEPTH,
  serializeDesign,
} from '../../../shared/model/io';
import { DESIGN_FORMAT, DESIGN_VERSION } from '../../../shared/model/types';
import type { DesignDocument } from '../../../shared/model/types';
import { aDesign, aPolicy } from '../builders/design';

function sample(): DesignDocument {
  return aDesign()
    .withIdentityPool({ id: 'ipool', allowUnauthenticated: true, unauthenticatedRoleId: 'guest' })
    .withRole({ id: 'guest', name: 'Guest', tags: { zeta: '1', alpha: '2' } })
    .withPosition('ipool', 0, 0)
    .withPosition('guest', 300, 0)
    .build();
}

function errorOf(text: string, options = {}) {
  const result = loadDesign(text, options);
  expect(result.ok).toBe(false);
  return result.issues[0];
}

describe('loadDesign', () => {
  it('loads a valid design with no issues', () => {
    const design = sample();
    const result = loadDesign(serializeDesign(design));
    expect(result).toEqual({ ok: true, design, issues: [] });
  });

  it('rejects text over the size limit before parsing it', () => {
    const issue = errorOf(`{"a": "${'x'.repeat(200)}"}`, { maxBytes: 100 });
    expect(issue).toMatchObject({ code: 'too-large', path: '$' });
    expect(issue?.message).toContain('100 bytes');
  });

  it('counts the limit in UTF-8 bytes, not characters', () => {
    // 40 three-byte characters: 40 UTF-16 units but 120 bytes.
    const text = `"${'€'.repeat(40)}"`;
    expect(errorOf(text, { maxBytes: 100 })?.code).toBe('too-large');
    expect(errorOf(text, { maxBytes: 200 })?.code).toBe('not-a-design');
  });

  it('has a 20 MiB default limit', () => {
    expect(DEFAULT_MAX_DESIGN_BYTES).toBe(20 * 1024 * 1024);
    expect(errorOf(' '.repeat(DEFAULT_MAX_DESIGN_BYTES + 1))?.code).toBe('too-large');
  });

  it('reports JSON syntax errors with line and column', () => {
    const issue = errorOf('{\n  "format": "x",\n  "version": 2,\n}');
    expect(issue).toMatchObject({ code: 'invalid-json', path: '$', line: 4, column: 1 });
    expect(issue?.message).toMatch(/^not valid JSON \(line 4, column 1\): /);
  });

  it('reports truncated JSON at its end', () => {
    const issue = errorOf('{\n  "format": ');
    expect(issue).toMatchObject({ code: 'invalid-json', line: 2, column: 13 });
  });

  it('rejects absurd nesting without recursing', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const issue = errorOf(text);
    expect(issue).toMatchObject({ code: 'too-deep', line: 1, column: MAX_NESTING_DEPTH + 1 });
  });

  it('ignores brackets inside strings when measuring nesting', () => {
    const design = sample();
    design.description = '['.repeat(500);
    expect(loadDesign(serializeDesign(design)).ok).toBe(true);
  });

  it('rejects JSON that is not an object', () => {
    expect(errorOf('[1, 2]')).toMatchObject({
      code: 'not-a-design',
      message: 'a design file holds a JSON object, got an array',
    });
  });

  it('rejects another format', () => {
    expect(errorOf('{"format": "something-else", "version": 2}')).toMatchObject({
      code: 'not-a-design',
      path: '$.format',
    });
    expect(errorOf('{"version": 2}')?.message).toContain('no "format" field');
  });

  it('rejects a newer version with a clear message', () => {
    const issue = errorOf(JSON.stringify({ format: DESIGN_FORMAT, version: DESIGN_VERSION + 1 }));
    expect(issue).toMatchObject({ code: 'unsupported-version', path: '$.version' });
    expect(issue?.message).toContain('newer version');
    expect(issue?.message).toContain(`format version ${DESIGN_VERSION + 1}`);
  });

  it.each([0, -1, 1.5, '2', null])('rejects version %j', (version) => {
    expect(errorOf(JSON.stringify({ format: DESIGN_FORMAT, version }))?.code).toBe('unsupported-version');
  });

  it('accepts a byte order mark', () => {
    expect(loadDesign(`\uFEFF${serializeDesign(sample())}`).ok).toBe(true);
  });

  it('names the file in every issue', () => {
    const result = loadDesign('{', { fileName: 'broken.cognito-design.json' });
    expect(result.issues[0]?.file).toBe('broken.cognito-design.json');
    expect(formatIssue(result.issues[0]!)).toMatch(
      /^broken\.cognito-design\.json:1:2: error: \$: not valid JSON/,
    );
  });

  it('rejects semantic errors by default and returns them with allowSemanticErrors', () => {
    const design = sample();
    const pool = design.identityPools[0]!;
    pool.unauthenticatedRoleId = 'missing';
    const text = serializeDesign(design);
    const strict = loadDesign(text);
    expect(strict.ok).toBe(false);
    expect(strict.issues).toContainEqual(
      expect.objectContaining({
        code: 'dangling-reference',
        path: '$.identityPools[0].unauthenticatedRoleId',
      }),
    );
    const lenient = loadDesign(text, { allowSemanticErrors: true });
    expect(lenient.ok).toBe(true);
    expect(lenient.ok && lenient.design.identityPools[0]?.unauthenticatedRoleId).toBe('missing');
  });

  it('never accepts a structurally invalid design, even with allowSemanticErrors', () => {
    const text = serializeDesign(sample()).replace(
      '"maxSessionDuration": 3600',
      '"maxSessionDuration": "long"',
    );
    expect(loadDesign(text, { allowSemanticErrors: true }).ok).toBe(false);
  });

  it('drops unknown fields with a warning', () => {
    const text = serializeDesign(sample()).replace('"name": "Guest"', '"name": "Guest", "colour": "red"');
    const result = loadDesign(text);
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'unknown-field', path: '$.roles[0].colour' }),
    ]);
    expect(result.ok && 'colour' in (result.design.roles[0] ?? {})).toBe(false);
  });

  it('returns an issue instead of throwing when given something other than text', () => {
    expect(loadDesign(42 as unknown as string).issues[0]?.code).toBe('not-text');
  });
});

describe('serializeDesign', () => {
  it('uses 2-space indentation and ends with a newline', () => {
    const text = serializeDesign(sample());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe(`  "format": "${DESIGN_FORMAT}",`);
  });

  it('writes known keys in the documented order whatever the input order', () => {
    const design = sample();
    const scrambled = Object.fromEntries(Object.entries(design).reverse()) as unknown as DesignDocument;
    const role = design.roles[0]!;
    scrambled.roles = [Object.fromEntries(Object.entries(role).reverse()) as unknown as typeof role];
    const text = serializeDesign(scrambled);
    expect(text).toBe(serializeDesign(design));
    const topKeys = [...text.matchAll(/^ {2}"(\w+)":/gm)].map((match) => match[1]);
    expect(topKeys).toEqual([
      'format',
      'version',
      'name',
      'account',
      'providers',
      'userPools',
      'identityPools',
      'roles',
      'managedPolicies',
      'personas',
      'layout',
    ]);
    const roleKeys = [...text.matchAll(/^ {6}"(\w+)":/gm)].map((match) => match[1]);
    expect(roleKeys.slice(0, 3)).toEqual(['id', 'poolId', 'name']);
  });

  it('sorts map keys (tags, layout positions)', () => {
    const text = serializeDesign(sample());
    expect(text.indexOf('"alpha"')).toBeLessThan(text.indexOf('"zeta"'));
    expect(text.indexOf('"guest": {\n        "x"')).toBeLessThan(text.indexOf('"ipool": {'));
  });

  it('orders policy statements Sid, Effect, Action, Resource, Condition and sorts conditions', () => {
    const design = sample();
    design.roles[0]!.inlinePolicies = [
      {
        name: 'P',
        document: aPolicy([
          {
            Condition: {
              StringLike: { 'b:key': 'x', 'a:key': 'y' },
              Bool: { 'aws:SecureTransport': 'true' },
            },
            Resource: '*',
            Action: 's3:GetObject',
            Effect: 'Allow',
            Sid: 'S',
          },
        ]),
      },
    ];
    const text = serializeDesign(design);
    const order = [
      '"Sid"',
      '"Effect"',
      '"Action"',
      '"Resource"',
      '"Condition"',
      '"Bool"',
      '"StringLike"',
      '"a:key"',
      '"b:key"',
    ].map((key) => text.indexOf(key));
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('keeps array order (rules are ordered)', () => {
    const design = sample();
    design.roles[0]!.managedPolicyArns = ['arn:aws:iam::aws:policy/Z', 'arn:aws:iam::aws:policy/A'];
    const text = serializeDesign(design);
    expect(text.indexOf('policy/Z')).toBeLessThan(text.indexOf('policy/A'));
  });

  it('round-trips through loadDesign', () => {
    const design = sample();
    const result = loadDesign(serializeDesign(design));
    expect(result.ok && result.design).toEqual(design);
  });
});
