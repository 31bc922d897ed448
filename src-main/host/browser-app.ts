// Browser mode: the host API over loopback HTTP plus the built renderer, for any local browser.
//   node dist/main/browser-mode.cjs [--port <n>] [--open <design>] [--workspace <dir>] [--data-dir <dir>]
// The API opens and saves designs only inside the workspace folder (default: the current folder).
// There is deliberately no option to bind another address or to run without the token.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultAppDataDirectory } from './app-data';
import { createDispatcher } from './dispatch';
import { startBrowserServer, type BrowserServer } from './http-transport';
import { createHostService } from './service';

export interface BrowserModeOptions {
  port: number;
  openPath: string | undefined;
  dataDirectory: string | undefined;
  /** The folder the API may open and save designs in; the working directory when absent. */
  workspace?: string | undefined;
}

export class UsageError extends Error {}

export function parseBrowserModeArguments(argv: string[]): BrowserModeOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        open: { type: 'string' },
        'data-dir': { type: 'string' },
        workspace: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(
      `${error instanceof Error ? error.message : String(error)} (options: --port <n>, --open <design>, --workspace <dir>, --data-dir <dir>)`,
    );
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, got "${values.port}".`);
  }
  return {
    port,
    openPath: values.open,
    dataDirectory: values['data-dir'],
    ...(values.workspace === undefined ? {} : { workspace: values.workspace }),
  };
}

function readVersion(appRoot: string): string {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'version' in parsed &&
      typeof parsed.version === 'string'
    )
      return parsed.version;
  } catch {
    // A missing manifest only affects the About box.
  }
  return '0.0.0';
}

/** Starts browser mode for the app installed at `appRoot` (the folder holding dist/ and assets/). */
export async function startBrowserMode(
  appRoot: string,
  options: BrowserModeOptions,
  workingDirectory = process.cwd(),
): Promise<BrowserServer> {
  const startupDesignPath =
    options.openPath === undefined ? undefined : resolve(workingDirectory, options.openPath);
  const workspaceDirectory = resolve(workingDirectory, options.workspace ?? '.');
  if (!statSync(workspaceDirectory, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`the workspace ${workspaceDirectory} is not a folder.`);
  }
  const service = createHostService({
    mode: 'browser',
    version: readVersion(appRoot),
    platform: process.platform,
    workspaceDirectory,
    workingDirectory: workspaceDirectory,
    appDataDirectory:
      options.dataDirectory === undefined ? defaultAppDataDirectory() : resolve(options.dataDirectory),
    examplesDirectory: join(appRoot, 'assets', 'examples'),
    ...(startupDesignPath === undefined ? {} : { startupDesignPath }),
  });
  const dispatch = createDispatcher(service, (method, error) => {
    process.stderr.write(
      `Host method ${method} failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  });
  return startBrowserServer({
    dispatch,
    staticDirectory: join(appRoot, 'dist', 'renderer'),
    port: options.port,
  });
}

/** Command-line entry: prints the address (with its token) and stops cleanly on Ctrl+C. */
export async function runBrowserMode(argv: string[], appRoot: string): Promise<number> {
  let options: BrowserModeOptions;
  try {
    options = parseBrowserModeArguments(argv);
  } catch (error) {
    process.stderr.write(`browser mode: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  let server: BrowserServer;
  try {
    server = await startBrowserMode(appRoot, options);
  } catch (error) {
    process.stderr.write(
      `browser mode: cannot start the server: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  if (!existsSync(join(appRoot, 'dist', 'renderer', 'index.html'))) {
    process.stderr.write(
      'browser mode: the user interface is not built (dist/renderer/index.html is missing); run `npm run build`.\n',
    );
  }
  process.stdout.write(`Cognito Access Studio (browser mode) is running at ${server.url}\n`);
  process.stdout.write(
    `Workspace folder (designs are opened and saved only here): ${resolve(options.workspace ?? '.')}\n`,
  );
  process.stdout.write(
    'Open that address in a browser; the token after # is required and changes on every run. Press Ctrl+C to stop.\n',
  );
  await new Promise<void>((resolvePromise) => {
    process.once('SIGINT', resolvePromise);
    process.once('SIGTERM', resolvePromise);
  });
  await server.close();
  return 0;
}
