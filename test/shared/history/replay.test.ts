import { describe, expect, it } from 'vitest';
import { prepareBook, scenarioSchema } from '../../../shared/engine';
import { defaultProxies, replayScenario, runReplay } from '../../../shared/history';
import { pos, reference, sec } from '../engine/book-builder';
import { history, series } from './history-builder';

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
  const result = runReplay(book, history(closes), defaultProxies(), { from: '2025-01-21', to: '2025-01-24' });

  it('moves each holding by its own window return, else its stand-in, and cash not at all', () => {
    const move = Object.fromEntries(result.positions.map((p) => [p.symbol, [p.return, p.source]]));
    expect(move.ALFA[0]).toBeCloseTo(0.05, 12);
    expect(move.ALFA[1]).toBe('explicit');
    expect(move.CHIP[0]).toBeCloseTo(-0.12, 12);
    expect(move.CHIP[1]).toBe('proxy');
    expect(move.MISC[0]).toBeCloseTo(0.02, 12);
    expect(move.MISC[1]).toBe('proxy');
    expect(move.USD).toEqual([0, 'none']);
    expect(result.positions.find((p) => p.symbol === 'CHIP')!.applied).toBe("Proxy: no price history of its own, moved as SMH (its industry's fund) −12%");
    expect(result.positions.find((p) => p.symbol === 'ALFA')!.applied).toBe('Own total return 2025-01-21 → 2025-01-24: +5%');
  });

  it('totals P&L and states coverage by own history, proxy and nothing', () => {
    expect(result.valueBefore).toBe(2000);
    expect(result.pnl).toBeCloseTo(50 - 60 + 4, 9);
    expect(result.coverage.explicit.share).toBeCloseTo(0.5, 12);
    expect(result.coverage.proxy.share).toBeCloseTo(0.35, 12);
    expect(result.coverage.none.share).toBeCloseTo(0.15, 12);
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
    const r = runReplay(book, noMarket, defaultProxies(), { from: '2025-01-21', to: '2025-01-24' });
    const misc = r.positions.find((p) => p.symbol === 'MISC')!;
    expect(misc).toMatchObject({ return: 0, source: 'none', applied: 'Not tested: no price history for it or a stand-in over the window.' });
    expect(r.coverage.none.share).toBeCloseTo((500 + 200 + 300) / 2000, 12);
  });

  it('uses a stand-in when a holding’s history starts inside the window, saying so', () => {
    const late = history({ ...closes, ALFA: series(dates.slice(1), [110, 99, 105]) });
    const r = runReplay(book, late, defaultProxies(), { from: '2025-01-21', to: '2025-01-24' });
    const alfa = r.positions.find((p) => p.symbol === 'ALFA')!;
    // Information Technology → XLK has no history here, so the market.
    expect(alfa.return).toBeCloseTo(0.02, 12);
    expect(alfa.applied).toBe('Proxy: its history covers 2025-01-22 → 2025-01-24 only, moved as SPY (the market) +2%');
  });
});

describe('historical scenarios', () => {
  it('validate with a window that ends after it starts, and not without one', () => {
    expect(scenarioSchema.parse(replayScenario('2025-01-24', '2025-01-27'))).toMatchObject({ kind: 'historical', event: { window: { from: '2025-01-24', to: '2025-01-27' } } });
    const { event: _event, ...noWindow } = replayScenario('2025-01-24', '2025-01-27');
    expect(scenarioSchema.safeParse(noWindow).error?.issues[0]).toMatchObject({ path: ['event', 'window'], message: 'a historical scenario needs the window to replay (from and to dates)' });
    expect(scenarioSchema.safeParse(replayScenario('2025-01-27', '2025-01-24')).error?.issues[0]).toMatchObject({ path: ['event', 'window', 'to'], message: "must be after the window's from date" });
  });

  it('notes when history ends before the window does', () => {
    const book = prepareBook(positions, 'USD', ref);
    const r = runReplay(book, history(closes), defaultProxies(), { from: '2025-01-21', to: '2025-03-31' });
    expect(r.history!.to).toBe('2025-01-24');
    expect(r.history!.notes).toContain('Price history ends 2025-01-24: the window is replayed to that day, not 2025-03-31.');
  });
});
