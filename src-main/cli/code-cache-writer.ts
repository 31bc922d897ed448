// Run by scripts/build.mjs (bundled to a temporary file), never shipped: runs the CLI bundle given
// as the first argument with the remaining arguments, then writes the code V8 compiled meanwhile to
// the second argument's path, the cache the command's entry point (start.ts) starts from.
import { loadBundle } from './code-cache';

const [bundle, cacheFile] = process.argv.splice(2, 2);
if (!bundle || !cacheFile) throw new Error('usage: code-cache-writer <bundle> <cache file> <cli arguments…>');
const loaded = loadBundle(bundle);
process.on('exit', () => loaded.writeCache(cacheFile));
loaded.run();
