// `cognito-studio import-aws <files…> -o <design> [--force]`: builds a design from JSON printed by
// the AWS CLI (shared/import does the transformation; this file reads and writes the files).
// Exit 0 written, 1 the imported design does not validate (nothing written), 2 bad input.

import { importAwsDumps, SUPPORTED_COMMANDS, type DumpFile, type ImportReport } from '../../../shared/import';
import { loadDesign, serializeDesign } from '../../../shared/model/io';
import type { DesignDocument } from '../../../shared/model/types';
import { booleanOption, stringOption, type CliCommand } from '../command';
import { describeIssue } from '../design-file';
import { CliInputError, EXIT_FAILURE, EXIT_OK } from '../errors';
import { readJsonFile, writeOutputFile } from '../files';

const help = `Usage: cognito-studio import-aws <file>... -o <design> [--force] [--name <name>] [--json]

Builds a design from JSON printed by the AWS CLI, offline. Give any subset of the outputs of:
  aws cognito-identity describe-identity-pool --identity-pool-id <id>
  aws cognito-identity get-identity-pool-roles --identity-pool-id <id>
  aws cognito-identity get-principal-tag-attribute-map --identity-pool-id <id> --identity-provider-name <provider>
  aws iam get-account-authorization-details --filter Role LocalManagedPolicy
  aws cognito-idp describe-user-pool --user-pool-id <id>
  aws cognito-idp list-groups --user-pool-id <id>
  aws cognito-idp describe-user-pool-client --user-pool-id <id> --client-id <id>
Each file is recognised by its content, not its name. The report lists what was imported, what the
files lack and what was assumed (account id from role ARNs, region from pool ids, …).
Not imported (not in these outputs): personas, sample users, canvas positions, role descriptions
and maximum session durations (set to 3600), identity providers federated into user pools,
identity pool tags.

Options:
  -o, --out <design>  where to write the design (required; - for standard output, the report then
                      goes to standard error); an existing file is kept unless --force
  --force             replace an existing regular file (a symbolic link to a file is refused: it is
                      neither followed nor replaced; a device or pipe is written through)
  --name <name>       design name (default: the identity pool's name)
  --json              print the report as JSON
  -h, --help          show this help

Exit codes: 0 written, 1 the imported design does not validate (nothing written), 2 bad input.

Example:
  cognito-studio import-aws pool.json roles.json iam.json -o imported.cognito-design.json`;

export const importAwsCommand: CliCommand = {
  name: 'import-aws',
  summary: 'build a design from AWS CLI JSON output (offline)',
  help,
  options: {
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    name: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(commandLine, output) {
    const target = stringOption(commandLine, 'out');
    if (target === undefined)
      throw new CliInputError("import-aws: missing -o <design> (see 'cognito-studio import-aws --help')");
    if (commandLine.positionals.length === 0) {
      throw new CliInputError(`import-aws: no input files; give the JSON output of ${SUPPORTED_COMMANDS}`);
    }
    const files: DumpFile[] = [];
    for (const name of commandLine.positionals) files.push({ name, content: await readJsonFile(name) });
    const name = stringOption(commandLine, 'name');
    const result = importAwsDumps(files, name === undefined ? {} : { name });
    if (!result.ok) {
      const problem = result.problems[0];
      if (!problem) throw new CliInputError('import-aws: the files could not be imported');
      const path = problem.path === '$' ? '' : `${problem.path}: `;
      throw new CliInputError(`${problem.file}: ${path}${problem.message}`);
    }
    const text = serializeDesign(result.design);
    const check = loadDesign(text, { fileName: target });
    if (!check.ok) {
      const first = check.issues.find((issue) => issue.severity === 'error');
      output.err(
        `cognito-studio: import-aws: the imported design does not validate, nothing written: ${first ? describeIssue(target, first) : 'unknown error'}\n`,
      );
      return EXIT_FAILURE;
    }
    await writeOutputFile(target, text, { force: booleanOption(commandLine, 'force') }, output);
    // With the design on standard output, the report goes to standard error.
    const report = target === '-' ? output.err.bind(output) : output.out.bind(output);
    if (booleanOption(commandLine, 'json')) {
      report(`${JSON.stringify({ output: target, ...result.report }, null, 2)}\n`);
    } else {
      report(formatReport(result.report, target, result.design));
    }
    return EXIT_OK;
  },
};

function formatReport(report: ImportReport, target: string, design: DesignDocument): string {
  const lines: string[] = ['Recognised:'];
  for (const entry of report.recognized) lines.push(`  ${entry.file}: ${entry.kind} — ${entry.summary}`);
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`${title}:`, ...items.map((item) => `  - ${item}`));
  };
  section('Missing', report.missing);
  section('Assumed', report.assumptions);
  section('Warnings', report.warnings);
  const counts = [
    `${design.identityPools.length} identity pool(s)`,
    `${design.userPools.length} user pool(s)`,
    `${design.providers.length} provider(s)`,
    `${design.roles.length} role(s)`,
    `${design.managedPolicies.length} managed polic(ies)`,
  ];
  lines.push(`Wrote ${target}: ${counts.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
