import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Aftershock';
export const DB_FILE_NAME = 'aftershock.sqlite';

/** The per-user data folder, matching Electron's app.getPath('userData') for this app. */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_DIR_NAME);
}

/** Where the database lives: --db, else AFTERSHOCK_DB, else the user-data folder. */
export function resolveDbPath(options: { flag?: string; env?: NodeJS.ProcessEnv; userDataDir?: string } = {}): string {
  const env = options.env ?? process.env;
  if (options.flag) return path.resolve(options.flag);
  if (env.AFTERSHOCK_DB) return path.resolve(env.AFTERSHOCK_DB);
  return path.join(options.userDataDir ?? defaultUserDataDir(), DB_FILE_NAME);
}
