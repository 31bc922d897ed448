// Where per-user app data (recent files, recovery file) lives. Browser mode uses the same folder
// as the desktop app's `app.getPath('userData')`, so both see the same recent files and recovery.

import { homedir } from 'node:os';
import { join } from 'node:path';

export const productName = 'Cognito Access Studio';

export function defaultAppDataDirectory(
  platform: NodeJS.Platform = process.platform,
  environment: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(environment.APPDATA ?? join(home, 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', productName);
  return join(environment.XDG_CONFIG_HOME ?? join(home, '.config'), productName);
}
