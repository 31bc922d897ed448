// `npm start` (after the build): launches the desktop app on an example design. When the Electron
// runtime is missing and cannot be fetched — or there is no display to show it on — it says so in
// one line and starts browser mode instead, which prints the address (with its access token).
// COGNITO_STUDIO_PORT fixes browser mode's port (otherwise a random free port is used).
// Browser mode serves one workspace folder: `npm start -- --workspace <dir>`, by default the folder
// `npm start` was run from. The desktop app has native file dialogs and no workspace.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const exampleDesign = join(appRoot, 'assets', 'examples', 'photo-sharing.cognito-design.json');
const require = createRequire(import.meta.url);
// npm runs scripts from the package folder; INIT_CWD is where the person typed `npm start`.
const invokedFrom = process.env.INIT_CWD ?? process.cwd();
let options;
try {
  ({ values: options } = parseArgs({
    args: process.argv.slice(2),
    options: { workspace: { type: 'string' } },
    strict: true,
  }));
} catch (error) {
  console.error(`npm start: ${error.message} (option: --workspace <dir>)`);
  process.exit(2);
}
const workspace = resolve(invokedFrom, options.workspace ?? '.');

/** The Electron executable if it is installed, else undefined (`require('electron')` throws then). */
function electronExecutable() {
  try {
    const resolved = require('electron');
    return typeof resolved === 'string' && existsSync(resolved) ? resolved : undefined;
  } catch {
    return undefined;
  }
}

/** One short attempt to download the runtime; offline machines fail fast. */
function tryFetchElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  const installer = join(appRoot, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return;
  spawnSync(process.execPath, [installer], { cwd: appRoot, stdio: 'ignore', timeout: 30_000 });
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function run(command, args) {
  const child = spawn(command, args, { cwd: appRoot, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

function startBrowserMode(reason) {
  console.log(`${reason}; starting browser mode instead.`);
  const args = [
    join(appRoot, 'dist', 'main', 'browser-mode.cjs'),
    '--open',
    exampleDesign,
    '--workspace',
    workspace,
  ];
  if (process.env.COGNITO_STUDIO_PORT) args.push('--port', process.env.COGNITO_STUDIO_PORT);
  run(process.execPath, args);
}

let electron = electronExecutable();
if (!electron) {
  tryFetchElectron();
  electron = electronExecutable();
}
if (!electron) {
  startBrowserMode('The Electron runtime is not installed and could not be downloaded');
} else if (!hasDisplay()) {
  startBrowserMode('No graphical display is available for the desktop window');
} else {
  run(electron, [appRoot, exampleDesign]);
}
