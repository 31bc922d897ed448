// `cognito-studio apply <design> [--yes] [--adopt] [--allow-delete]`: makes the account match the
// design. Without --yes it prints the plan and asks on a terminal; without a terminal it refuses.

import { createInterface } from 'node:readline/promises';
import { formatPlanText } from '../../../shared/export/plan-format';
import { serializeDesign } from '../../../shared/model/serialize';
import type { ApplyResult } from '../../services/aws';
import { booleanOption, requirePositionals, type CliCommand } from '../command';
import { readDesign } from '../design-file';
import { EXIT_FAILURE, EXIT_OK } from '../errors';
import { writeFileAtomic } from '../files';
import type { CliOutput } from '../output';
import { AWS_OPTIONS, AWS_OPTIONS_HELP, awsTarget, loadAws, reportingAwsErrors } from './aws-options';

const help = `Usage: cognito-studio apply <design> [--profile p] [--region r] [--endpoint-url u] [--yes] [--adopt] [--allow-delete]

Makes the account match the design, in order: identity pools the account lacks are created (and
the ids AWS gives them are written into the design file, atomically, before anything else), then
managed policies, roles and their policies, then the identity pools' settings, roles and role
mappings and principal-tag maps. IAM's delay in making new roles visible is waited out with
bounded retries. The first failure stops the apply, with a list of what was and was not applied;
running apply again continues from where the account is.

Without --yes, apply prints the plan and asks for confirmation naming the account and region;
when standard input is not a terminal it refuses instead. Existing resources without the tag
cognito-studio:managed are adopted only with --adopt or after a second, explicit confirmation at
the terminal. Nothing the studio does not manage is deleted; deletions of managed things the
design no longer has are applied only with --allow-delete (otherwise skipped and listed).

Options:
${AWS_OPTIONS_HELP}
  --yes                   apply without asking
  --adopt                 allow changing existing resources that lack the studio's tag
  --allow-delete          apply deletions (inline policies, attachments, boundaries)
  -h, --help              show this help

Exit codes: 0 applied (or nothing to do), 1 refused or failed, 2 bad input.`;

async function ask(question: string): Promise<string> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await prompt.question(question)).trim();
  } finally {
    prompt.close();
  }
}

function formatResult(result: ApplyResult, output: CliOutput): void {
  const applied = result.steps.filter((step) => step.status === 'applied');
  for (const step of result.steps) {
    const detail = step.message ? ` — ${step.message}` : '';
    output.out(`${step.status.padEnd(11)} ${step.step}. ${step.resource}: ${step.summary}${detail}\n`);
  }
  output.out(
    result.ok
      ? `Applied ${applied.length} change(s) to account ${result.accountId} in ${result.region}.\n`
      : `Stopped at the first failure: ${applied.length} change(s) applied, ${
          result.steps.filter((step) => step.status === 'not-applied' || step.status === 'failed').length
        } not applied. Fix the cause and run apply again.\n`,
  );
}

export const applyCommand: CliCommand = {
  name: 'apply',
  summary: 'make an AWS account match the design (asks first)',
  help,
  options: {
    ...AWS_OPTIONS,
    yes: { type: 'boolean', short: 'y' },
    adopt: { type: 'boolean' },
    'allow-delete': { type: 'boolean' },
  },
  async run(commandLine, output) {
    const [path] = requirePositionals('apply', commandLine, ['design']) as [string];
    const design = await readDesign(path);
    const allowDelete = booleanOption(commandLine, 'allow-delete');
    let adopt = booleanOption(commandLine, 'adopt');
    return reportingAwsErrors('apply', output, async () => {
      const { applyDesign, connect, disconnect, planDesign, planFingerprint } = await loadAws();
      const connection = connect(awsTarget(commandLine, design.account.region));
      try {
        let confirmedFingerprint: string | undefined;
        if (!booleanOption(commandLine, 'yes')) {
          const plan = await planDesign(connection, design);
          output.out(formatPlanText(plan));
          if (plan.changes.length === 0) return EXIT_OK;
          if (!process.stdin.isTTY) {
            output.err(
              'cognito-studio: apply: standard input is not a terminal; nothing applied (pass --yes to apply without asking)\n',
            );
            return EXIT_FAILURE;
          }
          const answer = await ask(
            `Apply ${plan.changes.length} change(s) to account ${plan.accountId} in ${plan.region}? Type yes to continue: `,
          );
          if (answer !== 'yes') {
            output.err('cognito-studio: apply: not confirmed; nothing applied\n');
            return EXIT_FAILURE;
          }
          if (plan.changes.some((change) => change.adopt) && !adopt) {
            const confirmed = await ask(
              "Some resources exist without the studio's tag. Type adopt to take them over: ",
            );
            if (confirmed !== 'adopt') {
              output.err('cognito-studio: apply: adoption not confirmed; nothing applied\n');
              return EXIT_FAILURE;
            }
            adopt = true;
          }
          confirmedFingerprint = planFingerprint(plan);
        }
        const result = await applyDesign(connection, design, {
          allowDelete,
          adopt,
          ...(confirmedFingerprint ? { confirmedFingerprint } : {}),
          onDesignChanged: async (updated) => {
            await writeFileAtomic(path, serializeDesign(updated), { force: true });
            output.out(`Recorded the identity pool id(s) AWS assigned in ${path}.\n`);
          },
        });
        formatResult(result, output);
        if (!result.ok) output.err(`cognito-studio: apply: ${result.failure ?? 'failed'}\n`);
        return result.ok ? EXIT_OK : EXIT_FAILURE;
      } finally {
        disconnect(connection);
      }
    });
  },
};
