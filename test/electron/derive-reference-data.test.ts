import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../helpers/services';

const ROOT = path.join(__dirname, '..', '..');
const DATA = path.join(ROOT, '..', 'shared', 'data');

describe.skipIf(!fs.existsSync(DATA))('derive-reference-data.mjs (skipped when ../shared/data is absent)', () => {
  it('re-derives exactly the committed bundled files from the source datasets', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-derive-'));
    try {
      const log = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'derive-reference-data.mjs'), '--out', out], {
        encoding: 'utf8',
      });
      expect(log).toMatch(/S&P 500 classified to sector and sub-industry: 503\/503/);
      for (const name of ['securities.json', 'funds.json', 'fx.json', 'prices.json']) {
        expect(fs.readFileSync(path.join(out, name), 'utf8'), name).toBe(fs.readFileSync(path.join(RESOURCES, 'reference', name), 'utf8'));
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
