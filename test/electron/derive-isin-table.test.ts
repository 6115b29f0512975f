import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../helpers/services';

const ROOT = path.join(__dirname, '..', '..');
const SOURCE = path.join(ROOT, '..', 'shared', 'data', 'isin');

describe.skipIf(!fs.existsSync(SOURCE))('derive-isin-table.mjs (skipped when ../shared/data/isin is absent)', () => {
  it('re-derives exactly the committed ISIN table from the staged Finance Database files and the curated lists', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-isins-'));
    try {
      const log = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'derive-isin-table.mjs'), '--out', out], { encoding: 'utf8' });
      expect(log).toMatch(/ISINs for 808\/1233 bundled securities/);
      expect(fs.readFileSync(path.join(out, 'isins.json'), 'utf8')).toBe(
        fs.readFileSync(path.join(RESOURCES, 'reference', 'isins.json'), 'utf8'),
      );
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
