import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// js-yaml is what electron-builder itself uses to read this file.
const { load } = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  files: string[];
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
}

const config = load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('matches electron-builder’s own configuration schema', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('builds AppImage and deb for Linux, dmg for macOS and nsis for Windows', () => {
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('packs the built app and assets, never the sources or tests', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/main/**', 'dist/renderer/**', 'assets/examples/**']),
    );
    for (const pattern of config.files) expect(pattern).not.toMatch(/^(src-|shared|test|node_modules)/);
  });

  it('ships no AGPL package: every AGPL dependency is a devDependency', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { dev?: boolean; license?: string }>;
    };
    const shipped = Object.entries(lock.packages).filter(
      ([path, entry]) => path !== '' && entry.dev !== true,
    );
    expect(shipped.length).toBeGreaterThan(0);
    expect(shipped.filter(([, entry]) => /AGPL/i.test(entry.license ?? '')).map(([path]) => path)).toEqual(
      [],
    );
    const iamSimulate = lock.packages['node_modules/@cloud-copilot/iam-simulate'];
    expect(iamSimulate?.dev).toBe(true);
  });
});
