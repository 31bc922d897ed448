// `cognito-studio validate <design>`: the model's validation, every policy's validation and the
// action catalog's warnings. Exit 1 when there is an error, 0 otherwise (warnings do not fail);
// a file that is not a readable design at all is bad input (exit 2).

import type { ModelIssue } from '../../../shared/model/types';
import { designPolicyProblems } from '../../../shared/policy-language/design-problems';
import { createIamDataCatalog } from '../../services/catalog/iam-data-catalog';
import { booleanOption, requirePositionals, type CliCommand } from '../command';
import { readDesignForValidation, describeIssue, UNREADABLE_DESIGN_CODES } from '../design-file';
import { CliInputError, EXIT_FAILURE, EXIT_OK } from '../errors';

const help = `Usage: cognito-studio validate <design> [--json]

Checks a design file: the document model (structure, references, AWS limits), every IAM policy in
it (inline, customer managed, hand-written trust policies) and, from the IAM action catalog,
unknown actions, unsupported condition keys and resources that match no resource type.

Output: one line per problem, "<JSON path>: <message>", errors first, then warnings.
With --json: {"file", "valid", "errors": [{"path", "message", "code"}], "warnings": [...]}.

Options:
  --json        print JSON instead of text
  -h, --help    show this help

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 the file is missing or not a design.

Example:
  cognito-studio validate assets/examples/photo-sharing.cognito-design.json`;

interface Problem {
  severity: 'error' | 'warning';
  path: string;
  message: string;
  code?: string;
}

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check a design: model, policies and IAM catalog warnings',
  help,
  options: { json: { type: 'boolean' } },
  async run(commandLine, output) {
    const [file] = requirePositionals('validate', commandLine, ['design']) as [string];
    const loaded = await readDesignForValidation(file);
    const unreadable = loaded.issues.find(
      (issue) => issue.severity === 'error' && UNREADABLE_DESIGN_CODES.has(issue.code ?? ''),
    );
    if (unreadable) throw new CliInputError(describeIssue(file, unreadable));
    const problems: Problem[] = loaded.issues.map(fromModelIssue);
    if (loaded.ok) problems.push(...(await designPolicyProblems(loaded.design, createIamDataCatalog())));
    const errors = problems.filter((problem) => problem.severity === 'error');
    const warnings = problems.filter((problem) => problem.severity === 'warning');

    if (booleanOption(commandLine, 'json')) {
      const strip = ({ path, message, code }: Problem) =>
        code ? { path, message, code } : { path, message };
      output.out(
        `${JSON.stringify({ file, valid: errors.length === 0, errors: errors.map(strip), warnings: warnings.map(strip) }, null, 2)}\n`,
      );
    } else {
      const lines: string[] = [];
      if (errors.length > 0)
        lines.push('Errors:', ...errors.map((problem) => `  ${problem.path}: ${problem.message}`));
      if (warnings.length > 0)
        lines.push('Warnings:', ...warnings.map((problem) => `  ${problem.path}: ${problem.message}`));
      const verdict = errors.length === 0 ? 'valid' : 'invalid';
      lines.push(`${file}: ${verdict} (${errors.length} error(s), ${warnings.length} warning(s))`);
      output.out(`${lines.join('\n')}\n`);
    }
    return errors.length > 0 ? EXIT_FAILURE : EXIT_OK;
  },
};

function fromModelIssue(issue: ModelIssue): Problem {
  const problem: Problem = { severity: issue.severity, path: issue.path, message: issue.message };
  if (issue.code) problem.code = issue.code;
  return problem;
}
