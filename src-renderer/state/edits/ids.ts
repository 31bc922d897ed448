// Readable, unique design ids (`role-3`) and fresh AWS-shaped identifiers for new entities.
// Readable ids keep design files easy to diff.

/** `${prefix}-${n}` with the smallest n ≥ 1 not in `taken`; adds the result to `taken`. */
export function uniqueId(prefix: string, taken: Set<string>): string {
  let counter = 1;
  while (taken.has(`${prefix}-${counter}`)) counter += 1;
  const id = `${prefix}-${counter}`;
  taken.add(id);
  return id;
}

/** `base`, `base2`, `base3`, … the first not in `taken`. */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  let counter = 2;
  while (names.has(`${base}${counter}`)) counter += 1;
  return `${base}${counter}`;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlphanumeric(length: number): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}

/** A user pool id `<region>_<9 alphanumerics>`. */
export function newUserPoolId(region: string): string {
  return `${region}_${randomAlphanumeric(9)}`;
}

/** An identity pool id `<region>:<guid>`. */
export function newIdentityPoolId(region: string): string {
  return `${region}:${crypto.randomUUID()}`;
}

/** An app client id: 26 lowercase alphanumerics like Cognito's. */
export function newAppClientId(): string {
  return randomAlphanumeric(26).toLowerCase();
}
