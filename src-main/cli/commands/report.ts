// `cognito-studio report <design> --format html|md|json [--out <file>]`: the security-review
// report — design summary and graph, findings by severity, each persona's simulation, the access
// matrix, tool version, date and the design's SHA-256 (shared/review/report).

import { designMatrixTable } from '../../../shared/cognito';
import { reviewDesign } from '../../../shared/review';
import { buildReviewReport, renderReport, visibleText } from '../../../shared/review/report';
import { actionLevelSource } from '../../services/catalog/action-levels';
import { createIamDataCatalog } from '../../services/catalog/iam-data-catalog';
import { booleanOption, oneOf, requirePositionals, stringOption, type CliCommand } from '../command';
import { readDesign } from '../design-file';
import { CliInputError, EXIT_OK } from '../errors';
import { writeFileAtomic } from '../files';
import { toolVersion } from '../version';

const help = `Usage: cognito-studio report <design> --format html|md|json [--out <file>] [--force]

Writes the security-review report of a design: a summary with the design's graph, the findings by
severity (location, why it matters, fix), each persona's simulated credentials with a trace
summary, the access matrix (personas × the actions and resources the design's policies name), the
tool version, the date and the SHA-256 of the design.
  html   one self-contained file (no scripts, no external requests), readable printed
  md     Markdown (the graph is only in the HTML report)
  json   the same data for other tools

Options:
  --format html|md|json   report format (required)
  -o, --out <file>        write to this file (atomically) instead of standard output; an existing
                          file is kept unless --force
  --force                 replace an existing --out file
  --now <iso-time>        report date and simulation clock (default: now)
  -h, --help              show this help

Exit codes: 0 written, 2 bad input. Findings do not change the exit code (use 'check --fail-on').

Examples:
  cognito-studio report assets/examples/photo-sharing.cognito-design.json --format md
  cognito-studio report assets/examples/photo-sharing.cognito-design.json --format html -o review.html`;

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'security-review report (HTML, Markdown or JSON)',
  help,
  options: {
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    now: { type: 'string' },
  },
  async run(commandLine, output) {
    const [file] = requirePositionals('report', commandLine, ['design']) as [string];
    const formatText = stringOption(commandLine, 'format');
    if (formatText === undefined)
      throw new CliInputError("report: missing --format html|md|json (see 'cognito-studio report --help')");
    const format = oneOf('report', 'format', formatText, ['html', 'md', 'json'] as const);
    const now = stringOption(commandLine, 'now') ?? new Date().toISOString();
    if (Number.isNaN(new Date(now).getTime()))
      throw new CliInputError(`report: --now '${visibleText(now)}' is not a date and time`);
    const generatedAt = new Date(now).toISOString();
    const design = await readDesign(file);
    const catalog = createIamDataCatalog();
    const findings = await reviewDesign(design, { catalog });
    const matrix = await designMatrixTable(design, actionLevelSource(catalog), { now: generatedAt });
    const report = await buildReviewReport({
      design,
      findings,
      matrix,
      toolVersion: toolVersion(),
      generatedAt,
      file,
      catalogChecks: true,
    });
    const text = renderReport(report, format);
    const target = stringOption(commandLine, 'out');
    if (target === undefined) {
      output.out(text);
      return EXIT_OK;
    }
    await writeFileAtomic(target, text, { force: booleanOption(commandLine, 'force') });
    output.out(
      `Wrote the ${format} review report of ${visibleText(file)} to ${visibleText(target)}: ${findings.length} finding(s), ${report.personas.length} persona(s), design SHA-256 ${report.design.sha256}\n`,
    );
    return EXIT_OK;
  },
};
