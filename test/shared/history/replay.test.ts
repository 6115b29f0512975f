import { describe, expect, it } from 'vitest';
import { prepareBook, scenarioSchema } from '../../../shared/engine';
import { defaultProxies, replayScenario, runReplay } from '../../../shared/history';
import { blackScholes } from '../../../shared/domain/options';
import { fund as fundHoldings, pos, reference, sec } from '../engine/book-builder';
import { history, ok, series } from './history-builder';

const dates = ['2025-01-21', '2025-01-22', '2025-01-23', '2025-01-24'];
const closes = {
  ALFA: series(dates, [100, 110, 99, 105]),
  SMH: series(dates, [50, 45, 40, 44]),
  SPY: series(dates, [200, 202, 198, 204]),
};
const ref = reference([
  sec('ALFA', { sector: 'Information Technology', industry: 'Software' }),
  sec('CHIP', { sector: 'Information Technology', industry: 'Semiconductors' }),
  sec('MISC', { sector: 'Made-up sector' }),
]);
// ALFA 1,000 with history; CHIP 500 without (semis → SMH); MISC 200 without (→ market SPY); cash 300.
const positions = [pos('ALFA', 10, 100), pos('CHIP', 5, 100), pos('MISC', 2, 100), pos('USD', 300, 1, { assetClass: 'cash' })];

describe('replay of 21 → 24 Jan on a four-line book', () => {
  const book = prepareBook(positions, 'USD', ref);
  const result = ok(runReplay(book, history(closes), defaultProxies(), { from: '2025-01-21', to: '2025-01-24' }));

  it('moves each holding by its own window return, else its stand-in, and cash not at all', () => {
    const move = Object.fromEntries(result.positions.map((p) => [p.symbol, [p.return, p.source]]));
    expect(move.ALFA[0]).toBeCloseTo(0.05, 12);
    expect(move.ALFA[1]).toBe('explicit');
    expect(move.CHIP[0]).toBeCloseTo(-0.12, 12);
    expect(move.CHIP[1]).toBe('proxy');
    expect(move.MISC[0]).toBeCloseTo(0.02, 12);
    expect(move.MISC[1]).toBe('proxy');
    expect(move.USD).toEqual([0, 'none']);
    expect(result.positions.find((p) => p.symbol === 'CHIP')!.applied).toBe(
      "Proxy: no price history of its own, moved as SMH (its industry's fund) −12%",
    );
    expect(result.positions.find((p) => p.symbol === 'ALFA')!.applied).toBe('Own total return 2025-01-21 → 2025-01-24: +5%');
  });

  it('totals P&L and states coverage by own history, proxy and nothing', () => {
    expect(result.valueBefore).toBe(2000);
    expect(result.pnl).toBeCloseTo(50 - 60 + 4, 9);
    expect(result.coverage.explicit.share).toBeCloseTo(0.5, 12);
    expect(result.coverage.proxy.share).toBeCloseTo(0.35, 12);
    expect(result.coverage.noShock.share).toBeCloseTo(0.15, 12);
  });

  it('reports the peak-to-trough fall and worst day inside the window, and the limiting holding', () => {
    // Portfolio path: 2,000 → 2,052 → 1,888 → 1,994.
    expect(result.history!.drawdown!.change).toBeCloseTo(1888 / 2052 - 1, 12);
    expect(result.history!.drawdown).toMatchObject({ peak: '2025-01-22', trough: '2025-01-23' });
    expect(result.history!.worstDay).toEqual({ date: '2025-01-23', change: expect.closeTo(1888 / 2052 - 1, 12) });
    expect(result.history!.limitingSymbol).toBe('ALFA');
    expect(result.history).toMatchObject({ mode: 'replay', from: '2025-01-21', to: '2025-01-24' });
  });

  it('says "not tested" when neither the holding nor a stand-in has history over the window', () => {
    const noMarket = history({ ALFA: closes.ALFA });
    const r = ok(runReplay(book, noMarket, defaultProxies(), { from: '2025-01-21', to: '2025-01-24' }));
    const misc = r.positions.find((p) => p.symbol === 'MISC')!;
    expect(misc).toMatchObject({
      return: 0,
      source: 'none',
      applied: 'Not tested: no price history for it or a stand-in over the window.',
    });
    expect(r.coverage.noPrice.share).toBeCloseTo((500 + 200) / 2000, 12);
    expect(r.coverage.noShock.share).toBeCloseTo(300 / 2000, 12);
  });

  it('uses a stand-in when a holding’s history starts inside the window, saying so', () => {
    const late = history({ ...closes, ALFA: series(dates.slice(1), [110, 99, 105]) });
    const r = ok(runReplay(book, late, defaultProxies(), { from: '2025-01-21', to: '2025-01-24' }));
    const alfa = r.positions.find((p) => p.symbol === 'ALFA')!;
    // Information Technology → XLK has no history here, so the market.
    expect(alfa.return).toBeCloseTo(0.02, 12);
    expect(alfa.applied).toBe('Proxy: its history covers 2025-01-22 → 2025-01-24 only, moved as SPY (the market) +2%');
  });
});

describe('historical scenarios', () => {
  it('validate with a window that ends after it starts, and not without one', () => {
    expect(scenarioSchema.parse(replayScenario('2025-01-24', '2025-01-27'))).toMatchObject({
      kind: 'historical',
      event: { window: { from: '2025-01-24', to: '2025-01-27' } },
    });
    const { event: _event, ...noWindow } = replayScenario('2025-01-24', '2025-01-27');
    expect(scenarioSchema.safeParse(noWindow).error?.issues[0]).toMatchObject({
      path: ['event', 'window'],
      message: 'a historical scenario needs the window to replay (from and to dates)',
    });
    expect(scenarioSchema.safeParse(replayScenario('2025-01-27', '2025-01-24')).error?.issues[0]).toMatchObject({
      path: ['event', 'window', 'to'],
      message: "must be after the window's from date",
    });
  });
});

describe('windows the prices cover only in part, or not at all', () => {
  const book = prepareBook(positions, 'USD', ref);
  const replay = (from: string, to: string) => runReplay(book, history(closes), defaultProxies(), { from, to });

  it('replays the covered part of a window that runs past the prices, and says so in a field of the result', () => {
    const r = ok(replay('2025-01-21', '2025-03-31'));
    const reason = 'Prices run to 2025-01-24: replayed 2025-01-21 → 2025-01-24 only, not the whole 2025-01-21 → 2025-03-31.';
    expect(r.history).toMatchObject({ from: '2025-01-21', to: '2025-01-24', partial: { from: '2025-01-21', to: '2025-03-31', reason } });
    expect(r.history!.notes[0]).toBe(reason);
    expect(r.pnl).toBeCloseTo(50 - 60 + 4, 9);
  });

  it('replays from the first close when the window starts before the prices do', () => {
    const r = ok(replay('2025-01-01', '2025-01-24'));
    expect(r.history).toMatchObject({ from: '2025-01-21', to: '2025-01-24', partial: { from: '2025-01-01', to: '2025-01-24' } });
    expect(r.history!.partial!.reason).toBe(
      'Prices start 2025-01-21: replayed 2025-01-21 → 2025-01-24 only, not the whole 2025-01-01 → 2025-01-24.',
    );
  });

  it('refuses a window the prices do not reach, naming the dates they cover, instead of a silent zero', () => {
    expect(replay('2025-06-01', '2026-11-30')).toEqual({
      ok: false,
      error: 'Prices run to 2025-01-24: update market data or pick an earlier window than 2025-06-01 → 2026-11-30.',
    });
    // Starting on the last close leaves no day to replay.
    expect(replay('2025-01-24', '2025-02-28')).toEqual({
      ok: false,
      error: 'Prices run to 2025-01-24: update market data or pick an earlier window than 2025-01-24 → 2025-02-28.',
    });
    expect(replay('2024-06-03', '2025-01-20')).toEqual({
      ok: false,
      error: 'Prices start 2025-01-21: pick a later window than 2024-06-03 → 2025-01-20.',
    });
    expect(runReplay(book, history({}), defaultProxies(), { from: '2025-01-21', to: '2025-01-24' })).toEqual({
      ok: false,
      error: 'There is no price history to replay 2025-01-21 → 2025-01-24: update market data.',
    });
  });

  it('is not partial when the window ends on a day without trading inside the prices', () => {
    const r = ok(replay('2025-01-21', '2025-01-23'));
    expect(r.history!.partial).toBeUndefined();
  });
});

describe('a fund with its own history over the window moves by it, as a whole (docs/stress-semantics.md §8)', () => {
  // FUND lists ALFA 60% and CHIP 20% (unlisted 20%); its own closes fall 10% while ALFA rises 5% and CHIP's stand-in SMH falls 12%.
  const fundRef = reference(
    [
      sec('ALFA', { sector: 'Information Technology', industry: 'Software' }),
      sec('CHIP', { sector: 'Information Technology', industry: 'Semiconductors' }),
      sec('FUND', { type: 'etf' }),
    ],
    [fundHoldings('FUND', { ALFA: 0.6, CHIP: 0.2 }, '2025-10-01')],
  );
  const fund = pos('FUND', 10, 100, { assetClass: 'fund' }); // 1,000
  const book = prepareBook([fund], 'USD', fundRef);
  const window = { from: '2025-01-21', to: '2025-01-24', by: ['symbol', 'sector'] as const };

  it('takes the fund’s own total return, counts it as its own history, and follows its closes for the worst fall', () => {
    const r = ok(runReplay(book, history({ ...closes, FUND: series(dates, [50, 48, 46, 45]) }), defaultProxies(), window));
    expect(r.positions[0]).toMatchObject({
      source: 'explicit',
      throughFund: false,
      applied: 'Own total return 2025-01-21 → 2025-01-24: −10%',
    });
    expect(r.positions[0].return).toBeCloseTo(-0.1, 12);
    expect(r.coverage.explicit.share).toBe(1);
    expect(r.history!.worstDay).toEqual({ date: '2025-01-23', change: expect.closeTo(46 / 48 - 1, 12) });
    expect(r.history!.drawdown!.change).toBeCloseTo(45 / 50 - 1, 12);
    expect(r.history!.limitingSymbol).toBe('FUND');
  });

  it('still splits that move by its holdings for sectors and symbols, shifted so the parts sum to the fund’s move', () => {
    const r = ok(runReplay(book, history({ ...closes, FUND: series(dates, [50, 48, 46, 45]) }), defaultProxies(), window));
    // Holdings' move: 0.6 × 5% + 0.2 × (−12%) + 0.2 × (−10%, the rest as the fund) = −1.4%; each slice shifted by −8.6 points.
    const bySymbol = Object.fromEntries(r.aggregates.symbol!.map((a) => [a.key, a.pnl]));
    expect(bySymbol.ALFA).toBeCloseTo(600 * (0.05 - 0.086), 9);
    expect(bySymbol.CHIP).toBeCloseTo(200 * (-0.12 - 0.086), 9);
    expect(bySymbol.FUND).toBeCloseTo(200 * (-0.1 - 0.086), 9);
    expect(r.aggregates.sector!.reduce((sum, a) => sum + a.pnl, 0)).toBeCloseTo(-100, 9);
    expect(r.aggregates.sector!.find((a) => a.key === 'Information Technology')!.value).toBeCloseTo(800, 9);
  });

  it('is looked through as the stand-in when the fund has no history of its own', () => {
    const r = ok(runReplay(book, history(closes), defaultProxies(), window));
    expect(r.positions[0]).toMatchObject({ source: 'mixed', throughFund: true });
    // ALFA by its own history through the fund; CHIP by SMH and the unlisted rest by the market (SPY +2%).
    expect(r.positions[0].return).toBeCloseTo(0.6 * 0.05 + 0.2 * -0.12 + 0.2 * 0.02, 12);
    expect(r.coverage.throughFunds.share).toBeCloseTo(0.6, 12);
    expect(r.coverage.proxy.share).toBeCloseTo(0.4, 12);
  });
});

describe('replay of an option: repriced along its underlying’s closes', () => {
  // A written ALFA put and a long call, valued on 24 Jan 2025 (ALFA 100), 4%, 40% typed; the replay moves ALFA
  // 100 → 110 → 99 → 105 and revalues both at each day's close.
  const market = { asOf: '2025-01-24', rate: 0.04, underlyings: { ALFA: { price: 100, volatility: null } } };
  const call = pos('ALFA  250620C00100000', 2, 900, { assetClass: 'other', multiplier: 100, volatility: 0.4 });
  const put = pos('ALFA  250620P00090000', -1, 400, { assetClass: 'other', multiplier: 100, volatility: 0.4 });
  const book = prepareBook([call, put, pos('USD', 1000, 1, { assetClass: 'cash' })], 'USD', ref, { optionMarket: market });
  const result = ok(runReplay(book, history(closes), defaultProxies(), { from: '2025-01-21', to: '2025-01-24' }));
  const T = 147 / 365;
  const value = (spot: number) =>
    2 * 100 * blackScholes('call', spot, 100, T, 0.4, 0.04).price - 100 * blackScholes('put', spot, 90, T, 0.4, 0.04).price;

  it('moves the options by ALFA’s own window return (+5%), never by a stand-in of their own', () => {
    expect(result.pnl).toBeCloseTo(value(105) - value(100), 6);
    const applied = result.positions.find((p) => p.symbol === call.symbol)!.applied;
    expect(applied).toMatch(/^ALFA \+5% → ALFA 20 Jun 2025 100 C/);
    expect(applied).toContain('Own total return 2025-01-21 → 2025-01-24: +5%');
    expect(result.coverage.explicit.value).toBeCloseTo(1800 + 400, 9);
  });

  it('has a value path that reprices the options at each day’s close', () => {
    // 3,400 (1,800 − 400 + 1,000 cash) plus the options' change at ALFA 110, 99 and 105.
    const path = [0, 110, 99, 105].map((s) => 1800 - 400 + 1000 + (s === 0 ? 0 : value(s) - value(100)));
    expect(result.history!.worstDay).toEqual({ date: '2025-01-23', change: expect.closeTo(path[2] / path[1] - 1, 12) });
    expect(result.history!.drawdown!.change).toBeCloseTo(path[2] / path[1] - 1, 12);
  });
});
