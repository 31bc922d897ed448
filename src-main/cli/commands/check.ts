// `cognito-studio check <design> [--format text|json|sarif] [--fail-on <severity>]`: the security
// review (shared/review). Exit 1 when a finding at or above the threshold exists (default: high;
// `--fail-on none` never fails), 0 otherwise, 2 bad input.

import {
  formatFindingsText,
  parseSeverity,
  reviewDesign,
  SEVERITIES,
  severityAtLeast,
  toSarif,
} from '../../../shared/review';
import type { Finding, Severity } from '../../../shared/review';
import { createIamDataCatalog } from '../../services/catalog/iam-data-catalog';
import { oneOf, requirePositionals, stringOption, type CliCommand } from '../command';
import { readDesign } from '../design-file';
import { CliInputError, EXIT_FAILURE, EXIT_OK } from '../errors';
import { toolVersion } from '../version';
import { awsManagedPoliciesFor } from '../aws-managed';

const DEFAULT_THRESHOLD: Severity = 'high';

const help = `Usage: cognito-studio check <design> [--format text|json|sarif] [--fail-on <severity>]

Reviews a design for Cognito federation risks (trust policies, role mappings, guest access, basic
flow, policy variables, privilege escalation, catalog checks) and prints the findings.

Options:
  --format text|json|sarif   output format (default text); sarif is SARIF 2.1.0 for code scanning
  --fail-on <severity>       exit 1 when a finding is at least this severe:
                             critical, high, medium, low, info, or none (default ${DEFAULT_THRESHOLD})
  -h, --help                 show this help

Exit codes: 0 no finding at or above the threshold, 1 such findings exist, 2 bad input.

Examples:
  cognito-studio check assets/examples/b2b-saas.cognito-design.json
  cognito-studio check assets/examples/b2b-saas.cognito-design.json --format sarif --fail-on medium > review.sarif`;

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'security review findings (text, JSON or SARIF) with a CI threshold',
  help,
  options: { format: { type: 'string' }, 'fail-on': { type: 'string' } },
  async run(commandLine, output) {
    const [file] = requirePositionals('check', commandLine, ['design']) as [string];
    const format = oneOf('check', 'format', stringOption(commandLine, 'format') ?? 'text', [
      'text',
      'json',
      'sarif',
    ] as const);
    const failOnText = stringOption(commandLine, 'fail-on') ?? DEFAULT_THRESHOLD;
    const threshold = failOnText === 'none' ? undefined : parseSeverity(failOnText);
    if (failOnText !== 'none' && threshold === undefined) {
      throw new CliInputError(
        `check: --fail-on must be one of ${[...SEVERITIES, 'none'].join(', ')} (got '${failOnText}')`,
      );
    }
    const design = await readDesign(file);
    const findings = await reviewDesign(design, {
      catalog: createIamDataCatalog(),
      awsManagedPolicies: awsManagedPoliciesFor(design),
    });
    const failing =
      threshold === undefined
        ? []
        : findings.filter((finding) => severityAtLeast(finding.severity, threshold));

    if (format === 'sarif') {
      output.out(
        `${JSON.stringify(toSarif(findings, { designUri: file, toolVersion: toolVersion() }), null, 2)}\n`,
      );
    } else if (format === 'json') {
      output.out(
        `${JSON.stringify({ file, threshold: threshold ?? 'none', failed: failing.length > 0, counts: countBySeverity(findings), findings }, null, 2)}\n`,
      );
    } else {
      const text = formatFindingsText(findings);
      output.out(text.endsWith('\n') ? text : `${text}\n`);
      const verdict =
        threshold === undefined
          ? 'no threshold'
          : failing.length > 0
            ? `${failing.length} at or above ${threshold}: failed`
            : `none at or above ${threshold}: passed`;
      output.out(`${file}: ${findings.length} finding(s); ${verdict}\n`);
    }
    return failing.length > 0 ? EXIT_FAILURE : EXIT_OK;
  },
};

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
