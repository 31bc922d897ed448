// Entry point of the `cognito-studio` command (bundled to dist/cli/cognito-studio.cjs): runs the
// CLI bundle (dist/cli/cognito-studio-main.cjs, built from main.ts) from its code cache, see
// code-cache.ts. Kept to node built-ins so that this file itself stays small to parse.
import { join } from 'node:path';
import { loadBundle } from './code-cache';

loadBundle(join(__dirname, 'cognito-studio-main.cjs')).run();
