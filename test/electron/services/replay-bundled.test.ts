import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { closeServices, type Services } from '../../../electron/services/services';
import { call, memoryServices, RESOURCES } from '../../helpers/services';

// The bundled closes as the file states them: per series a start date, one base-36 day gap per close (the first 0).
interface BundledSeries {
  symbol: string;
  start: string;
  gaps: string;
  closes: number[];
}
const bundled = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'reference', 'prices.json'), 'utf8')) as { series: BundledSeries[] };

/** The close of `symbol` on `date` from the first series in the file that has it (the loader keeps the first). */
function closeOn(symbol: string, date: string): number {
  for (const s of bundled.series.filter((x) => x.symbol === symbol)) {
    let t = Date.parse(`${s.start}T00:00:00Z`);
    for (let i = 0; i < s.closes.length; i++) {
      t += parseInt(s.gaps[i], 36) * 86_400_000;
      if (new Date(t).toISOString().slice(0, 10) === date) return s.closes[i];
    }
  }
  throw new Error(`no bundled close for ${symbol} on ${date}`);
}

const SYMBOLS = ['SPY', 'QQQ', 'SOXX', 'XLU', 'NVDA', 'VST'];
let services: Services;
let portfolioId: number;
beforeAll(() => {
  services = memoryServices({ loadReference: true });
  const portfolio = call(services, 'portfolios:create', { name: 'DeepSeek six', baseCurrency: 'USD' });
  const account = call(services, 'accounts:create', { portfolioId: portfolio.id, name: 'Broker' });
  for (const symbol of SYMBOLS)
    call(services, 'positions:create', { accountId: account.id, symbol, quantity: 1, price: 10_000, currency: 'USD' });
  portfolioId = portfolio.id;
}, 60_000);
afterAll(() => closeServices(services));

describe('replay of 24 → 27 Jan 2025 on SPY, QQQ, SOXX, XLU, NVDA and VST from the bundled prices', () => {
  it('moves each holding, the four funds included, by its own close-to-close total return', () => {
    const result = call(services, 'stress:replay', { portfolioId, from: '2025-01-24', to: '2025-01-27' });
    const actual = Object.fromEntries(SYMBOLS.map((s) => [s, closeOn(s, '2025-01-27') / closeOn(s, '2025-01-24') - 1]));
    // The figures for the funds, as a check on the decoding above: SPY −1.39%, QQQ −2.94%, SOXX −7.8%, XLU −2.32%.
    expect(actual.SPY).toBeCloseTo(-0.0139, 3);
    expect(actual.XLU).toBeCloseTo(-0.0232, 3);
    for (const p of result.positions) {
      expect(Math.abs(p.return - actual[p.symbol]), p.symbol).toBeLessThan(0.0001);
      expect(p).toMatchObject({ source: 'explicit', throughFund: false });
    }
    expect(result.pnl).toBeCloseTo(
      SYMBOLS.reduce((sum, s) => sum + 10_000 * actual[s], 0),
      6,
    );
    expect(result.coverage.explicit.share).toBe(1);
    expect(result.history!.partial).toBeUndefined();
  });

  it('refuses a window after the bundled prices end, through the IPC command, with the dates they cover', () => {
    const answer = dispatch(services, 'stress:replay', { portfolioId, from: '2025-06-01', to: '2026-11-30' });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message: 'Prices run to 2025-04-04: update market data or pick an earlier window than 2025-06-01 → 2026-11-30.',
      },
    });
  });

  it('replays the covered part of a window that runs past them, saying so in the result', () => {
    const result = call(services, 'stress:replay', { portfolioId, from: '2025-03-03', to: '2025-06-30' });
    expect(result.history).toMatchObject({ from: '2025-03-03', to: '2025-04-04', partial: { from: '2025-03-03', to: '2025-06-30' } });
    expect(result.pnl).not.toBe(0);
  });
});
