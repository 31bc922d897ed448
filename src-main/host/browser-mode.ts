// Entry point bundled to dist/main/browser-mode.cjs; the app root is two folders up from the bundle.
import { resolve } from 'node:path';
import { runBrowserMode } from './browser-app';

runBrowserMode(process.argv.slice(2), resolve(__dirname, '..', '..')).then((exitCode) => {
  process.exitCode = exitCode;
});
