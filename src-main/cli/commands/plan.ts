// `cognito-studio plan <design> [--json]`: the changes apply would make, read-only.

import { formatPlanText } from '../../../shared/export/plan-format';
import { booleanOption, requirePositionals, type CliCommand } from '../command';
import { readDesign } from '../design-file';
import { EXIT_OK } from '../errors';
import { AWS_OPTIONS, AWS_OPTIONS_HELP, awsTarget, loadAws, reportingAwsErrors } from './aws-options';

const help = `Usage: cognito-studio plan <design> [--profile p] [--region r] [--endpoint-url u] [--json]

Reads the account (read-only) and prints the ordered changes that would make it match the design:
identity pools to create, managed policies and versions, roles (trust policy, inline policies,
attachments, boundary, tags), identity pool settings, roles and role mappings, principal-tag maps —
each with a diff of the JSON before (-) and after (+).
Existing resources without the tag cognito-studio:managed are marked ADOPT; removals of things the
design no longer has are marked DELETE (only for managed resources). The design's account id must
be the credentials' account, and its region the target region.

Options:
${AWS_OPTIONS_HELP}
  --json                  print the plan as JSON
  -h, --help              show this help

Exit codes: 0 plan printed, 1 AWS refused or the design is for another account, 2 bad input.`;

export const planCommand: CliCommand = {
  name: 'plan',
  summary: 'show the changes that would make an AWS account match the design',
  help,
  options: { ...AWS_OPTIONS, json: { type: 'boolean' } },
  async run(commandLine, output) {
    const [path] = requirePositionals('plan', commandLine, ['design']);
    const design = await readDesign(path as string);
    return reportingAwsErrors('plan', output, async () => {
      const { connect, disconnect, planDesign } = await loadAws();
      const connection = connect(awsTarget(commandLine, design.account.region));
      try {
        const plan = await planDesign(connection, design);
        output.out(
          booleanOption(commandLine, 'json') ? `${JSON.stringify(plan, null, 2)}\n` : formatPlanText(plan),
        );
        return EXIT_OK;
      } finally {
        disconnect(connection);
      }
    });
  },
};
