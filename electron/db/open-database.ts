import fs from 'node:fs';
import path from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../shared/ipc/result';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';
import { openSqlite } from './sqlite';

export interface OpenDatabaseOptions {
  /** File path, or ':memory:' for tests. */
  path: string;
  /** Defaults to the app's migrations; tests pass their own lists. */
  migrations?: readonly Migration[];
  /** Used to name backup files; defaults to the current time. */
  now?: () => Date;
}

export interface OpenedDatabase {
  db: Db;
  /** user_version found before migrating (0 for a new file). */
  previousVersion: number;
  schemaVersion: number;
  /** Path of the copy taken before migrating, when one was taken. */
  backupPath: string | null;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** Why a database file was refused at start; the recovery choices depend on it. */
export type RefusalReason = 'not-a-file' | 'not-sqlite' | 'damaged' | 'newer' | 'upgrade-failed';

/** A database file Aftershock will not open (and did not change); carries the file and the reason. */
export class DatabaseRefusedError extends AppError {
  readonly file: string;
  readonly reason: RefusalReason;

  constructor(file: string, reason: RefusalReason, message: string, detail?: string) {
    super('database', message, detail);
    this.name = 'DatabaseRefusedError';
    this.file = file;
    this.reason = reason;
  }
}

/** Opens (creating if needed) and migrates the Aftershock database, refusing files it must not touch. */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const migrations = options.migrations ?? allMigrations;
  const target = migrations.length ? migrations[migrations.length - 1].version : 0;
  const isFile = options.path !== ':memory:';

  const shortened = isFile ? assertOpenableFile(options.path) : null;
  if (shortened) assertRecoverableFromWal(options.path, shortened);
  const existingVersion = isFile ? readUserVersion(options.path) : 0;
  if (existingVersion > target) {
    throw new DatabaseRefusedError(
      options.path,
      'newer',
      `The database "${options.path}" was written by a newer version of Aftershock (schema ${existingVersion}; ` +
        `this version understands up to ${target}). Update Aftershock to open it; the file was left untouched.`,
    );
  }

  if (isFile) fs.mkdirSync(path.dirname(options.path), { recursive: true });
  const db = openSqlite(options.path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const backupPath =
      isFile && existingVersion > 0 && existingVersion < target
        ? backupBeforeMigrating(db, options.path, existingVersion, options.now?.() ?? new Date())
        : null;
    migrate(db, options.path, migrations, existingVersion, backupPath);
    return { db, previousVersion: existingVersion, schemaVersion: target, backupPath };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Bytes of a WAL file's own header: a WAL longer than this holds frames SQLite replays on opening. */
const WAL_HEADER_BYTES = 32;

/** A file shorter than its header says (bytes it has, bytes its header counts), with a WAL beside it. */
interface Shortened {
  size: number;
  expected: number;
}

/**
 * Refuses a file that exists but is not an SQLite database, before SQLite can touch it. A file shorter than its
 * header says is cut short, unless a WAL with frames lies beside it: a checkpoint writes page 1 (and its page
 * count) first, so one interrupted by a crash leaves exactly that, and SQLite completes it from the WAL.
 */
function assertOpenableFile(file: string): Shortened | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null; // a new database
  }
  if (!stat.isFile()) {
    throw new DatabaseRefusedError(file, 'not-a-file', `"${file}" is not a file, so it cannot be used as the Aftershock database.`);
  }
  if (stat.size === 0) return null;
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== SQLITE_HEADER) {
    throw new DatabaseRefusedError(
      file,
      'not-sqlite',
      `"${file}" is not an Aftershock database (it is not an SQLite file). It was left untouched; ` +
        'choose another file or move this one aside.',
    );
  }
  // The header records how many pages the file holds (when its two change counters agree); fewer bytes means it was cut short.
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  if (header.readUInt32BE(24) === header.readUInt32BE(92) && pages > 0 && stat.size < pages * pageSize) {
    if (fileSize(`${file}-wal`) > WAL_HEADER_BYTES) return { size: stat.size, expected: pages * pageSize };
    throw cutShort(file, stat.size, pages * pageSize);
  }
  return null;
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function cutShort(file: string, size: number, expected: number, detail?: string): DatabaseRefusedError {
  return new DatabaseRefusedError(file, 'damaged', `"${file}" is damaged: it is cut short (${size} of ${expected} bytes). It was left untouched.`, detail);
}

/**
 * A file cut short with a WAL beside it opens only if the WAL makes it whole: a read-only connection (which replays
 * the WAL without writing the file, and does not checkpoint on closing) must find every page sound.
 */
function assertRecoverableFromWal(file: string, shortened: Shortened): void {
  let probe: Db | undefined;
  let verdict: string;
  try {
    probe = openSqlite(file, { readonly: true, fileMustExist: true });
    verdict = String(probe.pragma('quick_check', { simple: true }));
  } catch (error) {
    verdict = error instanceof Error ? error.message : String(error);
  } finally {
    probe?.close();
  }
  if (verdict !== 'ok') throw cutShort(file, shortened.size, shortened.expected, `SQLite's check with the write-ahead log: ${verdict}`);
}

function readUserVersion(file: string): number {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return 0;
  let probe: Db | undefined;
  try {
    probe = openSqlite(file, { readonly: true, fileMustExist: true });
    return probe.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    // Only SQLite's own refusals mean a bad file; anything else (a missing driver) is not the file's fault.
    if (!(error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_'))) throw error;
    throw new DatabaseRefusedError(
      file,
      'damaged',
      `"${file}" could not be read as an SQLite database; it may be damaged. It was left untouched.`,
      String(error),
    );
  } finally {
    probe?.close();
  }
}

/** Takes a consistent copy of the database next to it before a migration changes it. */
function backupBeforeMigrating(db: Db, file: string, version: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const backup = `${file}.v${version}-${stamp}.backup`;
  vacuumInto(db, backup);
  return backup;
}

function migrate(db: Db, file: string, migrations: readonly Migration[], from: number, backupPath: string | null): void {
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    const step = db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      step();
    } catch (error) {
      const kept = backupPath ? ` A copy taken before the upgrade is at "${backupPath}".` : '';
      throw new DatabaseRefusedError(
        file,
        'upgrade-failed',
        `Upgrading the database to schema ${migration.version} (${migration.name}) failed, ` +
          `so it was left at schema ${db.pragma('user_version', { simple: true })}.${kept}`,
        String(error),
      );
    }
  }
}

/**
 * Writes a consistent copy of the open database to `target` under a temporary name first and renames it
 * when complete, so a crash half-way never leaves a truncated file that looks like a backup.
 */
export function vacuumInto(db: Db, target: string): void {
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  fs.renameSync(partial, target);
}
