import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/ipc/result';

/** Runs a write and turns SQLite's UNIQUE violation into a conflict sentence. */
export function withConflict<T>(write: () => T, sentence: string): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AppError('conflict', sentence, error.message);
    }
    throw error;
  }
}

/** Renames a row whose name is unique among its siblings: not found and a taken name are errors; returns the row read back. */
export function renameRow<T>(
  db: Database,
  table: 'accounts' | 'portfolios',
  row: { id: number; name: string; get: (db: Database, id: number) => T },
  takenSentence: string,
): T {
  row.get(db, row.id);
  withConflict(() => db.prepare(`UPDATE ${table} SET name = :name WHERE id = :id`).run({ id: row.id, name: row.name }), takenSentence);
  return row.get(db, row.id);
}

/** Throws a not-found sentence when a lookup came back empty. */
export function found<T>(row: T | undefined, what: string, id: number): T {
  if (row === undefined) {
    throw new AppError('not-found', `${what} ${id} does not exist; it may have been deleted.`);
  }
  return row;
}

/** Conditions of the disk or another program, not of the database's contents: each has its own true sentence. */
export type SqliteCondition = 'read-only' | 'disk-full' | 'busy';

/** The SQLite code of a driver error (SQLITE_FULL, SQLITE_READONLY_DIRECTORY, …), if it is one. */
export function sqliteCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_')
    ? error.code
    : undefined;
}

/**
 * Says what is true when SQLite could not write for a reason outside the database: a read-only folder or file,
 * a full disk, or a lock another program held past the 5-second busy timeout. Null for every other failure.
 */
export function sqliteCondition(error: unknown, file: string): { condition: SqliteCondition; message: string } | null {
  const code = sqliteCode(error);
  if (!code) return null;
  const name = file === ':memory:' ? 'The database' : `"${file}"`;
  if (code === 'SQLITE_FULL') {
    return {
      condition: 'disk-full',
      message: `The disk holding ${file === ':memory:' ? 'the database' : name} is full, so nothing was saved. Free some space and try again.`,
    };
  }
  if (code.startsWith('SQLITE_BUSY')) {
    return {
      condition: 'busy',
      message:
        `${name} was kept locked by another program for more than 5 seconds, so nothing was saved. ` +
        'Close other Aftershock windows or commands using it, then try again.',
    };
  }
  const folder = file === ':memory:' ? null : path.dirname(path.resolve(file));
  const readOnlyFolder =
    folder !== null &&
    (code === 'SQLITE_READONLY_DIRECTORY' ||
      code === 'SQLITE_READONLY_CANTINIT' ||
      (isReadOnlyCode(code) && !writable(folder)) ||
      (code.startsWith('SQLITE_CANTOPEN') && fs.existsSync(file) && !writable(folder)));
  if (readOnlyFolder) {
    return {
      condition: 'read-only',
      message:
        `${name} is read-only: Aftershock needs to write beside it (folder "${folder}"), and that folder does not allow changes. ` +
        'The file was left untouched; allow changes to the folder, or move the database to one you can write to.',
    };
  }
  if (isReadOnlyCode(code)) {
    return {
      condition: 'read-only',
      message:
        `${name} is read-only: the file does not allow changes, so nothing was saved. ` +
        'Allow changes to the file (or copy it somewhere you can write to) and try again.',
    };
  }
  return null;
}

function isReadOnlyCode(code: string): boolean {
  return code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_');
}

function writable(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
