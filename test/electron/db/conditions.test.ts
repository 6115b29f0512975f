import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { closeServices, createServices } from '../../../electron/services/services';
import { RESOURCES } from '../../helpers/services';

const ROOT = path.join(__dirname, '..', '..', '..');
const isRoot = process.getuid?.() === 0;
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-conditions-'));
  fs.chmodSync(dir, 0o755); // the child below may run as another user
});
afterEach(() => {
  for (const entry of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, entry), 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const open = (file: string) => createServices({ dbPath: file, shell: 'test', version: 't', resourcesDir: RESOURCES });

/** A sound database as the app leaves it: WAL mode, checkpointed, no -wal/-shm beside it. */
function soundDatabase(file: string): void {
  closeServices(open(file));
  const raw = new Database(file);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/** Opens the database in a child that cannot write where the permissions say so (as "nobody" when the tests run as root). */
function openAsUser(file: string): Record<string, any> {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs'), path.join(ROOT, 'test', 'helpers', 'open-as-user.ts'), file],
    {
      encoding: 'utf8',
      env: { ...process.env, JITI_FS_CACHE: 'false', HOME: os.tmpdir() },
      ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
      timeout: 120_000,
    },
  );
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

describe('a database Aftershock cannot write, on a full disk or locked', () => {
  it('calls a healthy database in a read-only folder read-only, offers only Quit, and leaves it untouched', () => {
    const folder = path.join(dir, 'shared');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'aftershock.sqlite');
    soundDatabase(file);
    const before = sha(file);
    fs.chmodSync(folder, 0o555);
    const seen = openAsUser(file);
    expect(seen.refused).toEqual({
      reason: 'read-only',
      message:
        `"${file}" is read-only: Aftershock needs to write beside it (folder "${folder}"), and that folder does not allow changes. ` +
        'The file was left untouched; allow changes to the folder, or move the database to one you can write to.',
      choices: ['quit'],
    });
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(folder)).toEqual(['aftershock.sqlite']);
  }, 150_000);

  it('opens a read-only file for reading and says so when a change cannot be saved', () => {
    const folder = path.join(dir, 'mine');
    fs.mkdirSync(folder);
    fs.chmodSync(folder, 0o777);
    const file = path.join(folder, 'aftershock.sqlite');
    soundDatabase(file);
    fs.chmodSync(file, 0o444);
    const seen = openAsUser(file);
    expect(seen).toEqual({
      opened: true,
      clients: 1,
      write: {
        ok: false,
        message: `"${file}" is read-only: the file does not allow changes, so nothing was saved. Allow changes to the file (or copy it somewhere you can write to) and try again.`,
      },
    });
  }, 150_000);

  it('says the disk is full when SQLite runs out of room', () => {
    const file = path.join(dir, 'aftershock.sqlite');
    const services = open(file);
    try {
      services.db.pragma(`max_page_count = ${services.db.pragma('page_count', { simple: true }) as number}`);
      let failure: { code: string; message: string } | undefined;
      for (let i = 0; i < 2000 && !failure; i++) {
        const result = dispatch(services, 'clients:create', { name: `Client ${i} ${'x'.repeat(150)}` });
        if (!result.ok) failure = result.error;
      }
      expect(failure).toEqual({
        code: 'database',
        message: `The disk holding "${path.resolve(file)}" is full, so nothing was saved. Free some space and try again.`,
        detail: 'database or disk is full',
      });
    } finally {
      closeServices(services);
    }
  });

  it('says another program held the lock for more than 5 seconds', () => {
    const file = path.join(dir, 'aftershock.sqlite');
    const services = open(file);
    const other = new Database(file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const started = Date.now();
      const result = dispatch(services, 'clients:create', { name: 'Waits' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'database',
          message: `"${path.resolve(file)}" was kept locked by another program for more than 5 seconds, so nothing was saved. Close other Aftershock windows or commands using it, then try again.`,
        },
      });
    } finally {
      other.exec('ROLLBACK');
      other.close();
      closeServices(services);
    }
  }, 20_000);
});
