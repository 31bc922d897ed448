// Finds the npm packages an esbuild bundle would contain (or load at run time as externals) and
// reads their licenses from their own package.json, so any AGPL package is caught, not only a
// hard-coded list.
import { build, type Metafile, type Plugin } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface BundleTarget {
  entry: string;
  platform: 'node' | 'browser';
  /** Bare module names the real build leaves out of the bundle. */
  external: string[];
}

export interface PackageLicense {
  name: string;
  license: string;
  /** How the bundle reaches it: `bundled <input path>` or `external import from <input path>`. */
  via: string;
}

/**
 * Vite-style imports with a query (`./worker?worker`, `./file.svg?url`): a worker is code and is
 * followed; any other query is an asset, not code. Vite turns `?worker` into a module whose default
 * export is a Worker constructor, so the worker's code is reached through a small wrapper module
 * with that default export.
 */
const viteQueryPlugin: Plugin = {
  name: 'vite-queries',
  setup(buildApi) {
    buildApi.onResolve({ filter: /\?/ }, async (args) => {
      const [bare = '', query = ''] = args.path.split('?');
      if (query !== 'worker') return { path: args.path, external: true };
      const resolved = await buildApi.resolve(bare, { kind: args.kind, resolveDir: args.resolveDir });
      return { path: resolved.path, namespace: 'vite-worker', errors: resolved.errors };
    });
    buildApi.onLoad({ filter: /.*/, namespace: 'vite-worker' }, (args) => ({
      contents: `import ${JSON.stringify(args.path)};\nexport default class WorkerConstructor {}\n`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

export async function bundleInputs(root: string, target: BundleTarget): Promise<Metafile> {
  try {
    return await bundle(root, target);
  } catch (error) {
    const errors =
      (error as { errors?: Array<{ text: string; location?: { file: string } | null }> }).errors ?? [];
    const details = errors
      .slice(0, 3)
      .map((item) => `${item.location?.file ?? '?'}: ${item.text}`)
      .join('; ');
    throw new Error(
      `Cannot bundle ${target.entry}, so its packages cannot be checked: ${details || String(error)}`,
      { cause: error },
    );
  }
}

async function bundle(root: string, target: BundleTarget): Promise<Metafile> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [target.entry],
    bundle: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    platform: target.platform,
    format: target.platform === 'node' ? 'cjs' : 'esm',
    target: target.platform === 'node' ? 'node20' : 'chrome120',
    jsx: 'automatic',
    external: target.external,
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty', '.woff2': 'empty', '.ttf': 'empty' },
    plugins: [viteQueryPlugin],
  });
  return result.metafile;
}

/** Package directory of a path inside node_modules (the innermost one), or undefined. */
export function packageDirectory(root: string, inputPath: string): string | undefined {
  const normalized = inputPath.split(path.sep).join('/');
  const marker = 'node_modules/';
  const at = normalized.lastIndexOf(marker);
  if (at < 0) return undefined;
  const rest = normalized.slice(at + marker.length).split('/');
  const nameParts = rest[0]?.startsWith('@') ? rest.slice(0, 2) : rest.slice(0, 1);
  return path.resolve(root, normalized.slice(0, at + marker.length) + nameParts.join('/'));
}

/** The package name of a bare import specifier (`@scope/name/sub` → `@scope/name`). */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** License text of a package.json: `license`, an old-style `{ type }` object or a `licenses` array. */
export function licenseOf(packageJsonPath: string): string {
  const manifest = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as {
    license?: unknown;
    licenses?: unknown;
  };
  const describe = (value: unknown): string =>
    typeof value === 'string'
      ? value
      : typeof value === 'object' && value !== null && 'type' in value
        ? String(value.type)
        : '';
  if (manifest.license !== undefined) return describe(manifest.license);
  if (Array.isArray(manifest.licenses)) return manifest.licenses.map(describe).join(' OR ');
  return 'UNKNOWN';
}

export function isAgpl(license: string): boolean {
  return /\bAGPL/i.test(license) || /Affero/i.test(license);
}

/** Every package in the bundle's inputs plus every external package import, with its license. */
export function packagesOf(root: string, metafile: Metafile): PackageLicense[] {
  const found = new Map<string, PackageLicense>();
  for (const [input, details] of Object.entries(metafile.inputs)) {
    const directory = packageDirectory(root, input);
    if (directory && !found.has(directory)) {
      const manifest = path.join(directory, 'package.json');
      const name = packageName(
        directory
          .slice(directory.lastIndexOf('node_modules') + 'node_modules/'.length)
          .split(path.sep)
          .join('/'),
      );
      found.set(directory, {
        name,
        license: existsSync(manifest) ? licenseOf(manifest) : 'UNKNOWN',
        via: `bundled ${input}`,
      });
    }
    for (const imported of details.imports) {
      if (!imported.external || imported.path.startsWith('node:') || imported.path.startsWith('.')) continue;
      const name = packageName(imported.path);
      const manifest = path.join(root, 'node_modules', name, 'package.json');
      if (!existsSync(manifest)) continue;
      const key = path.dirname(manifest);
      if (!found.has(key))
        found.set(key, { name, license: licenseOf(manifest), via: `external import from ${input}` });
    }
  }
  return [...found.values()];
}
