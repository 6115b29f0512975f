import fs from 'node:fs';
import path from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../shared/ipc/result';
import { migrations as allMigrations } from './migrations';
import { AFTERSHOCK_APPLICATION_ID } from './migrations/012-application-id';
import type { Migration } from './migrations/types';
import { type SqliteCondition, sqliteCondition } from './errors';
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
export type RefusalReason = 'not-a-file' | 'not-sqlite' | 'foreign' | 'damaged' | 'newer' | 'upgrade-failed' | SqliteCondition;

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

/**
 * The refusal for a database that could not be opened for a reason outside it (a read-only folder or file, a full
 * disk, a lock held past the busy timeout), or null when the failure is something else.
 */
export function refusalForCondition(error: unknown, file: string): DatabaseRefusedError | null {
  if (error instanceof DatabaseRefusedError) return null;
  const found = sqliteCondition(error, file);
  return found ? new DatabaseRefusedError(file, found.condition, found.message, String(error)) : null;
}

/** Opens (creating if needed) and migrates the Aftershock database, refusing files it must not touch. */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const migrations = options.migrations ?? allMigrations;
  const target = migrations.length ? migrations[migrations.length - 1].version : 0;
  const isFile = options.path !== ':memory:';

  const shortened = isFile ? assertOpenableFile(options.path) : null;
  if (shortened) assertRecoverableFromWal(options.path, shortened);
  const existingVersion = isFile ? inspectExisting(options.path, target) : 0;

  if (isFile) fs.mkdirSync(path.dirname(options.path), { recursive: true });
  let db: Db;
  try {
    db = openSqlite(options.path);
  } catch (error) {
    throw refusalForCondition(error, options.path) ?? error;
  }
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
    throw refusalForCondition(error, options.path) ?? error;
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
  return new DatabaseRefusedError(
    file,
    'damaged',
    `"${file}" is damaged: it is cut short (${size} of ${expected} bytes). It was left untouched.`,
    detail,
  );
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

/** What a read-only look at an existing file found. */
interface Inspection {
  userVersion: number;
  applicationId: number;
  /** Tables, indexes, views and triggers in the file. */
  objects: number;
  /** Whether the tables every Aftershock schema has (clients, portfolios) are there. */
  hasOurTables: boolean;
}

/**
 * Decides whether an existing file is an Aftershock database this version may open, and returns its schema version
 * (0 for a new one). Only a file with nothing in it is new; ours carry the application id (or, before schema 12, a
 * schema version and our tables); anything else is another program's file and is refused, untouched. A file from a
 * newer Aftershock is refused too. Whatever the look itself created beside a refused file (-wal, -shm) is removed.
 */
function inspectExisting(file: string, target: number): number {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return 0;
  const companions = ['-wal', '-shm'].map((suffix) => file + suffix).filter((companion) => !fs.existsSync(companion));
  try {
    const found = inspect(file);
    const ours =
      found.applicationId === AFTERSHOCK_APPLICATION_ID || (found.applicationId === 0 && found.userVersion > 0 && found.hasOurTables);
    const empty = found.applicationId === 0 && found.userVersion === 0 && found.objects === 0;
    // With no migrations to apply (tests of the opening itself) there is no schema to recognise.
    if (target > 0 && !ours && !empty) {
      const whose =
        found.applicationId !== 0 ? ` (its application id is 0x${(found.applicationId >>> 0).toString(16).padStart(8, '0')})` : '';
      throw new DatabaseRefusedError(
        file,
        'foreign',
        `"${file}" is an SQLite database of another program${whose}, not an Aftershock database. It was left untouched; ` +
          'choose another file for Aftershock.',
      );
    }
    if (found.userVersion > target) {
      throw new DatabaseRefusedError(
        file,
        'newer',
        `The database "${file}" was written by a newer version of Aftershock (schema ${found.userVersion}; ` +
          `this version understands up to ${target}). Update Aftershock to open it; the file was left untouched.`,
      );
    }
    return found.userVersion;
  } catch (error) {
    removeCreatedCompanions(companions);
    throw error;
  }
}

function inspect(file: string): Inspection {
  let probe: Db | undefined;
  try {
    probe = openSqlite(file, { readonly: true, fileMustExist: true });
    const names = new Set(probe.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    return {
      userVersion: probe.pragma('user_version', { simple: true }) as number,
      applicationId: probe.pragma('application_id', { simple: true }) as number,
      objects: probe.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number,
      hasOurTables: names.has('clients') && names.has('portfolios'),
    };
  } catch (error) {
    // Only SQLite's own refusals mean a bad file; anything else (a missing driver) is not the file's fault.
    if (!(error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_'))) throw error;
    // A healthy file SQLite cannot read because it may not write beside it (a read-only folder) is not damaged.
    const condition = refusalForCondition(error, file);
    if (condition) throw condition;
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

/** Removes the -wal/-shm a read-only look created beside a refused file (an empty WAL only: one with frames is not ours to drop). */
function removeCreatedCompanions(created: readonly string[]): void {
  for (const companion of created) {
    if (companion.endsWith('-wal') && fileSize(companion) > 0) return;
  }
  for (const companion of created) fs.rmSync(companion, { force: true });
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
      const condition = refusalForCondition(error, file);
      if (condition) throw condition;
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
  removePartial(partial);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fs.renameSync(partial, target);
  } catch (error) {
    removePartial(partial);
    throw error;
  }
}

/** A partial copy and the journal SQLite writes beside it while copying. */
export function removePartial(partial: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
}

/**
 * Refuses a database SQLite finds damaged (PRAGMA quick_check), so the recovery path (restore, start fresh) is
 * offered; `cause` is the failure that prompted the check, if any.
 */
export function assertSound(db: Db, file: string, cause?: unknown): void {
  let verdict: string;
  try {
    verdict = String(db.pragma('quick_check', { simple: true }));
  } catch (error) {
    verdict = error instanceof Error ? error.message : String(error);
  }
  if (verdict === 'ok') return;
  const why = cause instanceof Error ? `${cause.message}; ` : '';
  throw new DatabaseRefusedError(
    file,
    'damaged',
    `"${file}" is damaged: SQLite's check of it failed. It was left untouched.`,
    `${why}quick_check: ${verdict}`,
  );
}
