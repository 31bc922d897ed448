// Options every account command shares, and how AWS failures end: one line, exit code 1.

import type * as AwsSide from '../../services/aws';
import type { AwsTarget } from '../../services/aws';
import { stringOption, type OptionSpec, type ParsedCommandLine } from '../command';
import { EXIT_FAILURE } from '../errors';
import type { CliOutput } from '../output';

export const AWS_OPTIONS: OptionSpec = {
  profile: { type: 'string' },
  region: { type: 'string' },
  'endpoint-url': { type: 'string' },
};

export const AWS_OPTIONS_HELP = `  --profile <name>        named profile of ~/.aws/config (SSO and credential_process included);
                          default AWS_PROFILE, then the standard credential chain
  --region <region>       default AWS_REGION (plan and apply: the design's region)
  --endpoint-url <url>    another endpoint, e.g. a local emulator; default AWS_ENDPOINT_URL`;

/**
 * The AWS side (SDK clients and all), loaded only by the commands that talk to AWS: loading it at
 * start-up cost every other command about a fifth of a second.
 */
export function loadAws(): Promise<typeof AwsSide> {
  return import('../../services/aws');
}

/** `designRegion`, when given, comes before AWS_REGION: a design is applied where it was drawn for. */
export function awsTarget(commandLine: ParsedCommandLine, designRegion?: string): AwsTarget {
  const profile = stringOption(commandLine, 'profile');
  const region = stringOption(commandLine, 'region') ?? designRegion;
  const endpointUrl = stringOption(commandLine, 'endpoint-url');
  return {
    ...(profile ? { profile } : {}),
    ...(region ? { region } : {}),
    ...(endpointUrl ? { endpointUrl } : {}),
  };
}

/** Runs an account command; an AWS refusal is one line on stderr and exit code 1. */
export async function reportingAwsErrors(
  command: string,
  output: CliOutput,
  run: () => Promise<number>,
): Promise<number> {
  try {
    return await run();
  } catch (error) {
    const { AwsAccessError } = await loadAws();
    if (!(error instanceof AwsAccessError)) throw error;
    output.err(`cognito-studio: ${command}: ${error.message}\n`);
    return EXIT_FAILURE;
  }
}
