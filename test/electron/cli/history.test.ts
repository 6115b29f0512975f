import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COVERAGE_PARTS } from '../../../shared/engine';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir('history-cli');
const db = path.join(dir, 'h.sqlite');

const run = (args: string[]) => runCli(args, db);

/** "AI capex thesis collapses" on the sample, propagated with betas estimated up to 24 Jan 2025. */
const PROPAGATED_AI_CAPEX = [
  'stress',
  '--portfolio',
  'Growth & AI',
  '--scenario',
  'ai-capex-collapse',
  '--propagate',
  '--as-of',
  '2025-01-24',
];

describe('history commands on the sample portfolio and the bundled prices', () => {
  it('replays 24 → 27 Jan 2025 with own returns, proxies, the worst day and the limiting holding', async () => {
    const text = await run(['replay', '--portfolio', 'Growth & AI', '--from', '2025-01-24', '--to', '2025-01-27']);
    if (process.env.SHOW_CLI) console.log(text.out);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Replayed 2025-01-24 → 2025-01-27');
    expect(text.out).toMatch(/worst day 2025-01-27 −\d/);
    expect(text.out).toMatch(/NVDA .* Own total return 2025-01-24 → 2025-01-27: −16\.89%/);
    expect(text.out).toMatch(/LDO\.MI .* Proxy: no price history of its own, moved as XLI \(its sector's fund\) −1\.31%/);
    expect(text.out).toContain('GEV has the shortest history (from 2024-04-02)');
    const json = JSON.parse(
      (await run(['replay', '--portfolio', 'Growth & AI', '--from', '2025-01-24', '--to', '2025-01-27', '--json'])).out,
    );
    const nvda = json.positions.find((p: { symbol: string }) => p.symbol === 'NVDA');
    expect(nvda.return).toBeCloseTo(-0.1689, 4);
    expect(json.history).toMatchObject({ mode: 'replay', from: '2025-01-24', to: '2025-01-27' });
    expect(COVERAGE_PARTS.reduce((sum, part) => sum + json.coverage[part].share, 0)).toBeCloseTo(1, 9);
  });

  it('runs the built-in replay variant of DeepSeek Monday as a replay of its window', async () => {
    const viaScenario = JSON.parse(
      (await run(['stress', '--portfolio', 'Growth & AI', '--scenario', 'replay-deepseek-monday-2025', '--json'])).out,
    );
    const viaDates = JSON.parse(
      (await run(['replay', '--portfolio', 'Growth & AI', '--from', '2025-01-24', '--to', '2025-01-27', '--json'])).out,
    );
    expect(viaScenario.scenarioName).toBe('DeepSeek Monday, replayed (27 Jan 2025)');
    expect(viaScenario.pnl).toBeCloseTo(viaDates.pnl, 6);
    expect(viaScenario.history.mode).toBe('replay');
    const list = (await run(['scenarios', 'list'])).out;
    for (const id of [
      'replay-deepseek-monday-2025',
      'replay-calendar-2022',
      'replay-rate-shock-2022',
      'replay-svb-2023',
      'replay-tariff-shock-2025',
      'replay-covid-crash-2020',
    ])
      expect(list).toContain(id);
  });

  it('propagates a scenario with --propagate --as-of and states the estimation window', async () => {
    const plain = JSON.parse((await run(['stress', '--portfolio', 'Growth & AI', '--scenario', 'ai-capex-collapse', '--json'])).out);
    const text = await run(PROPAGATED_AI_CAPEX);
    if (process.env.SHOW_CLI) console.log(text.out);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Propagated from SMH −10%, ASML −11%, ai-energy basket −20%, estimated on \d{4}-\d{2}-\d{2} → 2025-01-24/);
    expect(text.out).toMatch(/95% band \(estimation and residual, holdings correlated\): /);
    const json = JSON.parse((await run([...PROPAGATED_AI_CAPEX, '--json'])).out);
    expect(json.coverage.propagated.share).toBeGreaterThan(0.2);
    expect(json.pnl).toBeLessThan(plain.pnl);
    expect(
      json.positions.some((p: { source: string; applied: string }) => p.source === 'propagated' && /^Propagated: β /.test(p.applied)),
    ).toBe(true);
  });

  it('takes the run’s own proxies with --proxy and refuses a malformed one', async () => {
    const text = await run([
      ...PROPAGATED_AI_CAPEX,
      '--proxy',
      'industry:Semiconductors=SOXX',
      '--proxy',
      'industry:Semiconductor Materials & Equipment=SMH',
    ]);
    expect(text.out).toMatch(/Propagated from SOXX −10%, SMH −10%, ASML −11%, ai-energy basket −20%/);
    const replay = await run([
      'replay',
      '--portfolio',
      'Growth & AI',
      '--from',
      '2025-01-24',
      '--to',
      '2025-01-27',
      '--proxy',
      'sector:Industrials=SPY',
    ]);
    expect(replay.out).toMatch(/LDO\.MI .* moved as SPY \(its sector's fund\)/);
    expect(
      await run(['replay', '--portfolio', 'Growth & AI', '--from', '2025-01-24', '--to', '2025-01-27', '--proxy', 'sectors=XLK']),
    ).toMatchObject({
      code: 1,
      err: 'aftershock: --proxy must look like market=SPY, sector:NAME=SYMBOL or industry:NAME=SYMBOL, not "sectors=XLK".',
    });
  });

  it('reports risk figures with the window and the holdings left out', async () => {
    const text = await run(['risk', '--portfolio', 'Growth & AI', '--as-of', '2025-01-24']);
    if (process.env.SHOW_CLI) console.log(text.out);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/from 504 trading days, 2023-01-2\d → 2025-01-24/);
    expect(text.out).toMatch(/Annualised volatility \d+\.\d\d%; beta to SPY \d\.\d\d/);
    const json = JSON.parse((await run(['risk', '--portfolio', 'Growth & AI', '--as-of', '2025-01-24', '--json'])).out);
    expect(json.tails).toHaveLength(4);
    expect(json.tails[0].historicalVar).toBeGreaterThan(0);
    // As of a day the prices reach, nothing is stale; without --as-of the figures are for today, long after the bundled prices.
    expect(json.findings).toEqual([]);
    const today = await run(['risk', '--portfolio', 'Growth & AI']);
    expect(today.out).toMatch(/^Warning: Risk figures use prices up to \d{4}-\d{2}-\d{2}, [\d,]+ days before \d{4}-\d{2}-\d{2}\.$/m);
  });

  it('refuses bad dates and options in one sentence', async () => {
    expect(await run(['replay', '--portfolio', 'Growth & AI', '--from', '2025-01-27', '--to', '2025-01-24'])).toMatchObject({
      code: 1,
      err: 'aftershock: --to must be after --from (2025-01-27 → 2025-01-24).',
    });
    expect(await run(['replay', '--portfolio', 'Growth & AI', '--from', '27/01/2025', '--to', '2025-01-28'])).toMatchObject({
      code: 1,
      err: 'aftershock: --from must be a date in YYYY-MM-DD form, not "27/01/2025".',
    });
    expect(await run(['stress', '--portfolio', 'Growth & AI', '--scenario', 'ai-capex-collapse', '--as-of', '2025-01-24'])).toMatchObject({
      code: 1,
      err: 'aftershock: --as-of only applies with --propagate (it limits the history the estimate uses).',
    });
    expect(await run(['risk', '--portfolio', 'Growth & AI', '--benchmark', 'NOPE'])).toMatchObject({
      code: 1,
      err: 'aftershock: There is no price history for the benchmark NOPE.',
    });
  });
});
