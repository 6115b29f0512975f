import fs from 'node:fs';
import path from 'node:path';

/**
 * Where scripts/ensure-electron-sqlite.mjs keeps the better-sqlite3 binary built for
 * this Electron, beside the Node build that tests and the CLI use.
 */
export function electronSqliteBindingPath(appRoot: string, electronVersion: string, platform: string, arch: string): string {
  return path.join(appRoot, 'node_modules', '.aftershock-native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

/** The nativeBinding option for better-sqlite3 under Electron: none when packaged (rebuilt by electron-builder). */
export function resolveElectronSqliteBinding(options: {
  isPackaged: boolean;
  appRoot: string;
  electronVersion: string;
  platform: string;
  arch: string;
}): string | undefined {
  if (options.isPackaged) return undefined;
  const file = electronSqliteBindingPath(options.appRoot, options.electronVersion, options.platform, options.arch);
  if (!fs.existsSync(file)) {
    throw new Error(
      `The SQLite driver for Electron ${options.electronVersion} is missing (${file}). ` +
        'Run "npm start" (it fetches it first) or "node scripts/ensure-electron-sqlite.mjs".',
    );
  }
  return file;
}
