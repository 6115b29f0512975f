import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupsDir, listBackups, restoreBackup, takeDailyBackup } from '../../../electron/db/backups';
import { SCHEMA_VERSION } from '../../../electron/db/migrations';
import { DatabaseRefusedError, openDatabase } from '../../../electron/db/open-database';
import { applyRecovery, planRecovery, recoveryFor } from '../../../electron/db/recovery';
import { closeServices } from '../../../electron/services/services';
import { runCli as run } from '../../helpers/cli';
import { call, testServices } from '../../helpers/services';
import { tempDirPerTest } from '../../helpers/temp';

const dir = tempDirPerTest('recovery');

const fileSizeOr0 = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const day = (d: string) => () => new Date(`${d}T09:30:00.000Z`);

function open(file: string, now = day('2026-11-01'), keep = 3) {
  return testServices(file, { backups: { keep, now } });
}

function refusal(file: string): DatabaseRefusedError {
  try {
    openDatabase({ path: file }).db.close();
  } catch (error) {
    if (error instanceof DatabaseRefusedError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('automatic rolling backups', () => {
  it('takes one backup per day on opening an existing file and keeps only the newest N', () => {
    const file = path.join(dir(), 'aftershock.sqlite');
    const first = open(file);
    call(first, 'portfolios:create', { name: 'Kept' });
    closeServices(first);
    expect(listBackups(file)).toEqual([]); // a brand-new file has nothing to keep yet

    for (const d of ['2026-11-02', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']) closeServices(open(file, day(d)));
    const backups = listBackups(file);
    expect(backups.map((b) => [b.kind, b.takenAt])).toEqual([
      ['daily', '2026-11-05T09:30:00.000Z'],
      ['daily', '2026-11-04T09:30:00.000Z'],
      ['daily', '2026-11-03T09:30:00.000Z'],
    ]);
    expect(fs.readdirSync(backupsDir(file)).sort()).toEqual([
      'aftershock-2026-11-03T09-30-00-000Z.sqlite',
      'aftershock-2026-11-04T09-30-00-000Z.sqlite',
      'aftershock-2026-11-05T09-30-00-000Z.sqlite',
    ]);
    const copy = new Database(backups[0].path, { readonly: true });
    expect(copy.prepare('SELECT name FROM portfolios').all()).toEqual([{ name: 'Kept' }]);
    copy.close();
  });

  it('restores a backup, keeping the replaced file renamed beside it, byte for byte', () => {
    const file = path.join(dir(), 'aftershock.sqlite');
    const s = open(file);
    call(s, 'portfolios:create', { name: 'Before' });
    closeServices(s);
    const s2 = open(file, day('2026-11-02'));
    call(s2, 'portfolios:create', { name: 'After' });
    closeServices(s2);
    const before = sha(file);
    const { replacedKeptAt } = restoreBackup(file, listBackups(file)[0].path, new Date('2026-11-03T00:00:00Z'));
    expect(replacedKeptAt).toBe(`${file}.replaced-2026-11-03T00-00-00-000Z`);
    expect(sha(replacedKeptAt!)).toBe(before);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT name FROM portfolios ORDER BY name').all()).toEqual([{ name: 'Before' }]);
    db.close();
  });

  it('refuses to restore a damaged backup and leaves the database as it was', () => {
    const file = path.join(dir(), 'aftershock.sqlite');
    closeServices(open(file));
    const before = sha(file);
    const bad = path.join(dir(), 'bad.sqlite');
    fs.writeFileSync(bad, Buffer.alloc(4096));
    expect(() => restoreBackup(file, bad)).toThrow(`The backup "${bad}" is not a whole Aftershock database, so it was not restored.`);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir()).sort()).toEqual(
      ['aftershock.sqlite', 'aftershock.sqlite-shm', 'aftershock.sqlite-wal', 'bad.sqlite'].filter((f) =>
        fs.existsSync(path.join(dir(), f)),
      ),
    );
  });

  it('does not take a backup that a day already has, and a takeDailyBackup on the same day returns null', () => {
    const file = path.join(dir(), 'a.sqlite');
    const { db } = openDatabase({ path: file });
    expect(takeDailyBackup(db, file, { now: new Date('2026-01-01T01:00:00Z') })).toBe(
      path.join(dir(), 'backups', 'a-2026-01-01T01-00-00-000Z.sqlite'),
    );
    expect(takeDailyBackup(db, file, { now: new Date('2026-01-01T23:00:00Z') })).toBeNull();
    db.close();
  });
});

describe('a daily backup that fails', () => {
  function withRows(file: string) {
    const s = open(file);
    const insert = s.db.prepare('INSERT INTO clients (name) VALUES (?)');
    s.db.transaction(() => {
      for (let i = 0; i < 400; i++) insert.run(`Client ${i} ${'x'.repeat(200)}`);
    })();
    closeServices(s);
  }

  /** Overwrites the root page of the clients table with garbage (the file's other pages stay sound). */
  function corruptClients(file: string) {
    const raw = new Database(file);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    const root = raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'clients'").pluck().get() as number;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    expect(fileSizeOr0(`${file}-wal`)).toBe(0);
    for (const f of ['-wal', '-shm']) fs.rmSync(file + f, { force: true });
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);
  }

  it('does not stop the database from opening: it warns, logs, leaves no partial copy and tries again next time', () => {
    const file = path.join(dir(), 'aftershock.sqlite');
    withRows(file);
    // Today's backup cannot be written: a file stands where the backups folder goes.
    fs.writeFileSync(backupsDir(file), 'not a folder');
    const warnings: string[] = [];
    const logged: string[] = [];
    const s = testServices(file, {
      backups: { keep: 3, now: day('2026-11-02') },
      warn: (w) => warnings.push(w),
      log: { file: 'x', error: (e) => logged.push(e.message) },
    });
    expect(call(s, 'clients:list', {})).toHaveLength(400);
    closeServices(s);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^Today's backup of ".*aftershock\.sqlite" could not be taken \(.+\); the database opened anyway and the backup is tried again next time\.$/,
    );
    expect(logged).toEqual(warnings);
    expect(fs.readFileSync(backupsDir(file), 'utf8')).toBe('not a folder');
    fs.rmSync(backupsDir(file));
    closeServices(open(file, day('2026-11-02')));
    expect(listBackups(file).map((b) => b.takenAt)).toEqual(['2026-11-02T09:30:00.000Z']);
  });

  it("refuses a damaged database for recovery whether or not today's backup was already taken", () => {
    const file = path.join(dir(), 'aftershock.sqlite');
    withRows(file);
    closeServices(open(file, day('2026-11-02'))); // today's backup, taken while the file was sound
    corruptClients(file);
    const before = sha(file);
    for (const today of ['2026-11-02', '2026-11-03']) {
      let error: unknown;
      try {
        closeServices(open(file, day(today)));
      } catch (caught) {
        error = caught;
      }
      expect(error, today).toBeInstanceOf(DatabaseRefusedError);
      expect((error as DatabaseRefusedError).reason).toBe('damaged');
      expect((error as Error).message).toBe(`"${file}" is damaged: SQLite's check of it failed. It was left untouched.`);
      expect(recoveryFor(error as DatabaseRefusedError).choices.map((c) => c.id)).toEqual(['restore', 'fresh', 'quit']);
    }
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(backupsDir(file))).toEqual(['aftershock-2026-11-02T09-30-00-000Z.sqlite']);
  });

  it('cleans up partial copies and their journals that a killed backup left behind, but not one being written now', () => {
    const file = path.join(dir(), 'aftershock.sqlite');
    closeServices(open(file));
    const folder = backupsDir(file);
    fs.mkdirSync(folder, { recursive: true });
    const stale = ['aftershock-2026-10-30T09-30-00-000Z.sqlite.partial', 'aftershock-2026-10-30T09-30-00-000Z.sqlite.partial-journal'];
    const young = 'aftershock-2026-11-02T09-29-00-000Z.sqlite.partial';
    const other = 'notes-2026-10-30T09-30-00-000Z.sqlite.partial';
    for (const name of [...stale, young, other]) fs.writeFileSync(path.join(folder, name), 'half');
    for (const name of [...stale, other])
      fs.utimesSync(path.join(folder, name), new Date('2026-10-30T09:30:00Z'), new Date('2026-10-30T09:30:00Z'));
    fs.utimesSync(path.join(folder, young), new Date('2026-11-02T09:29:00Z'), new Date('2026-11-02T09:29:00Z'));
    closeServices(open(file, day('2026-11-02')));
    expect(fs.readdirSync(folder).sort()).toEqual(
      ['aftershock-2026-11-02T09-29-00-000Z.sqlite.partial', 'aftershock-2026-11-02T09-30-00-000Z.sqlite', other].sort(),
    );
  });
});

describe('a database refused at start', () => {
  function realDb(file: string) {
    const s = open(file);
    call(s, 'portfolios:create', { name: 'Precious' });
    closeServices(s);
  }

  it('detects a truncated file (cut to half) as damaged and leaves it untouched', () => {
    const file = path.join(dir(), 'cut.sqlite');
    realDb(file);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const half = sha(file);
    const error = refusal(file);
    expect(error.reason).toBe('damaged');
    expect(error.message).toMatch(/^".*cut\.sqlite" is damaged: it is cut short \(\d+ of \d+ bytes\)\. It was left untouched\.$/);
    expect(sha(file)).toBe(half);
  });

  /**
   * The state a crash in the middle of a checkpoint leaves: the WAL holds every committed page, and the file already
   * has the new page 1 (whose header counts the grown file) but not yet the pages past its old end.
   */
  function interruptedCheckpoint(file: string, copy: string): void {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t (v) VALUES ('before');");
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.prepare("INSERT INTO t (v) SELECT 'row ' || value FROM json_each(?)").run(JSON.stringify(Array.from({ length: 3000 }, (_, i) => i)));
    // Copied while the connection is open: the file without those rows, and the WAL with them.
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    db.close();
    const wal = fs.readFileSync(`${copy}-wal`);
    const pageSize = wal.readUInt32BE(8);
    let page1: Buffer | null = null;
    for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize)
      if (wal.readUInt32BE(at) === 1) page1 = wal.subarray(at + 24, at + 24 + pageSize);
    const fd = fs.openSync(copy, 'r+');
    fs.writeSync(fd, page1!, 0, pageSize, 0);
    fs.closeSync(fd);
  }

  it('opens a file cut short by a checkpoint a crash interrupted, from its WAL, with every row', () => {
    const copy = path.join(dir(), 'crashed.sqlite');
    interruptedCheckpoint(path.join(dir(), 'live.sqlite'), copy);
    const header = fs.readFileSync(copy).subarray(0, 100);
    expect(fs.statSync(copy).size).toBeLessThan(header.readUInt32BE(28) * header.readUInt16BE(16));
    const { db } = openDatabase({ path: copy, migrations: [] });
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3001 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('still refuses a file cut short when the WAL beside it cannot make it whole, and leaves both untouched', () => {
    const copy = path.join(dir(), 'crashed.sqlite');
    interruptedCheckpoint(path.join(dir(), 'live.sqlite'), copy);
    // A WAL of another database: SQLite ignores frames whose salts do not match.
    fs.writeFileSync(`${copy}-wal`, Buffer.concat([Buffer.from([0x37, 0x7f, 0x06, 0x82]), Buffer.alloc(4096, 7)]));
    const [file, wal] = [sha(copy), sha(`${copy}-wal`)];
    const error = refusal(copy);
    expect(error.reason).toBe('damaged');
    expect(error.message).toMatch(/^".*crashed\.sqlite" is damaged: it is cut short \(\d+ of \d+ bytes\)\. It was left untouched\.$/);
    expect(error.detail).toMatch(/^SQLite's check with the write-ahead log: /);
    expect([sha(copy), sha(`${copy}-wal`)]).toEqual([file, wal]);
  });

  it('offers restore first, then start fresh, then quit; a newer file defaults to quitting to update', () => {
    const backup = {
      path: '/d/backups/a-2026-11-05T09-30-00-000Z.sqlite',
      name: 'a-2026-11-05T09-30-00-000Z.sqlite',
      kind: 'daily' as const,
      takenAt: '2026-11-05T09:30:00.000Z',
      bytes: 1,
    };
    const damaged = planRecovery({ reason: 'damaged', file: '/d/a.sqlite', message: 'm' }, [backup]);
    expect(damaged.title).toBe('The database file is damaged');
    expect(damaged.choices.map((c) => [c.id, c.label])).toEqual([
      ['restore', 'Restore the backup of 2026-11-05 09:30 UTC'],
      ['fresh', 'Start fresh (keep the bad file aside)'],
      ['quit', 'Quit'],
    ]);
    expect(planRecovery({ reason: 'not-sqlite', file: '/d/a.sqlite', message: 'm' }, []).choices.map((c) => c.id)).toEqual([
      'fresh',
      'quit',
    ]);
    expect(planRecovery({ reason: 'newer', file: '/d/a.sqlite', message: 'm' }, [backup]).choices.map((c) => c.label)).toEqual([
      'Quit and update Aftershock',
      'Restore the backup of 2026-11-05 09:30 UTC',
      'Start fresh (keep the bad file aside)',
    ]);
    // A folder is never moved.
    expect(planRecovery({ reason: 'not-a-file', file: '/d', message: 'm' }, []).choices.map((c) => c.id)).toEqual(['quit']);
    // Nor another program's database: renaming it would break that program.
    const foreign = planRecovery({ reason: 'foreign', file: '/d/a.sqlite', message: 'm' }, []);
    expect(foreign.title).toBe('The database file belongs to another program');
    expect(foreign.choices.map((c) => c.id)).toEqual(['quit']);
  });

  it('"start fresh" renames the bad file (never deletes it) and the app then opens an empty database', () => {
    const file = path.join(dir(), 'aftershock.sqlite');
    fs.writeFileSync(file, 'symbol,quantity\nNVDA,10\n');
    const plan = recoveryFor(refusal(file));
    expect(plan.choices.map((c) => c.id)).toEqual(['fresh', 'quit']);
    const said = applyRecovery(file, plan.choices[0], new Date('2026-11-29T08:00:00Z'));
    expect(said).toBe(`Started a fresh database; the refused file is kept at "${file}.refused-2026-11-29T08-00-00-000Z".`);
    expect(fs.readFileSync(`${file}.refused-2026-11-29T08-00-00-000Z`, 'utf8')).toBe('symbol,quantity\nNVDA,10\n');
    const s = open(file);
    expect(call(s, 'portfolios:list', {})).toEqual([]);
    closeServices(s);
  });

  it('"restore" puts the newest backup back after a file was zero-filled, keeping the zeroed file', () => {
    const file = path.join(dir(), 'aftershock.sqlite');
    realDb(file);
    closeServices(open(file, day('2026-11-02')));
    for (const f of ['-wal', '-shm']) fs.rmSync(file + f, { force: true });
    fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size));
    const plan = recoveryFor(refusal(file));
    expect(plan.choices[0].id).toBe('restore');
    applyRecovery(file, plan.choices[0], new Date('2026-11-29T08:00:00Z'));
    expect(fs.readFileSync(`${file}.replaced-2026-11-29T08-00-00-000Z`).every((b) => b === 0)).toBe(true);
    const s = open(file, day('2026-11-29'));
    expect(call(s, 'portfolios:list', {}).map((p: { name: string }) => p.name)).toEqual(['Precious']);
    closeServices(s);
  });
});

describe('aftershock backups list|restore', () => {
  it('lists backups and restores one even when the database is refused; the CLI error points to it', async () => {
    const file = path.join(dir(), 'aftershock.sqlite');
    const s = open(file);
    call(s, 'portfolios:create', { name: 'Precious' });
    closeServices(s);
    closeServices(open(file, day('2026-11-02')));
    fs.writeFileSync(file, 'not a database');

    const refused = await run(['portfolios', 'list', '--db', file]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('See "aftershock backups list" and "aftershock backups restore" to go back to an automatic backup.');

    const listed = await run(['backups', 'list', '--db', file]);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('2026-11-02 09:30:00  daily');
    expect(JSON.parse((await run(['backups', 'list', '--db', file, '--json'])).out)).toHaveLength(1);
    expect((await run(['backups', 'restore', '7', '--db', file])).err).toBe(
      'aftershock: There is no backup "7"; give a number from 1 to 1 (see "aftershock backups list") or a backup file.',
    );

    const restored = await run(['backups', 'restore', '--db', file]);
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(
      /^Restored "aftershock-2026-11-02T09-30-00-000Z\.sqlite" as the database\. The file it replaced is kept at ".*aftershock\.sqlite\.replaced-.*"\.$/,
    );
    const after = await run(['portfolios', 'list', '--db', file, '--json']);
    expect(JSON.parse(after.out).map((p: { name: string }) => p.name)).toEqual(['Precious']);
    expect(SCHEMA_VERSION).toBeGreaterThan(0);
  });
});
