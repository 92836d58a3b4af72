import { homedir } from 'node:os';
import { join } from 'node:path';

/** The per-user app data folder, the same one Electron's app.getPath('userData') names for us. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'mockmost');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'mockmost');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'mockmost');
}
