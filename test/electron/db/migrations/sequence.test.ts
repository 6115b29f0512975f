import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations, SCHEMA_VERSION } from '../../../../electron/db/migrations';

const DIR = path.join(__dirname, '..', '..', '..', '..', 'electron', 'db', 'migrations');

describe('migrations', () => {
  it('run 1..N in order, without a gap or a repeat, and the schema version is the last', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(migrations.length);
  });

  it('each numbered file is in the list under its own number (none written and forgotten)', () => {
    const numbered = fs
      .readdirSync(DIR)
      .map((f) => /^(\d{3})-.+\.ts$/.exec(f))
      .filter((m) => m !== null)
      .map((m) => Number(m[1]));
    expect(numbered.sort((a, b) => a - b)).toEqual(migrations.map((m) => m.version));
  });
});
