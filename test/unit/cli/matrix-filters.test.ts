// `matrix --personas` / `--roles`, and streamed output equal to the per-persona pieces.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, expectOneLineError, runCli } from './run-cli';

const photos = 'assets/examples/photo-sharing.cognito-design.json';
const actions = 'assets/examples/requests/photo-actions.txt';
const now = ['--now', '2026-01-15T10:00:00.000Z'];

interface MatrixJson {
  rows: Array<{ persona: string; role: string }>;
  personas: Array<{ id: string; roleArn?: string }>;
}

function matrix(...args: string[]): MatrixJson {
  const run = runCli(['matrix', photos, '--actions', actions, ...now, '--json', ...args]);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as MatrixJson;
}

beforeAll(() => buildCli());

describe('matrix filters', () => {
  it('--personas keeps the named personas (ids or names, comma-separated, repeatable)', () => {
    const result = matrix('--personas', 'persona-alice,Bob (editors)', '--personas', 'persona-guest');
    expect(result.personas.map((persona) => persona.id)).toEqual([
      'persona-guest',
      'persona-alice',
      'persona-bob',
    ]);
    expect(new Set(result.rows.map((row) => row.persona))).toEqual(
      new Set(['persona-guest', 'persona-alice', 'persona-bob']),
    );
  });

  it('--roles keeps the personas whose credentials are for those roles', () => {
    const all = matrix();
    const viewers = all.personas.filter((persona) => persona.roleArn?.endsWith('/PhotoSharingViewers'));
    expect(viewers.length).toBeGreaterThan(0);
    const result = matrix('--roles', 'PhotoSharingViewers');
    expect(result.personas.map((persona) => persona.id)).toEqual(viewers.map((persona) => persona.id));
    expect(result.rows).toEqual(all.rows.filter((row) => row.role.endsWith('/PhotoSharingViewers')));
  });

  it('refuses unknown personas and roles in one line', () => {
    expect(expectOneLineError(runCli(['matrix', photos, '--personas', 'nobody']))).toBe(
      `cognito-studio: error: ${photos}: no persona 'nobody' (see --personas)`,
    );
    expect(expectOneLineError(runCli(['matrix', photos, '--roles', 'NoRole']))).toBe(
      `cognito-studio: error: ${photos}: no role 'NoRole' (see --roles)`,
    );
  });

  it('streams text and CSV equal to the pieces of each persona', () => {
    const all = matrix();
    for (const format of [[], ['--csv']]) {
      const whole = runCli(['matrix', photos, '--actions', actions, ...now, ...format]).stdout;
      const pieces = all.personas
        .map(
          (persona) =>
            runCli(['matrix', photos, '--actions', actions, ...now, ...format, '--personas', persona.id])
              .stdout,
        )
        .map((text, index) => (format.length > 0 && index > 0 ? text.slice(text.indexOf('\n') + 1) : text));
      expect(whole).toBe(pieces.join(''));
    }
  });
});
