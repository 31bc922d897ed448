// Names of resources, parameters and variables in an export: readable (taken from the design's
// names), valid in the target format, and unique.

/** Hands out unique names: the second `Photos` becomes `Photos2`. */
export class UniqueNames {
  private readonly used = new Set<string>();
  private readonly byKey = new Map<string, string>();

  constructor(private readonly separator = '') {}

  /** The name for `key` (stable: the same key always gets the same name). */
  claim(key: string, base: string): string {
    const existing = this.byKey.get(key);
    if (existing !== undefined) return existing;
    let name = base;
    for (let counter = 2; this.used.has(name.toLowerCase()); counter += 1)
      name = `${base}${this.separator}${counter}`;
    this.used.add(name.toLowerCase());
    this.byKey.set(key, name);
    return name;
  }

  get(key: string): string {
    const name = this.byKey.get(key);
    if (name === undefined) throw new Error(`export: no name was assigned to ${key}`);
    return name;
  }
}

function words(value: string): string[] {
  return value.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
}

/** `photo-sharing users` → `PhotoSharingUsers` (CloudFormation logical ids are alphanumeric). */
export function pascalCase(value: string): string {
  return words(value)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** `PhotoSharing Users` → `photo_sharing_users` (Terraform identifiers). */
export function snakeCase(value: string): string {
  // A new word starts at a capital followed by a small letter after a small letter: `PhotoSharing` →
  // `photo_sharing`, while `SaaS` stays one word.
  return words(value.replace(/([a-z0-9])([A-Z][a-z])/g, '$1 $2'))
    .map((word) => word.toLowerCase())
    .join('_');
}
