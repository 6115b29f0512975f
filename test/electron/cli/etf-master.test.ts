import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/aftershock';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-etf-master-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('"securities show" on funds of the ETF master', () => {
  const db = path.join(dir, 'etf.sqlite');

  it('names the issuer, the index followed, the region, the source page and its date; a bond fund its bundled duration', async () => {
    const smh = await run(['securities', 'show', 'SMH', '--db', db]);
    expect(smh.code).toBe(0);
    expect(smh.out).toContain(
      'ETF master: VanEck; follows the MVIS US Listed Semiconductor 25 index; region US. Source: https://www.vaneck.com/us/en/etf-mutual-fund-finder/ (as of 2026-12-05).',
    );
    expect(smh.out).toMatch(/themes\s+semiconductors\s+bundled/);
    const tlt = await run(['securities', 'show', 'TLT', '--db', db]);
    expect(tlt.out).toMatch(/duration\s+16\.5 years\s+bundled/);
    expect(tlt.out).toContain('follows the ICE US Treasury 20+ Year index');
    const arkk = await run(['securities', 'show', 'ARKK', '--db', db]);
    expect(arkk.out).toContain('ETF master: ARK; follows no index (actively managed); region US.');
    expect((await run(['securities', 'show', 'NVDA', '--db', db])).out).not.toContain('ETF master');
  });

  it('a rate shock moves a bond fund by its bundled duration, and says so', async () => {
    const csv = path.join(dir, 'bonds.csv');
    fs.writeFileSync(csv, 'Symbol,Quantity,Price\nAGG,100,98\nSGOV,1000,100.5\nNVDA,10,120\n');
    expect((await run(['import', csv, '--portfolio', 'Bonds', '--format', 'generic', '--db', db])).code).toBe(0);
    const result = JSON.parse((await run(['stress', '--portfolio', 'Bonds', '--scenario', 'rates-plus-100bp', '--json', '--db', db])).out);
    const p = Object.fromEntries((result.positions as { symbol: string; return: number; applied: string }[]).map((x) => [x.symbol, x]));
    expect(p.AGG.return).toBeCloseTo(-0.059, 12);
    expect(p.AGG.applied).toBe('rates +100bp × duration 5.9 years = −5.9%');
    // A T-bill ETF is a cash equivalent: a rate shock moves it by its small duration.
    expect(p.SGOV.return).toBeCloseTo(-0.001, 12);
    expect(p.NVDA.return).toBe(0);
  });
});
