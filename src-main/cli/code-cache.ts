// Loading the CLI bundle with a V8 code cache. The bundle is some 7 MB of JavaScript, and V8 parsed
// all of it on every run before the first line of work: about 0.15–0.25 s of CPU time, as much as
// evaluating a few thousand batch lines. The build (scripts/build.mjs) runs the CLI once through
// `loadBundle` and writes the compiled code next to the bundle; later runs start from it.
// https://nodejs.org/api/vm.html#scriptcreatecacheddata
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { Script } from 'node:vm';

/** The cache file: the SHA-256 of the bundle it was made from, then V8's data. */
export function codeCachePath(bundle: string): string {
  return `${bundle}.cache`;
}

const DIGEST_BYTES = 32;

export interface LoadedBundle {
  /** Runs the bundle as the CommonJS module it was built as (it sees its own path as __filename). */
  run(): void;
  /** Whether V8 used the cache (false without one, or when this Node version rejects it). */
  readonly cacheUsed: boolean;
  /** Writes the code compiled so far as a cache of the bundle to `file` (see codeCachePath). */
  writeCache(file: string): void;
}

/**
 * Compiles the bundle, from its cache when the cache was made from this very text: V8 itself checks
 * only the text's length, so a bundle rebuilt to the same length would otherwise run stale code.
 * The digest is of the file's bytes (hashing the text would first encode it back to UTF-8), and an
 * ASCII bundle (as the build writes it) is read as one byte per character: decoding 7 MB as UTF-8,
 * and hashing the text, took some 40 ms of every run.
 */
export function loadBundle(path: string): LoadedBundle {
  const bundle = resolve(path);
  const bytes = readFileSync(bundle);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const digest = createHash('sha256').update(bytes).digest();
  let cachedData: Buffer | undefined;
  try {
    const cache = readFileSync(codeCachePath(bundle));
    if (cache.subarray(0, DIGEST_BYTES).equals(digest)) cachedData = cache.subarray(DIGEST_BYTES);
  } catch {
    // No cache (not built yet, or removed): compile as usual.
  }
  const script = new Script(wrap(source), { filename: bundle, cachedData });
  return {
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    run() {
      const module = { exports: {}, filename: bundle, id: bundle };
      const run = script.runInThisContext() as (...args: unknown[]) => void;
      run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
    },
    writeCache(file) {
      writeFileSync(file, Buffer.concat([digest, script.createCachedData()]));
    },
  };
}
