import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Finding {
  id: string;
  file: string;
  severity: { name: string };
  location?: { line: number };
}

interface ScanResult {
  errors: unknown[];
  issues: Finding[];
}

const require = createRequire(import.meta.url);
const runElectronegativity = require('@doyensec/electronegativity') as (
  options: Record<string, unknown>,
) => Promise<ScanResult>;

describe('electronegativity static scan of the Electron shell', () => {
  it('finds no high-severity issue in src-main/electron', async () => {
    const result = await runElectronegativity({
      input: join(process.cwd(), 'src-main', 'electron'),
      isRelative: true,
      // The scanned sources carry no package.json; the checks need the Electron version we ship.
      electronVersionOverride: (require('electron/package.json') as { version: string }).version,
      // This check downloads Electron's release list: its answer depends on the network and the day,
      // not on our code. Keeping Electron current is the dependency update process's job.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
    expect(result.errors).toEqual([]);
    // The scan really analysed the window: it reports the preload for manual review.
    expect(
      result.issues.some(
        (finding) => finding.id === 'PRELOAD_JS_CHECK' && finding.file.endsWith('window.ts'),
      ),
    ).toBe(true);
    const high = result.issues.filter((finding) => ['HIGH', 'CRITICAL'].includes(finding.severity.name));
    expect(high.map((finding) => `${finding.id} ${finding.file}:${finding.location?.line}`)).toEqual([]);
  });
});
