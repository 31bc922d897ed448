// AWS failures as one line for people: what was refused, which resource, what to do. Secrets never
// appear: messages are scrubbed of access keys, secret keys and session tokens (the environment's
// and anything shaped like one), because an SDK or credential_process message may quote them.

/** A failure worth showing as is: its message is one line, already scrubbed. */
export class AwsAccessError extends Error {
  constructor(
    message: string,
    readonly code: string = 'AwsError',
  ) {
    super(scrubSecrets(message));
    this.name = 'AwsAccessError';
  }
}

const SECRET_VARIABLES = [
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECURITY_TOKEN',
];

/** Removes credentials from text: known values from the environment and access-key, secret-key and token shapes. */
export function scrubSecrets(text: string, environment: NodeJS.ProcessEnv = process.env): string {
  let result = text;
  for (const name of SECRET_VARIABLES) {
    const value = environment[name];
    if (value && value.length >= 8) result = result.split(value).join('[redacted]');
  }
  return result
    .replace(/\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, '[redacted]')
    .replace(/(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, '[redacted]')
    .replace(/[A-Za-z0-9/+=]{100,}/g, '[redacted]');
}

interface ServiceErrorLike {
  name?: unknown;
  message?: unknown;
  Code?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/** The AWS error code of a thrown SDK error (`NoSuchEntity`, `AccessDenied`, …), or undefined. */
export function awsErrorCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const candidate = error as ServiceErrorLike;
  for (const value of [candidate.Code, candidate.name, candidate.code]) {
    if (typeof value === 'string' && value !== 'Error') return value.replace(/Exception$/, '');
  }
  return undefined;
}

export function isNotFound(error: unknown): boolean {
  const code = awsErrorCode(error);
  return code === 'NoSuchEntity' || code === 'ResourceNotFound';
}

export function isAccessDenied(error: unknown): boolean {
  const code = awsErrorCode(error);
  return code === 'AccessDenied' || code === 'NotAuthorized' || code === 'UnauthorizedOperation';
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** One line naming the resource and the refusal; `action` is the API call, e.g. `iam:CreateRole`. */
export function describeAwsError(error: unknown, resource: string, action: string): string {
  if (error instanceof AwsAccessError) return `${resource}: ${error.message}`;
  const code = awsErrorCode(error);
  const message = messageOf(error);
  const detail = message ? `: ${message}` : '';
  let line: string;
  switch (code) {
    case 'MalformedPolicyDocument':
      line = `${resource}: AWS refused the policy document (MalformedPolicyDocument)${detail}`;
      break;
    case 'LimitExceeded':
      line = `${resource}: an AWS quota was reached (LimitExceeded)${detail}`;
      break;
    case 'AccessDenied':
    case 'NotAuthorized':
      line = `${resource}: access denied for ${action} (${code}) — the credentials lack this permission${detail}`;
      break;
    case 'CredentialsProviderError':
    case 'ProviderError':
      line = `no usable AWS credentials (${action} for ${resource}): ${message || 'check the profile or the environment'}`;
      break;
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'TimeoutError':
      line = `cannot reach AWS (${action} for ${resource}): ${message || code}`;
      break;
    default:
      line = `${resource}: ${action} failed${code ? ` (${code})` : ''}${detail}`;
  }
  return scrubSecrets(line);
}
