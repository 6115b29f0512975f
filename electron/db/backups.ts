import fs from 'node:fs';
import path from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../shared/ipc/result';
import { SCHEMA_VERSION } from './migrations';
import { removePartial, vacuumInto } from './open-database';
import { openSqlite } from './sqlite';

/** How many daily backups are kept by default. */
export const KEEP_BACKUPS = 7;

export interface BackupFile {
  /** Absolute path of the backup. */
  path: string;
  name: string;
  /** 'daily' (rolling, in the backups folder) or 'before-upgrade' (taken before a migration, beside the database). */
  kind: 'daily' | 'before-upgrade';
  /** When it was taken (ISO), from its name. */
  takenAt: string;
  bytes: number;
}

/** The folder holding the rolling backups of a database: "backups" beside it. */
export function backupsDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

const stem = (dbPath: string) => path.basename(dbPath).replace(/\.[^.]*$/, '');
const stampOf = (now: Date) => now.toISOString().replace(/[:.]/g, '-');
/** 2026-11-29T07-24-19-123Z → 2026-11-29T07:24:19.123Z */
const isoOf = (stamp: string) => stamp.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z');

/** Every backup of this database, newest first. */
export function listBackups(dbPath: string): BackupFile[] {
  const file = path.resolve(dbPath);
  const found: BackupFile[] = [];
  const daily = new RegExp(`^${escape(stem(file))}-(\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z)\\.sqlite$`);
  const dir = backupsDir(file);
  for (const name of safeReaddir(dir)) {
    const m = daily.exec(name);
    if (m) found.push(entry(path.join(dir, name), 'daily', isoOf(m[1])));
  }
  const upgrade = new RegExp(`^${escape(path.basename(file))}\\.v\\d+-(\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z)\\.backup$`);
  for (const name of safeReaddir(path.dirname(file))) {
    const m = upgrade.exec(name);
    if (m) found.push(entry(path.join(path.dirname(file), name), 'before-upgrade', isoOf(m[1])));
  }
  return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || a.name.localeCompare(b.name));
}

/**
 * Takes today's rolling backup of an open database unless one was already taken today (by the UTC date of
 * `now`), then keeps only the newest `keep` daily backups. Returns the new backup's path, or null.
 */
export function takeDailyBackup(db: Db, dbPath: string, options: { now?: Date; keep?: number } = {}): string | null {
  const now = options.now ?? new Date();
  const keep = options.keep ?? KEEP_BACKUPS;
  const daily = listBackups(dbPath).filter((b) => b.kind === 'daily');
  removeLeftoverPartials(dbPath, now);
  if (daily.some((b) => b.takenAt.slice(0, 10) === now.toISOString().slice(0, 10))) return null;
  fs.mkdirSync(backupsDir(dbPath), { recursive: true });
  const target = path.join(backupsDir(dbPath), `${stem(dbPath)}-${stampOf(now)}.sqlite`);
  vacuumInto(db, target);
  for (const old of [{ path: target }, ...daily].slice(keep)) fs.rmSync(old.path, { force: true });
  return target;
}

/** A partial copy untouched this long is left over (another process may be writing a younger one right now). */
const STALE_PARTIAL_MS = 10 * 60 * 1000;

/** Removes the partial copies (and their journals) that a backup which failed or was killed left in the backups folder. */
export function removeLeftoverPartials(dbPath: string, now: Date = new Date()): void {
  const dir = backupsDir(dbPath);
  const partial = new RegExp(`^${escape(stem(path.resolve(dbPath)))}-[\\dT-]+Z\\.sqlite\\.partial$`);
  for (const name of safeReaddir(dir)) {
    const base = name.replace(/-(journal|wal|shm)$/, '');
    if (!partial.test(base)) continue;
    let modified: number;
    try {
      modified = fs.statSync(path.join(dir, name)).mtimeMs;
    } catch {
      continue;
    }
    if (now.getTime() - modified > STALE_PARTIAL_MS) removePartial(path.join(dir, base));
  }
}

/** Checks that a backup is a whole Aftershock database this version can open; throws a sentence otherwise. */
export function checkBackup(backupPath: string): { schemaVersion: number } {
  let db: Db | undefined;
  try {
    db = openSqlite(backupPath, { readonly: true, fileMustExist: true });
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(String(result));
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > SCHEMA_VERSION) {
      throw new AppError(
        'validation',
        `The backup "${backupPath}" is from a newer version of Aftershock (schema ${schemaVersion}), so it cannot be restored here.`,
      );
    }
    return { schemaVersion };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'validation',
      `The backup "${backupPath}" is not a whole Aftershock database, so it was not restored.`,
      String(error),
    );
  } finally {
    db?.close();
  }
}

/**
 * Moves a database file (and its -wal/-shm companions) aside as "<file>.<label>-<time>", never deleting it.
 * Returns the new path of the main file, or null when there was no file.
 */
export function setAside(dbPath: string, label: string, now: Date = new Date()): string | null {
  const file = path.resolve(dbPath);
  if (!fs.existsSync(file)) return null;
  const aside = `${file}.${label}-${stampOf(now)}`;
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  fs.renameSync(file, aside);
  return aside;
}

/**
 * Replaces the (closed) database with a copy of a backup after checking the backup; the file it replaces is
 * kept beside it, renamed. Returns where the replaced file went.
 */
export function restoreBackup(dbPath: string, backupPath: string, now: Date = new Date()): { replacedKeptAt: string | null } {
  checkBackup(backupPath);
  const file = path.resolve(dbPath);
  const incoming = `${file}.restoring`;
  fs.copyFileSync(backupPath, incoming);
  const replacedKeptAt = setAside(file, 'replaced', now);
  fs.renameSync(incoming, file);
  return { replacedKeptAt };
}

function entry(file: string, kind: BackupFile['kind'], takenAt: string): BackupFile {
  return { path: file, name: path.basename(file), kind, takenAt, bytes: fs.statSync(file).size };
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
