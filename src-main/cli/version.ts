// The package version, read from the package.json two folders above the bundle (dist/cli/).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function toolVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
