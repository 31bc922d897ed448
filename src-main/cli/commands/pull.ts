// `cognito-studio pull --identity-pool <id>... -o <design>`: reads identity pools and what they
// name from an account into a new design (read-only on the account).

import { loadDesign } from '../../../shared/model/io';
import { serializeDesign } from '../../../shared/model/serialize';
import { booleanOption, stringListOption, stringOption, type CliCommand } from '../command';
import { describeIssue } from '../design-file';
import { CliInputError, EXIT_FAILURE, EXIT_OK } from '../errors';
import { writeFileAtomic } from '../files';
import { AWS_OPTIONS, AWS_OPTIONS_HELP, awsTarget, loadAws, reportingAwsErrors } from './aws-options';

const help = `Usage: cognito-studio pull --identity-pool <id>... -o <design> [--region r] [--profile p] [--endpoint-url u] [--force] [--name <name>] [--json]

Reads identity pools from an account into a new design: pool settings, roles and role mappings,
principal-tag maps, the IAM roles they name (trust, inline, attached and boundary policies, tags),
customer managed policies, OIDC providers' client ids, and the user pools behind them (app clients with their attributes,
groups with precedence and role). Read-only. Lists are paginated and throttling is retried; an
item that cannot be read (access denied, deleted) is reported and the pull goes on.
App client secrets are never read into the design.

Options:
  --identity-pool <id>    identity pool id (<region>:<guid>); repeat for several
  -o, --out <design>      where to write the design (required); an existing file is kept unless --force
  --force                 replace an existing file
  --name <name>           design name (default: the identity pool's name)
  --json                  print the report as JSON
${AWS_OPTIONS_HELP}
  -h, --help              show this help

Exit codes: 0 written, 1 AWS refused or the pulled design does not validate (nothing written), 2 bad input.`;

export const pullCommand: CliCommand = {
  name: 'pull',
  summary: 'read identity pools from an AWS account into a design',
  help,
  options: {
    ...AWS_OPTIONS,
    'identity-pool': { type: 'string', multiple: true },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    name: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(commandLine, output) {
    const target = stringOption(commandLine, 'out');
    if (target === undefined)
      throw new CliInputError("pull: missing -o <design> (see 'cognito-studio pull --help')");
    const poolIds = stringListOption(commandLine, 'identity-pool');
    if (poolIds.length === 0)
      throw new CliInputError("pull: missing --identity-pool <id> (see 'cognito-studio pull --help')");
    for (const id of poolIds) {
      if (!/^[\w-]+:[0-9a-f-]+$/.test(id))
        throw new CliInputError(`pull: not an identity pool id: '${id}' (expected <region>:<guid>)`);
    }
    const name = stringOption(commandLine, 'name');
    return reportingAwsErrors('pull', output, async () => {
      const { connect, disconnect, pullIdentityPools } = await loadAws();
      const connection = connect(awsTarget(commandLine));
      try {
        const pulled = await pullIdentityPools(connection, poolIds, name === undefined ? {} : { name });
        if (!('design' in pulled)) {
          for (const problem of pulled.problems) output.err(`cognito-studio: pull: ${problem}\n`);
          return EXIT_FAILURE;
        }
        const text = serializeDesign(pulled.design);
        const check = loadDesign(text, { fileName: target });
        if (!check.ok) {
          const first = check.issues.find((issue) => issue.severity === 'error');
          output.err(
            `cognito-studio: pull: the pulled design does not validate, nothing written: ${first ? describeIssue(target, first) : 'unknown error'}\n`,
          );
          return EXIT_FAILURE;
        }
        await writeFileAtomic(target, text, { force: booleanOption(commandLine, 'force') });
        if (booleanOption(commandLine, 'json')) {
          output.out(
            `${JSON.stringify({ output: target, problems: pulled.problems, ...pulled.report }, null, 2)}\n`,
          );
          return EXIT_OK;
        }
        const lines = [`Pulled from account ${pulled.accountId} in ${pulled.region}:`];
        const section = (title: string, items: string[]) => {
          if (items.length > 0) lines.push(`${title}:`, ...items.map((item) => `  - ${item}`));
        };
        section('Could not read', pulled.problems);
        section('Missing', pulled.report.missing);
        section('Assumed', pulled.report.assumptions);
        section('Warnings', pulled.report.warnings);
        const design = pulled.design;
        lines.push(
          `Wrote ${target}: ${design.identityPools.length} identity pool(s), ${design.userPools.length} user pool(s), ` +
            `${design.roles.length} role(s), ${design.managedPolicies.length} managed polic(ies)`,
        );
        output.out(`${lines.join('\n')}\n`);
        return EXIT_OK;
      } finally {
        disconnect(connection);
      }
    });
  },
};
