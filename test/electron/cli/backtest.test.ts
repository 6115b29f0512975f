import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir('backtest-cli');
const db = path.join(dir, 'b.sqlite');

const run = (args: string[]) => runCli(args, db);

describe('aftershock backtest on the bundled history', () => {
  it('scores propagation on the stress days of a window against no move and a market beta', async () => {
    const text = await run(['backtest', '--from', '2025-01-01', '--to', '2025-04-30']);
    if (process.env.SHOW_CLI) console.log(text.out);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Propagation backtest: \d+ stress days .*, 2025-01-27 → 2025-04-04, \d+ \(ticker, day\) pairs/);
    expect(text.out).toMatch(/All stress days\s+\d+/);
    expect(text.out).toMatch(/2025-04-04\s+−5\.8%/);
    expect(text.out).toMatch(/below assuming no move/);
  });

  it('gives every (ticker, day) pair with --json and --csv, strictly out of sample', async () => {
    const json = JSON.parse((await run(['backtest', '--from', '2025-01-27', '--to', '2025-01-27', '--json'])).out);
    expect(json.days).toHaveLength(1);
    const day = json.days[0];
    expect(day.why).toEqual(expect.arrayContaining(['SMH −9.9%', 'DeepSeek Monday (close, 27 Jan 2025)']));
    const nvda = day.pairs.find((p: { symbol: string }) => p.symbol === 'NVDA');
    expect(nvda.actual).toBeCloseTo(-0.1689, 4);
    expect(nvda.predicted).toBeLessThan(-0.05);
    expect(day.pairs.some((p: { symbol: string }) => p.symbol === 'SPY' || p.symbol === 'SMH' || p.symbol === 'XLK')).toBe(false);
    const csv = (await run(['backtest', '--from', '2025-01-27', '--to', '2025-01-27', '--csv'])).out.split(/\r?\n/);
    expect(csv[0]).toBe('date,why,symbol,actual,predicted,low,high,one_factor_beta');
    expect(csv).toHaveLength(day.pairs.length + 1);
  });

  it('backtests rolling VaR with Kupiec verdicts per method and level, and for the sample books', async () => {
    const text = await run(['backtest', '--var', '--from', '2024-01-02']);
    if (process.env.SHOW_CLI) console.log(text.out);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^VaR backtest: rolling 1-day VaR .*2024-01-02 → 2025-04-04/);
    for (const method of ['historical', 'parametric'])
      for (const level of ['95%', '99%']) expect(text.out).toMatch(new RegExp(`${method}\\s+${level}\\s+\\d+ of \\d+`));
    expect(text.out).toContain('60/40 (SPY, TLT)');
    const json = JSON.parse((await run(['backtest', '--var', '--from', '2024-01-02', '--json'])).out);
    const spy = json.rows.find(
      (r: { series: string; method: string; level: number }) => r.series === 'SPY' && r.method === 'historical' && r.level === 0.95,
    );
    expect(spy.days).toBeGreaterThan(300);
    expect(spy.expected).toBeCloseTo(spy.days * 0.05, 9);
    expect(spy.pass).toBe(spy.lr < 3.841458820694124);
  });

  it('refuses a malformed date', async () => {
    const bad = await run(['backtest', '--from', '27/01/2025']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--from must be a date in YYYY-MM-DD form, not "27/01/2025"');
  });
});
