import Database, { type Database as Db, type Options } from 'better-sqlite3';

// Set once by the Electron main process before it opens anything; plain Node (CLI, browser shell, tests) leaves it unset.
let electronBinding: string | undefined;

/** Makes every database opened from now on load this better-sqlite3 binary (the Electron build under `npm start`). */
export function useSqliteBinding(file: string | undefined): void {
  electronBinding = file;
}

/**
 * The one place a better-sqlite3 Database is created (ESLint forbids `new Database(` elsewhere in electron/), so the
 * app database, backups being checked or restored and recovery all load the driver built for the running runtime.
 */
export function openSqlite(file: string, options: Omit<Options, 'nativeBinding'> = {}): Db {
  return new Database(file, electronBinding ? { ...options, nativeBinding: electronBinding } : options);
}
