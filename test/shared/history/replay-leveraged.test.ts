import { describe, expect, it } from 'vitest';
import { prepareBook } from '../../../shared/engine';
import { defaultProxies, runReplay } from '../../../shared/history';
import { pos, reference, sec } from '../engine/book-builder';
import { history, ok, series } from './history-builder';

const dates = ['2025-01-22', '2025-01-23', '2025-01-24'];
// QQQ +10% then −10%: −1% over the window. TQQQ has no history here; SOXL has its own.
const closes = history({
  QQQ: series(dates, [100, 110, 99]),
  SOXX: series(dates, [200, 180, 190]),
  SOXL: series(dates, [30, 21, 24]),
});
const ref = reference([
  sec('QQQ', { type: 'etf' }),
  sec('SOXX', { type: 'etf', sector: 'Information Technology', industry: 'Semiconductors' }),
]);

describe('replay of a leveraged book over 22 → 24 Jan', () => {
  const book = prepareBook([pos('SOXL', 100, 24), pos('TQQQ', 100, 50), pos('SQQQ', 100, 20)], 'USD', ref);
  const result = ok(runReplay(book, closes, defaultProxies(), { from: '2025-01-22', to: '2025-01-24' }));
  const [soxl, tqqq, sqqq] = result.positions;

  it('moves a fund with its own history by it', () => {
    expect(soxl.return).toBeCloseTo(24 / 30 - 1, 12);
    expect(soxl.applied).toBe('Own total return 2025-01-22 → 2025-01-24: −20%');
  });

  it('rebuilds a fund without history from its stand-in day by day: 3 × (+10%, −10%) compounds to −9%, not 3 × −1%', () => {
    expect(tqqq.return).toBeCloseTo(1.3 * 0.7 - 1, 12);
    expect(tqqq.source).toBe('proxy');
    expect(tqqq.applied).toBe(
      "Proxy: no price history of its own, moved as 3× QQQ's daily returns, compounded 2025-01-22 → 2025-01-24: −9%",
    );
    // SQQQ: (1 − 30%)(1 + 30%) − 1 = −9% as well: an inverse fund loses in a whipsaw too.
    expect(sqqq.return).toBeCloseTo(0.7 * 1.3 - 1, 12);
    expect(result.pnl).toBeCloseTo(2400 * (24 / 30 - 1) + 5000 * -0.09 + 2000 * -0.09, 9);
  });

  it('follows the rebuilt path day by day for the drawdown', () => {
    // Path: 2,400 + 5,000 + 2,000 = 9,400 → 1,680 + 6,500 + 1,400 = 9,580 → 1,920 + 4,550 + 1,820 = 8,290.
    expect(result.history!.worstDay).toEqual({ date: '2025-01-24', change: expect.closeTo(8290 / 9580 - 1, 12) });
  });
});

describe('replay of a leveraged fund when neither it nor its stand-in has history', () => {
  it('is "not tested", saying which stand-in lacks history, never moved 1× like a sector fund', () => {
    const ref2 = reference([sec('NVDA', { sector: 'Information Technology', industry: 'Semiconductors' })]);
    const book = prepareBook([pos('NVDL', 10, 50), pos('SOXL', 10, 24)], 'USD', ref2);
    const result = ok(
      runReplay(book, history({ SMH: series(dates, [50, 45, 40]), SOXL: series(dates, [30, 21, 24]) }), defaultProxies(), {
        from: '2025-01-22',
        to: '2025-01-24',
      }),
    );
    const nvdl = result.positions[0];
    expect(nvdl.return).toBe(0);
    expect(nvdl.applied).toBe('Not tested: no price history for it or for NVDA, which its 2× daily target follows, over the window.');
    expect(result.coverage.noPrice.value).toBe(500);
  });
});
