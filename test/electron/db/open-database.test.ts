import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, SCHEMA_VERSION } from '../../../electron/db/migrations';
import type { Migration } from '../../../electron/db/migrations/types';
import { AFTERSHOCK_APPLICATION_ID } from '../../../electron/db/migrations/012-application-id';
import { DatabaseRefusedError, openDatabase } from '../../../electron/db/open-database';
import { tempDirPerTest } from '../../helpers/temp';

const dir = tempDirPerTest('db');

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('opening the database', () => {
  it('creates a new file at the current schema with WAL and foreign keys on', () => {
    const file = path.join(dir(), 'nested', 'a.sqlite');
    const { db, previousVersion, schemaVersion, backupPath } = openDatabase({ path: file });
    expect(previousVersion).toBe(0);
    expect(schemaVersion).toBe(SCHEMA_VERSION);
    expect(backupPath).toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const strict = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE '%STRICT'").all();
    expect(strict).toEqual([]);
    db.close();
  });

  it('reopens an up-to-date file without migrating or backing up', () => {
    const file = path.join(dir(), 'a.sqlite');
    openDatabase({ path: file }).db.close();
    const again = openDatabase({ path: file });
    expect(again.previousVersion).toBe(SCHEMA_VERSION);
    expect(again.backupPath).toBeNull();
    again.db.close();
    expect(fs.readdirSync(dir()).filter((f) => f.endsWith('.backup'))).toEqual([]);
  });

  it('refuses a database written by a newer version and leaves the file byte-for-byte untouched, with no -wal/-shm beside it', () => {
    const file = path.join(dir(), 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL'); // as Aftershock writes them: a read-only look creates -wal and -shm
    raw.exec('CREATE TABLE future (x TEXT)');
    raw.pragma(`application_id = ${AFTERSHOCK_APPLICATION_ID}`);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    const before = sha(file);
    const listing = fs.readdirSync(dir());
    expect(listing).toEqual(['newer.sqlite']);
    expect(() => openDatabase({ path: file })).toThrow(/newer version of Aftershock \(schema \d+; this version understands up to \d+\)/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir())).toEqual(listing);
  });

  it.each([
    [
      'its own tables and user_version 0',
      (db: Database.Database) =>
        db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me')"),
    ],
    ['only a view', (db: Database.Database) => db.exec('CREATE VIEW v AS SELECT 1 AS one')],
    ['a schema version but not our tables', (db: Database.Database) => db.exec('CREATE TABLE notes (x TEXT); PRAGMA user_version = 3')],
    ['another application id', (db: Database.Database) => db.exec('PRAGMA application_id = 1234; PRAGMA user_version = 0')],
  ])("refuses another program's SQLite file with %s, byte-for-byte untouched and with no -wal/-shm left", (_label, make) => {
    const file = path.join(dir(), 'other.sqlite');
    for (const mode of ['DELETE', 'WAL']) {
      fs.rmSync(file, { force: true });
      const raw = new Database(file);
      raw.pragma(`journal_mode = ${mode}`);
      make(raw);
      raw.close();
      const before = sha(file);
      let error: unknown;
      try {
        openDatabase({ path: file }).db.close();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DatabaseRefusedError);
      expect((error as DatabaseRefusedError).reason).toBe('foreign');
      expect((error as Error).message).toMatch(
        /^".*other\.sqlite" is an SQLite database of another program.*, not an Aftershock database\. It was left untouched; choose another file for Aftershock\.$/,
      );
      expect(sha(file)).toBe(before);
      expect(fs.readdirSync(dir())).toEqual(['other.sqlite']);
    }
  });

  it("takes an SQLite file with nothing in it as a new database and marks it as Aftershock's", () => {
    const file = path.join(dir(), 'empty.sqlite');
    const raw = new Database(file);
    raw.pragma('page_size = 8192');
    raw.exec('VACUUM');
    raw.close();
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    const { db, previousVersion } = openDatabase({ path: file });
    expect(previousVersion).toBe(0);
    expect(db.pragma('application_id', { simple: true })).toBe(AFTERSHOCK_APPLICATION_ID);
    db.close();
    expect(fs.readFileSync(file).subarray(68, 72).toString('latin1')).toBe('AFTS'); // the header `file` reads
  });

  it('recognises and upgrades an Aftershock database from before the application id, keeping its rows', () => {
    const file = path.join(dir(), 'v11.sqlite');
    const old = openDatabase({ path: file, migrations: migrations.slice(0, 11) }).db;
    old.exec("INSERT INTO clients (id, name) VALUES (7, 'Lee household')");
    expect(old.pragma('application_id', { simple: true })).toBe(0);
    old.close();
    const { db, previousVersion } = openDatabase({ path: file });
    expect(previousVersion).toBe(11);
    expect(db.pragma('application_id', { simple: true })).toBe(AFTERSHOCK_APPLICATION_ID);
    expect(db.prepare('SELECT name FROM clients WHERE id = 7').pluck().get()).toBe('Lee household');
    db.close();
    openDatabase({ path: file }).db.close(); // and opens again as ours
  });

  it.each([
    ['a text file', Buffer.from('symbol,quantity\nNVDA,10\n')],
    ['zero-filled bytes', Buffer.alloc(8192)],
    ['a truncated SQLite header', Buffer.from('SQLite form')],
  ])('refuses %s and leaves it untouched', (_label, bytes) => {
    const file = path.join(dir(), 'bad.sqlite');
    fs.writeFileSync(file, bytes);
    expect(() => openDatabase({ path: file })).toThrow(/not an Aftershock database|could not be read/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('migrations', () => {
  const addNotes: Migration = {
    version: SCHEMA_VERSION + 1,
    name: 'test: position notes',
    up: (db) => db.exec("ALTER TABLE positions ADD COLUMN note TEXT NOT NULL DEFAULT ''"),
  };
  const broken: Migration = {
    version: SCHEMA_VERSION + 1,
    name: 'test: broken',
    up: (db) => {
      db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
      db.exec('INSERT INTO no_such_table VALUES (1)');
    },
  };

  function buildCurrentWithRows(file: string) {
    const { db } = openDatabase({ path: file });
    db.exec(`
      INSERT INTO clients (id, name) VALUES (1, 'Lee household');
      INSERT INTO portfolios (id, client_id, name) VALUES (1, 1, 'Retirement');
      INSERT INTO accounts (id, portfolio_id, name) VALUES (1, 1, 'IRA');
      INSERT INTO positions (account_id, symbol, quantity, price, currency) VALUES (1, 'NVDA', 10, 138.79, 'USD'), (1, 'SPY', 2.5, 607.74, 'USD');
    `);
    const rows = db.prepare('SELECT id, account_id, symbol, quantity, price, currency FROM positions ORDER BY id').all();
    db.close();
    return rows;
  }

  it('migrates N−1 → N keeping every row, after taking a backup', () => {
    const file = path.join(dir(), 'a.sqlite');
    const rows = buildCurrentWithRows(file);
    const now = new Date('2026-01-02T03:04:05.000Z');
    const { db, previousVersion, backupPath } = openDatabase({ path: file, migrations: [...migrations, addNotes], now: () => now });
    expect(previousVersion).toBe(SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(db.prepare('SELECT id, account_id, symbol, quantity, price, currency FROM positions ORDER BY id').all()).toEqual(rows);
    expect(db.prepare('SELECT DISTINCT note FROM positions').pluck().all()).toEqual(['']);
    db.close();
    expect(backupPath).toBe(`${file}.v${SCHEMA_VERSION}-2026-01-02T03-04-05-000Z.backup`);
    const backup = new Database(backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(backup.prepare('SELECT COUNT(*) FROM positions').pluck().get()).toBe(2);
    backup.close();
  });

  it('rolls a failed migration back and leaves the backup', () => {
    const file = path.join(dir(), 'a.sqlite');
    const rows = buildCurrentWithRows(file);
    expect(() => openDatabase({ path: file, migrations: [...migrations, broken] })).toThrow(
      new RegExp(
        `schema ${SCHEMA_VERSION + 1} \\(test: broken\\) failed, so it was left at schema ${SCHEMA_VERSION}\\. A copy taken before the upgrade is at`,
      ),
    );
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT id, account_id, symbol, quantity, price, currency FROM positions ORDER BY id').all()).toEqual(rows);
    db.close();
    expect(fs.readdirSync(dir()).filter((f) => f.endsWith('.backup'))).toHaveLength(1);
  });

  it('cascades deletes from clients down to positions', () => {
    const file = path.join(dir(), 'a.sqlite');
    buildCurrentWithRows(file);
    const { db } = openDatabase({ path: file });
    db.prepare('DELETE FROM clients WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) FROM positions').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM accounts').pluck().get()).toBe(0);
    db.close();
  });
});
