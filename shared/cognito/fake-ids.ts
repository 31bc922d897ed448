// Stable made-up identifiers for things only AWS can know (identity ids, role ids, credentials).
// They derive from their inputs with a non-cryptographic hash so that a simulation gives the same
// answer every time, and they are visibly fake so nobody mistakes them for real secrets.

/** 128 bits of a 32-bit FNV-1a hash run with four seeds, as 32 lowercase hex digits. */
export function stableHash(text: string): string {
  const seeds = [0x811c9dc5, 0x01000193, 0x2f6b9a1d, 0x5bd1e995];
  return seeds
    .map((seed) => {
      let hash = seed >>> 0;
      for (let index = 0; index < text.length; index += 1) {
        hash ^= text.charCodeAt(index);
        hash = Math.imul(hash, 0x01000193) >>> 0;
      }
      // A final avalanche so that similar inputs do not share prefixes.
      hash = (hash ^ (hash >>> 16)) >>> 0;
      hash = Math.imul(hash, 0x85ebca6b) >>> 0;
      hash = (hash ^ (hash >>> 13)) >>> 0;
      return hash.toString(16).padStart(8, '0');
    })
    .join('');
}

/** `<region>:<guid>` derived from the pool, provider and subject (design.md §5.2 step 10). */
export function fakeIdentityId(identityPoolId: string, loginsKey: string, subject: string): string {
  const region = identityPoolId.includes(':')
    ? identityPoolId.slice(0, identityPoolId.indexOf(':'))
    : 'us-east-1';
  const hex = stableHash(`${identityPoolId}\n${loginsKey}\n${subject}`);
  // Version-4 layout so that the id looks like the GUIDs Cognito issues.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  const guid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return `${region}:${guid}`;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Upper-case letters and digits from the hash, `length` characters. */
function stableCode(text: string, length: number): string {
  let hex = '';
  let round = 0;
  while (hex.length < length * 2) {
    hex += stableHash(`${round}:${text}`);
    round += 1;
  }
  let code = '';
  for (let index = 0; index < length; index += 1) {
    code += BASE32.charAt(parseInt(hex.slice(index * 2, index * 2 + 2), 16) % 32);
  }
  return code;
}

/** Fake role unique id: `AROA` + 17 characters, like the RoleId IAM assigns. */
export function fakeRoleId(roleArn: string): string {
  return `AROA${stableCode(roleArn, 17)}`;
}

/** Obviously fake temporary credentials; the access key keeps the `ASIA` prefix of STS session keys. */
export function fakeCredentials(
  seed: string,
  now: Date,
): {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: string;
  simulated: true;
} {
  const code = stableCode(seed, 7);
  return {
    accessKeyId: `ASIASIMULATED${code}`,
    secretAccessKey: `SIMULATED-secret-not-valid-anywhere-${stableHash(`secret:${seed}`).slice(0, 12)}`,
    sessionToken: `SIMULATED-session-token-not-valid-anywhere-${stableHash(`token:${seed}`)}`,
    expiration: new Date(now.getTime() + 60 * 60 * 1000).toISOString(),
    simulated: true,
  };
}
