// `cognito-studio matrix <design> [--actions <file>] [--json|--csv]`: every persona of the design ×
// actions × resources → decisions. Actions: one per line from the file, or every action written in
// the design's permission policies (wildcards expanded with the IAM catalog). Resources: every
// Resource written in those policies, with policy variables resolved per persona (so
// `${cognito-identity.amazonaws.com:sub}` becomes that persona's identity id).

import { accessMatrix, personaToSimulationInput, simulate } from '../../../shared/cognito';
import type { MatrixCell } from '../../../shared/cognito';
import { substituteVariables } from '../../../shared/iam';
import type { IamCatalog } from '../../../shared/iam/catalog';
import type { DesignDocument, Persona } from '../../../shared/model/types';
import { createIamDataCatalog } from '../../services/catalog/iam-data-catalog';
import {
  booleanOption,
  requirePositionals,
  stringListOption,
  stringOption,
  type CliCommand,
} from '../command';
import { readDesign } from '../design-file';
import { CliInputError, EXIT_OK } from '../errors';
import { readTextFile } from '../files';
import { parseContextFlags } from './simulate';

const help = `Usage: cognito-studio matrix <design> [--actions <file>] [--json | --csv]

Decisions for every persona of the design × action × resource, for reviews.
  actions    one per line from --actions (blank lines and # comments ignored), or by default every
             action written in the design's permission policies (wildcards such as s3:Get* expanded
             with the IAM action catalog; a bare "*" is kept as is)
  resources  every Resource written in those policies, with policy variables resolved per persona
Cells: Allowed, ExplicitlyDenied, ImplicitlyDenied, or NoCredentials when the persona gets none.

Options:
  --actions <file>        actions to test, one per line
  --context <key=value>   request context key added to every request (repeatable)
  --now <iso-time>        clock for the simulations (default: now)
  --json                  print JSON {"personas", "actions", "rows": [{"persona", "action", "resource", "decision"}]}
  --csv                   print CSV: persona,role,action,resource,decision
  -h, --help              show this help

Exit codes: 0 printed, 2 bad input (including a design without personas).

Example:
  cognito-studio matrix assets/examples/photo-sharing.cognito-design.json --actions assets/examples/requests/photo-actions.txt --csv`;

interface MatrixRow {
  persona: string;
  role: string;
  action: string;
  resource: string;
  decision: MatrixCell;
}

export const matrixCommand: CliCommand = {
  name: 'matrix',
  summary: 'access matrix: personas × actions × resources → decisions',
  help,
  options: {
    actions: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    context: { type: 'string', multiple: true },
    now: { type: 'string' },
  },
  async run(commandLine, output) {
    const [file] = requirePositionals('matrix', commandLine, ['design']) as [string];
    if (booleanOption(commandLine, 'json') && booleanOption(commandLine, 'csv'))
      throw new CliInputError('matrix: choose --json or --csv, not both');
    const design = await readDesign(file);
    if (design.personas.length === 0)
      throw new CliInputError(
        `${file}: the design has no personas; add personas to compute an access matrix`,
      );
    const actionsFile = stringOption(commandLine, 'actions');
    const actions =
      actionsFile === undefined
        ? await actionsOfDesign(design, createIamDataCatalog())
        : await readActions(actionsFile);
    if (actions.length === 0) throw new CliInputError(`${actionsFile ?? file}: no actions to evaluate`);
    const now = stringOption(commandLine, 'now') ?? new Date().toISOString();
    if (Number.isNaN(new Date(now).getTime()))
      throw new CliInputError(`matrix: --now '${now}' is not a date and time`);
    const context = parseContextFlags(stringListOption(commandLine, 'context'), 'matrix');
    const resourceTemplates = resourcesOfDesign(design);

    const personas: Array<Record<string, unknown>> = [];
    const rows: MatrixRow[] = [];
    for (const persona of design.personas) {
      const resources = resourcesFor(design, persona, resourceTemplates, now);
      const matrix = accessMatrix(design, [persona], actions, resources, { now, context });
      const result = matrix.personas[0];
      if (!result) continue;
      personas.push({ ...result, resources });
      const role = result.roleArn ?? '';
      actions.forEach((action, actionIndex) => {
        resources.forEach((resource, resourceIndex) => {
          const decision = matrix.cells[0]?.[actionIndex]?.[resourceIndex] ?? 'NoCredentials';
          rows.push({ persona: persona.id, role, action, resource, decision });
        });
      });
    }

    if (booleanOption(commandLine, 'json')) {
      output.out(`${JSON.stringify({ personas, actions, rows }, null, 2)}\n`);
    } else if (booleanOption(commandLine, 'csv')) {
      const lines = [
        'persona,role,action,resource,decision',
        ...rows.map((row) =>
          [row.persona, row.role, row.action, row.resource, row.decision].map(csvField).join(','),
        ),
      ];
      output.out(`${lines.join('\n')}\n`);
    } else {
      output.out(formatText(personas, rows));
    }
    return EXIT_OK;
  },
};

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function formatText(personas: Array<Record<string, unknown>>, rows: MatrixRow[]): string {
  const lines: string[] = [];
  for (const persona of personas) {
    const id = String(persona.id);
    const error = persona.error as { code: string; message: string } | undefined;
    const heading =
      persona.outcome === 'credentials'
        ? `role ${String(persona.roleArn)}`
        : `no credentials: ${error?.code}: ${error?.message}`;
    lines.push(`${id} (${String(persona.name)}): ${heading}`);
    if (persona.complete === false)
      lines.push('  (incomplete: some attached policies are not in the design)');
    if (persona.outcome !== 'credentials') continue;
    for (const row of rows.filter((candidate) => candidate.persona === id)) {
      lines.push(`  ${row.decision.padEnd(16)} ${row.action}  ${row.resource}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function readActions(file: string): Promise<string[]> {
  const actions = (await readTextFile(file))
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
  const bad = actions.find((action) => action !== '*' && !/^[a-z0-9-]+:[A-Za-z0-9*?]+$/i.test(action));
  if (bad) throw new CliInputError(`${file}: '${bad}' is not an action (expected service:Action)`);
  return [...new Set(actions)];
}

interface PolicyText {
  document: unknown;
}

function permissionPolicies(design: DesignDocument): PolicyText[] {
  return [
    ...design.roles.flatMap((role) => role.inlinePolicies.map((policy) => ({ document: policy.document }))),
    ...design.managedPolicies.map((policy) => ({ document: policy.document })),
  ];
}

function statementsOf(document: unknown): Array<Record<string, unknown>> {
  if (typeof document !== 'object' || document === null) return [];
  const statement = (document as { Statement?: unknown }).Statement;
  const list = Array.isArray(statement) ? statement : [statement];
  return list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Every action in the design's permission policies; wildcards expanded with the catalog. */
async function actionsOfDesign(design: DesignDocument, catalog: IamCatalog): Promise<string[]> {
  const written = new Set<string>();
  for (const policy of permissionPolicies(design)) {
    for (const statement of statementsOf(policy.document))
      strings(statement.Action).forEach((action) => written.add(action));
  }
  const actions = new Set<string>();
  for (const action of written) {
    const colon = action.indexOf(':');
    if (colon < 0 || !/[*?]/.test(action)) {
      actions.add(action);
      continue;
    }
    const service = action.slice(0, colon);
    const pattern = new RegExp(
      `^${action
        .slice(colon + 1)
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      'i',
    );
    const names = await catalog.listActions(service);
    const matching = names.filter((name) => pattern.test(name));
    if (matching.length === 0) actions.add(action);
    for (const name of matching) actions.add(`${service}:${name}`);
  }
  return [...actions].sort();
}

interface ResourceTemplate {
  text: string;
  version: string | undefined;
}

function resourcesOfDesign(design: DesignDocument): ResourceTemplate[] {
  const seen = new Map<string, ResourceTemplate>();
  for (const policy of permissionPolicies(design)) {
    const version = (policy.document as { Version?: unknown }).Version;
    for (const statement of statementsOf(policy.document)) {
      for (const text of strings(statement.Resource)) {
        const template = { text, version: typeof version === 'string' ? version : undefined };
        seen.set(`${template.version}\n${text}`, template);
      }
    }
  }
  return [...seen.values()];
}

/** The policies' resources with this persona's session values substituted for policy variables. */
function resourcesFor(
  design: DesignDocument,
  persona: Persona,
  templates: ResourceTemplate[],
  now: string,
): string[] {
  const simulation = simulate(design, { ...personaToSimulationInput(design, persona), now });
  const context = simulation.outcome === 'credentials' ? simulation.session.context : {};
  const resources = templates.map(
    (template) => substituteVariables(template.text, context, template.version).value,
  );
  return [...new Set(resources)].sort();
}
