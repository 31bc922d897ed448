// `cognito-studio diff <before> <after> [--json] [--fail-on-new-access]`: what an edit changes in
// who may do what. Both designs' access matrices are computed on the same axes — every action and
// Resource written in either design's policies (or --actions) — and only decisions that become
// Allowed or stop being Allowed are listed. For CI: exit 1 with --fail-on-new-access when access grows.

import {
  accessDiff,
  describeAccessChange,
  describePersonaChange,
  designActions,
  designResources,
  withAccessLevels,
  type MatrixAction,
  type ResourceTemplate,
} from '../../../shared/cognito';
import { safeJson, visibleText } from '../../../shared/review/report';
import { actionLevelSource } from '../../services/catalog/action-levels';
import { createIamDataCatalog } from '../../services/catalog/iam-data-catalog';
import { booleanOption, requirePositionals, stringOption, type CliCommand } from '../command';
import { readDesign } from '../design-file';
import { CliInputError, EXIT_FAILURE, EXIT_OK } from '../errors';
import { readActionList } from '../action-list';

const help = `Usage: cognito-studio diff <before-design> <after-design> [--json] [--fail-on-new-access]

Compares the access matrices of two versions of a design and lists only what changes: requests a
persona is newly allowed, and requests a persona is no longer allowed. Personas are matched by id
(each design uses its own personas); a persona only in one design has no credentials in the other.
  actions    every action written in either design's permission policies (wildcards expanded with
             the IAM action catalog), or one per line from --actions
  resources  every Resource written in either design's policies, with policy variables resolved per persona

Options:
  --actions <file>         actions to compare, one per line (blank lines and # comments ignored)
  --now <iso-time>         clock for the simulations (default: now)
  --json                   print JSON {"newlyAllowed", "newlyDenied", "personaChanges", "changes": [...]}
  --fail-on-new-access     exit 1 when any persona is newly allowed anything
  -h, --help               show this help

Exit codes: 0 compared (access may have changed), 1 access grew and --fail-on-new-access is set,
2 bad input.

Example:
  cognito-studio diff assets/examples/photo-sharing.cognito-design.json assets/examples/changes/photo-sharing-viewers-delete.cognito-design.json`;

function mergeActions(lists: MatrixAction[][]): MatrixAction[] {
  const merged = new Map<string, MatrixAction>();
  for (const list of lists) for (const entry of list) merged.set(entry.action.toLowerCase(), entry);
  return [...merged.values()].sort((a, b) => (a.action < b.action ? -1 : a.action > b.action ? 1 : 0));
}

function mergeResources(lists: ResourceTemplate[][]): ResourceTemplate[] {
  const merged = new Map<string, ResourceTemplate>();
  for (const list of lists) for (const entry of list) merged.set(`${entry.version}\n${entry.text}`, entry);
  return [...merged.values()].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'access diff between two designs: newly allowed and newly denied requests',
  help,
  options: {
    actions: { type: 'string' },
    now: { type: 'string' },
    json: { type: 'boolean' },
    'fail-on-new-access': { type: 'boolean' },
  },
  async run(commandLine, output) {
    const [beforeFile, afterFile] = requirePositionals('diff', commandLine, [
      'before-design',
      'after-design',
    ]) as [string, string];
    const now = stringOption(commandLine, 'now') ?? new Date().toISOString();
    if (Number.isNaN(new Date(now).getTime()))
      throw new CliInputError(`diff: --now '${visibleText(now)}' is not a date and time`);
    const before = await readDesign(beforeFile);
    const after = await readDesign(afterFile);
    const source = actionLevelSource(createIamDataCatalog());
    const actionsFile = stringOption(commandLine, 'actions');
    const actions =
      actionsFile === undefined
        ? mergeActions([await designActions(before, source), await designActions(after, source)])
        : await withAccessLevels(await readActionList(actionsFile), source);
    if (actions.length === 0) throw new CliInputError(`${actionsFile ?? afterFile}: no actions to compare`);
    const resources = mergeResources([designResources(before), designResources(after)]);
    const diff = accessDiff(before, after, actions, resources, { now });
    const failed = booleanOption(commandLine, 'fail-on-new-access') && diff.newlyAllowed > 0;

    if (booleanOption(commandLine, 'json')) {
      output.out(
        safeJson({
          before: beforeFile,
          after: afterFile,
          compared: diff.compared,
          newlyAllowed: diff.newlyAllowed,
          newlyDenied: diff.newlyDenied,
          personaChanges: diff.personaChanges,
          changes: diff.changes.map((change) => ({ ...change, message: describeAccessChange(change) })),
        }),
      );
    } else {
      const lines = [
        `${visibleText(beforeFile)} → ${visibleText(afterFile)}: ${diff.personas.length} personas × ${actions.length} actions × ${resources.length} resources compared`,
      ];
      if (diff.personaChanges.length > 0) {
        lines.push('', 'Credentials changed:');
        for (const change of diff.personaChanges)
          lines.push(`  ${visibleText(describePersonaChange(change))}`);
      }
      const allowed = diff.changes.filter((change) => change.kind === 'newlyAllowed');
      const denied = diff.changes.filter((change) => change.kind === 'newlyDenied');
      if (allowed.length > 0) {
        lines.push('', `Newly allowed (${allowed.length}):`);
        for (const change of allowed) lines.push(`  + ${visibleText(describeAccessChange(change))}`);
      }
      if (denied.length > 0) {
        lines.push('', `Newly denied (${denied.length}):`);
        for (const change of denied) lines.push(`  - ${visibleText(describeAccessChange(change))}`);
      }
      lines.push(
        '',
        diff.changes.length === 0
          ? 'No access changes.'
          : `${diff.newlyAllowed} newly allowed, ${diff.newlyDenied} newly denied${failed ? ': access grew (--fail-on-new-access)' : ''}`,
      );
      output.out(`${lines.join('\n')}\n`);
    }
    return failed ? EXIT_FAILURE : EXIT_OK;
  },
};
