// scripts/dist.mjs with a stand-in for electron-builder that does what its npmRebuild does to better-sqlite3:
// replaces the Node binary with an Electron one in place. The Node build must be back afterwards.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
let scratch: string;
let binary: string;

const BUILDER = `const fs = require('node:fs');
fs.writeFileSync(process.env.BINARY, 'electron build');
fs.writeFileSync(process.env.RECORD, JSON.stringify(process.argv.slice(2)));
process.exit(Number(process.env.BUILDER_EXIT));`;

function dist(exitCode: number) {
  const record = path.join(scratch, 'record.json');
  const r = spawnSync(process.execPath, [path.join(scratch, 'scripts', 'dist.mjs'), '--linux', 'deb'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      AFTERSHOCK_DIST_BUILDER: path.join(scratch, 'builder.cjs'),
      BINARY: binary,
      RECORD: record,
      BUILDER_EXIT: String(exitCode),
    },
  });
  return { status: r.status, output: r.stdout + r.stderr, builderArgs: JSON.parse(fs.readFileSync(record, 'utf8')) as string[] };
}

beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-dist-'));
  fs.mkdirSync(path.join(scratch, 'scripts'));
  fs.copyFileSync(path.join(ROOT, 'scripts', 'dist.mjs'), path.join(scratch, 'scripts', 'dist.mjs'));
  fs.writeFileSync(path.join(scratch, 'builder.cjs'), BUILDER);
  binary = path.join(scratch, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  fs.writeFileSync(binary, 'node build');
});

afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('npm run dist (scripts/dist.mjs)', () => {
  it('runs electron-builder with our config, then puts the Node build of better-sqlite3 back', () => {
    const run = dist(0);
    expect(run.status).toBe(0);
    expect(run.builderArgs).toEqual(['--config', 'electron-builder.yml', '--linux', 'deb']);
    expect(fs.readFileSync(binary, 'utf8')).toBe('node build');
    expect(run.output).toContain('put the Node build of better-sqlite3 back');
  });

  it('puts it back when electron-builder fails too, and keeps its exit code', () => {
    const run = dist(3);
    expect(run.status).toBe(3);
    expect(fs.readFileSync(binary, 'utf8')).toBe('node build');
  });
});
