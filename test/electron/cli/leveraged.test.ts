import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir('leveraged');

describe('aftershock stress on a book of SOXL, TQQQ and SQQQ beside their stand-ins', () => {
  const db = path.join(dir, 'lev.sqlite');
  const csv = path.join(dir, 'bull.csv');
  fs.writeFileSync(csv, 'Symbol,Quantity,Price\nSOXL,200,25\nTQQQ,100,50\nSQQQ,100,30\nSOXX,10,200\nQQQ,10,500\nSPAXX,20000,1\n');

  it('moves each leveraged fund by its multiple of its stand-in under "AI capex thesis collapses"', async () => {
    expect((await run(['import', csv, '--portfolio', 'AI bull', '--format', 'generic', '--db', db])).code).toBe(0);
    const result = JSON.parse(
      (await run(['stress', '--portfolio', 'AI bull', '--scenario', 'ai-capex-collapse', '--json', '--db', db])).out,
    );
    const p = Object.fromEntries((result.positions as { symbol: string; return: number; applied: string }[]).map((x) => [x.symbol, x]));
    expect(p.SOXX.return).toBeLessThan(-0.05);
    expect(p.SOXL.return).toBeCloseTo(3 * p.SOXX.return, 12);
    expect(p.TQQQ.return).toBeCloseTo(3 * p.QQQ.return, 12);
    expect(p.SQQQ.return).toBeCloseTo(-3 * p.QQQ.return, 12);
    expect(p.SOXL.applied).toMatch(
      /^3× daily: SOXX −[\d.]+% → SOXL −[\d.]+% \(SOXX: through \d+ listed holdings of SOXX .*\); held over several days the move can differ \(daily reset\)$/,
    );
    expect(p.SPAXX.return).toBe(0);
    const shares = Object.values(result.coverage as Record<string, { share?: number }>).reduce((s, b) => s + (b.share ?? 0), 0);
    expect(shares).toBeCloseTo(1, 9);
    expect(result.coverage.unclassified.symbols).not.toContain('SOXL');
  });

  it('explains the leverage in "securities show"', async () => {
    const show = await run(['securities', 'show', 'SQQQ', '--db', db]);
    expect(show.out).toMatch(/name\s+ProShares UltraPro Short QQQ\s+bundled/);
    expect(show.out).toContain('SQQQ is an inverse fund (ProShares): it targets −3× the daily move of Nasdaq-100 Index.');
    expect(show.out).toContain("Under a shock it moves −3× QQQ's shocked move (floored at −100%)");
  });
});
