// `cognito-studio export <design> --format cloudformation|terraform [--cfn-format yaml|json] [-o <file>]`:
// infrastructure as code for a design (shared/export). Exit 0 exported, 2 bad input (including a
// design with errors: nothing is exported from a design that does not validate).

import {
  CLOUDFORMATION_SYNTAXES,
  exportIac,
  IAC_FORMATS,
  type CloudFormationSyntax,
} from '../../../shared/export/iac';
import { booleanOption, oneOf, requirePositionals, stringOption, type CliCommand } from '../command';
import { readDesign } from '../design-file';
import { CliInputError, EXIT_OK, oneLine } from '../errors';
import { writeFileAtomic } from '../files';

const help = `Usage: cognito-studio export <design> --format cloudformation|terraform [--cfn-format yaml|json]
       [-o <file>] [--force]

Writes the design as infrastructure as code: identity pools (one role attachment each, with the
rule order kept), principal-tag maps, IAM roles with their inline policies, customer managed
policies, and the IAM OIDC / SAML providers the identity pools accept. Existing user pools and
their app clients are parameters (CloudFormation) or variables (Terraform) defaulting to the
design's ids; generated trust policies name the identity pool the template creates. IAM policy
variables such as \${cognito-identity.amazonaws.com:sub} stay literal.

Options:
  --format cloudformation|terraform   output format (required)
  --cfn-format yaml|json              CloudFormation syntax (default: from the --out extension,
                                      .json for JSON, otherwise YAML)
  -o, --out <file>                    write to this file (atomically) instead of standard output;
                                      an existing file is kept unless --force
  --force                             replace an existing file
  -h, --help                          show this help

Notes on what to finish before deploying (a SAML metadata document, user pool group roles, …) go to
standard error, or to standard output after the "Wrote" line when --out is given; they are also in
the file (CloudFormation Metadata, Terraform comments).

Exit codes: 0 exported, 2 bad input (unreadable or invalid design, bad option).

Examples:
  cognito-studio export assets/examples/b2b-saas.cognito-design.json --format cloudformation -o b2b-saas.template.yaml
  cognito-studio export assets/examples/b2b-saas.cognito-design.json --format terraform -o main.tf`;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'CloudFormation (YAML or JSON) or Terraform for a design',
  help,
  options: {
    format: { type: 'string' },
    'cfn-format': { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  },
  async run(commandLine, output) {
    const [file] = requirePositionals('export', commandLine, ['design']) as [string];
    const formatText = stringOption(commandLine, 'format');
    if (formatText === undefined) {
      throw new CliInputError(
        `export: missing --format ${IAC_FORMATS.join('|')} (see 'cognito-studio export --help')`,
      );
    }
    const format = oneOf('export', 'format', formatText, IAC_FORMATS);
    const target = stringOption(commandLine, 'out');
    const syntax = cloudFormationSyntax(stringOption(commandLine, 'cfn-format'), target, format);
    const design = await readDesign(file);
    const result = exportIac(design, { format, ...(syntax ? { syntax } : {}) });
    if (target === undefined) {
      output.out(result.text);
      for (const note of result.notes) output.err(`cognito-studio: note: ${oneLine(note)}\n`);
      return EXIT_OK;
    }
    await writeFileAtomic(target, result.text, { force: booleanOption(commandLine, 'force') });
    output.out(`Wrote ${target} (${result.label})\n`);
    for (const note of result.notes) output.out(`note: ${oneLine(note)}\n`);
    return EXIT_OK;
  },
};

function cloudFormationSyntax(
  option: string | undefined,
  target: string | undefined,
  format: (typeof IAC_FORMATS)[number],
): CloudFormationSyntax | undefined {
  if (format !== 'cloudformation') {
    if (option !== undefined)
      throw new CliInputError('export: --cfn-format applies to --format cloudformation only');
    return undefined;
  }
  const fromExtension = target?.toLowerCase().endsWith('.json') ? 'json' : target ? 'yaml' : undefined;
  if (option === undefined) return fromExtension ?? 'yaml';
  const syntax = oneOf('export', 'cfn-format', option, CLOUDFORMATION_SYNTAXES);
  if (fromExtension === 'json' && syntax !== 'json') {
    throw new CliInputError(`export: --cfn-format ${syntax} does not match the .json extension of ${target}`);
  }
  return syntax;
}
