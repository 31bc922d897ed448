// `cognito-studio matrix <design> [--actions <file>] [--json|--csv]`: every persona of the design ×
// actions × resources → decisions. Actions: one per line from the file, or every action written in
// the design's permission policies (wildcards expanded with the IAM catalog). Resources: every
// Resource written in those policies, with policy variables resolved per persona (so
// `${cognito-identity.amazonaws.com:sub}` becomes that persona's identity id).

import {
  accessMatrix,
  createMatrixCache,
  designActions,
  designResources,
  personaToSimulationInput,
  resolveResource,
  simulate,
} from '../../../shared/cognito';
import type { MatrixCell, MatrixPersonaResult, ResourceTemplate } from '../../../shared/cognito';
import type { ContextValue } from '../../../shared/iam';
import { actionLevelSource } from '../../services/catalog/action-levels';
import { roleArn } from '../../../shared/model/keys';
import type { DesignDocument, Persona } from '../../../shared/model/types';
import { createIamDataCatalog } from '../../services/catalog/iam-data-catalog';
import {
  booleanOption,
  requirePositionals,
  stringListOption,
  stringOption,
  type CliCommand,
  type ParsedCommandLine,
} from '../command';
import { awsManagedPoliciesFor } from '../aws-managed';
import { bufferedOutput, quoteInput } from '../output';
import { readDesign } from '../design-file';
import { CliInputError, EXIT_OK } from '../errors';
import { readActionList } from '../action-list';
import { parseContextFlags } from './simulate';

const help = `Usage: cognito-studio matrix <design> [--actions <file>] [--personas <ids>] [--roles <roles>] [--json | --csv]

Decisions for every persona of the design × action × resource, for reviews.
  actions    one per line from --actions (blank lines and # comments ignored), or by default every
             action written in the design's permission policies (wildcards such as s3:Get* expanded
             with the IAM action catalog; a bare "*" is kept as is)
  resources  every Resource written in those policies, with policy variables resolved per persona
Cells: Allowed, ExplicitlyDenied, ImplicitlyDenied, or NoCredentials when the persona gets none.
Rows are written as they are computed (every format), so any number of personas fits in memory.
Attached AWS managed policies are evaluated with the data shipped with the tool (date in --json).

Options:
  --actions <file>        actions to test, one per line
  --personas <ids>        only these personas (ids or names, comma-separated; repeatable)
  --roles <roles>         only personas whose credentials are for these roles (names, ids or ARNs,
                          comma-separated; repeatable)
  --context <key=value>   request context key added to every request (repeatable)
  --now <iso-time>        clock for the simulations (default: now)
  --json                  print JSON {"actions", "rows": [{"persona", "role", "action", "resource", "decision"}],
                          "personas", "awsManagedPolicies"?}
  --csv                   print CSV: persona,role,action,resource,decision
  -h, --help              show this help

Exit codes: 0 printed, 2 bad input (including a design without personas, or filters matching none).

Example:
  cognito-studio matrix assets/examples/photo-sharing.cognito-design.json --actions assets/examples/requests/photo-actions.txt --csv`;

type Format = 'text' | 'json' | 'csv';

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
    personas: { type: 'string', multiple: true },
    roles: { type: 'string', multiple: true },
  },
  async run(commandLine, output) {
    const [file] = requirePositionals('matrix', commandLine, ['design']) as [string];
    if (booleanOption(commandLine, 'json') && booleanOption(commandLine, 'csv'))
      throw new CliInputError('matrix: choose --json or --csv, not both');
    const format: Format = booleanOption(commandLine, 'json')
      ? 'json'
      : booleanOption(commandLine, 'csv')
        ? 'csv'
        : 'text';
    const design = await readDesign(file);
    if (design.personas.length === 0)
      throw new CliInputError(
        `${file}: the design has no personas; add personas to compute an access matrix`,
      );
    const personas = selectPersonas(design, listOption(commandLine, 'personas'), file);
    const roleFilter = roleMatcher(design, listOption(commandLine, 'roles'), file);
    const actionsFile = stringOption(commandLine, 'actions');
    const actions =
      actionsFile === undefined
        ? (await designActions(design, actionLevelSource(createIamDataCatalog()))).map(
            (entry) => entry.action,
          )
        : await readActionList(actionsFile);
    if (actions.length === 0) throw new CliInputError(`${actionsFile ?? file}: no actions to evaluate`);
    const now = stringOption(commandLine, 'now') ?? new Date().toISOString();
    if (Number.isNaN(new Date(now).getTime()))
      throw new CliInputError(`matrix: --now '${quoteInput(now)}' is not a date and time`);
    const context = parseContextFlags(stringListOption(commandLine, 'context'), 'matrix');
    const resourceTemplates = designResources(design);
    const awsManagedPolicies = awsManagedPoliciesFor(design);
    const options = { now, context, awsManagedPolicies, cache: createMatrixCache() };

    const writer = bufferedOutput(output);
    const summaries: string[] = [];
    let written = 0;
    if (format === 'json') writer.write(`{\n  "actions": ${JSON.stringify(actions)},\n  "rows": [`);
    if (format === 'csv') writer.write('persona,role,action,resource,decision\n');
    for (const persona of personas) {
      const simulation = simulate(design, { ...personaToSimulationInput(design, persona), now });
      if (roleFilter && (simulation.outcome !== 'credentials' || !roleFilter(simulation.role.id))) continue;
      const sessionContext = simulation.outcome === 'credentials' ? simulation.session.context : {};
      const resources = resourcesFor(resourceTemplates, sessionContext);
      const matrix = accessMatrix(design, [persona], actions, resources, options);
      const result = matrix.personas[0];
      if (!result) continue;
      const role = result.roleArn ?? '';
      if (format === 'text') writer.write(personaHeading(result));
      else if (format === 'json') summaries.push(JSON.stringify({ ...result, resources }));
      if (format === 'text' && result.outcome !== 'credentials') continue;
      actions.forEach((action, actionIndex) => {
        resources.forEach((resource, resourceIndex) => {
          const decision: MatrixCell = matrix.cells[0]?.[actionIndex]?.[resourceIndex] ?? 'NoCredentials';
          if (format === 'text') writer.write(`  ${decision.padEnd(16)} ${action}  ${resource}\n`);
          else if (format === 'csv')
            writer.write(`${[persona.id, role, action, resource, decision].map(csvField).join(',')}\n`);
          else {
            const row = JSON.stringify({ persona: persona.id, role, action, resource, decision });
            writer.write(`${written === 0 ? '' : ','}\n    ${row}`);
          }
          written += 1;
        });
      });
    }
    if (format === 'json') {
      const dataNote = awsManagedPolicies
        ? `,\n  "awsManagedPolicies": ${JSON.stringify({ dataDate: awsManagedPolicies.dataDate, source: awsManagedPolicies.source })}`
        : '';
      writer.write(
        `${written === 0 ? '' : '\n  '}],\n  "personas": [${summaries.map((summary) => `\n    ${summary}`).join(',')}${summaries.length === 0 ? '' : '\n  '}]${dataNote}\n}\n`,
      );
    } else if (format === 'text' && awsManagedPolicies) {
      writer.write(
        `(AWS managed policies as of ${awsManagedPolicies.dataDate}, ${awsManagedPolicies.source})\n`,
      );
    }
    writer.flush();
    return EXIT_OK;
  },
};

/** Comma-separated, repeatable flag values. */
function listOption(commandLine: ParsedCommandLine, name: string): string[] | undefined {
  const values = stringListOption(commandLine, name);
  if (values.length === 0) return undefined;
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function selectPersonas(design: DesignDocument, wanted: string[] | undefined, file: string): Persona[] {
  if (!wanted) return design.personas;
  const unknown = wanted.filter(
    (reference) => !design.personas.some((persona) => persona.id === reference || persona.name === reference),
  );
  if (unknown.length > 0)
    throw new CliInputError(
      `${file}: no persona ${unknown
        .slice(0, 5)
        .map((reference) => `'${quoteInput(reference)}'`)
        .join(', ')}${unknown.length > 5 ? ', …' : ''} (see --personas)`,
    );
  const set = new Set(wanted);
  return design.personas.filter((persona) => set.has(persona.id) || set.has(persona.name));
}

/** A test on role ids from names, ids or ARNs of the design's roles; unknown ones are bad input. */
function roleMatcher(
  design: DesignDocument,
  wanted: string[] | undefined,
  file: string,
): ((roleId: string) => boolean) | undefined {
  if (!wanted) return undefined;
  const ids = new Set<string>();
  for (const reference of wanted) {
    const role = design.roles.find(
      (candidate) =>
        candidate.id === reference ||
        candidate.name === reference ||
        roleArn(design.account, candidate) === reference,
    );
    if (!role) throw new CliInputError(`${file}: no role '${quoteInput(reference)}' (see --roles)`);
    ids.add(role.id);
  }
  return (roleId) => ids.has(roleId);
}

function personaHeading(result: MatrixPersonaResult): string {
  const error = result.error;
  const heading =
    result.outcome === 'credentials'
      ? `role ${String(result.roleArn)}`
      : `no credentials: ${error?.code}: ${error?.message}`;
  const incomplete =
    result.complete === false ? '  (incomplete: some attached policies are not in the design)\n' : '';
  return `${result.id} (${result.name}): ${heading}\n${incomplete}`;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The policies' resources with a persona's session values substituted for policy variables. */
function resourcesFor(templates: ResourceTemplate[], context: Record<string, ContextValue>): string[] {
  const resources = templates.map((template) => resolveResource(template, context));
  return [...new Set(resources)].sort();
}
