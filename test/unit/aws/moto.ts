// Starts the AWS emulator for a test file: moto_server's package behind a small wrapper that adds
// the identity-pool role and principal-tag calls moto lacks (moto_cognito_server.py). Free port on
// 127.0.0.1, stopped by the test's afterAll. A machine without moto fails the test, never skips it.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const WRAPPER = fileURLToPath(new URL('./moto_cognito_server.py', import.meta.url));
/** The account moto answers for; the example designs use it. */
export const MOTO_ACCOUNT_ID = '111122223333';

export interface Moto {
  endpoint: string;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function requireMoto(): void {
  try {
    execFileSync('sh', ['-c', 'command -v moto_server'], { stdio: 'pipe' });
    execFileSync('python3', ['-c', 'import moto.server'], { stdio: 'pipe' });
  } catch {
    throw new Error(
      'moto_server is required for the AWS account tests but was not found: install it with ' +
        '`pip install \'moto[server]\'` so that `moto_server` is on PATH and `python3 -c "import moto"` works',
    );
  }
}

export async function startMoto(): Promise<Moto> {
  requireMoto();
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn('python3', [WRAPPER, String(port)], {
    env: { ...process.env, MOTO_ACCOUNT_ID },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited at start: ${log}`);
    try {
      const response = await fetch(`${endpoint}/moto-api/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`moto_server did not answer on ${endpoint} within 30 s: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    endpoint,
    async reset() {
      await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    },
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      });
    },
  };
}

/** Fake credentials for the emulator, and no shared config files from the machine. */
export function emulatorEnvironment(): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}
