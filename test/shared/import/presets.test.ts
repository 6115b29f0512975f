import { describe, expect, it } from 'vitest';
import { buildPreview } from '../../../shared/import/pipeline';
import type { ImportPreview } from '../../../shared/import/types';
import { fixtureText } from '../../helpers/fixtures';

function preview(name: string, options: { resolveIsin?: (isin: string) => string | undefined } = {}): ImportPreview {
  const result = buildPreview(fixtureText(name), { fileName: name, ...options });
  if (!result.ok) throw new Error(result.error.message);
  return result.preview;
}

const brief = (p: ImportPreview) => p.totals.map((t) => `${t.account}|${t.currency}|${t.positions}|${t.marketValue}`);
const holdings = (p: ImportPreview) => p.positions.map((x) => `${x.account}|${x.symbol}|${x.quantity}|${x.price}|${x.assetClass}`);

// Totals worked out by hand from each fixture (see the comments).
describe('broker presets, each detected from its own layout', () => {
  it.each([
    // 2,150.33 + 5,782.50 + 23,863.54 − 120.00 pending; 500 + 5,591.84 − 1,095.80 (short TSLA)
    [
      'fidelity-positions.csv',
      'fidelity-positions',
      'positions',
      { new: 7, invalid: 0, skipped: 3 },
      ['Individual (Z12345678)|USD|4|31676.37', 'ROTH IRA (244123456)|USD|3|4996.04'],
    ],
    // AAPL 20 − 5 + 10 = 25 @ 231.30; FXAIX 50.228 @ 198.25; cash 20,000 − 4,400 − 9,500 + 1,139.98 − 25 − 2,313 = 4,901.98
    ['fidelity-activity.csv', 'fidelity-activity', 'transactions', { new: 8, invalid: 0, skipped: 2 }, ['Fidelity|USD|3|20642.18']],
    // MSFT 14 @ 510 + cash 2,968.30; AVGO 4.5 @ 350 + cash 5,489.95
    [
      'fidelity-activity-all-accounts.csv',
      'fidelity-activity',
      'transactions',
      { new: 7, invalid: 0, skipped: 2 },
      ['Joint WROS (X11122233)|USD|2|10108.3', 'Traditional IRA (222333444)|USD|2|7064.95'],
    ],
    // 23,130 + 1,000 + 10,867.05 − 2,191.60 + 4,220.30 = the file's own Account Total 37,025.75
    ['schwab-positions.csv', 'schwab-positions', 'positions', { new: 5, invalid: 0, skipped: 2 }, ['Individual ...123|USD|5|37025.75']],
    [
      'schwab-positions-all-accounts.csv',
      'schwab-positions',
      'positions',
      { new: 3, invalid: 0, skipped: 5 },
      ['Individual ...123|USD|2|2413', 'Roth IRA ...456|USD|1|759.39'],
    ],
    // AAPL 20 @ 226; NVDA (10 + 90 split) @ 1,050 / 10; SCHD 101.2345 @ 28.50; no cash: a fee is paid before the
    // first deposit, so the history does not start from zero (the file's total of 7,488.70 is not a balance)
    ['schwab-transactions.csv', 'schwab-transactions', 'transactions', { new: 9, invalid: 0, skipped: 1 }, ['Schwab|USD|3|17905.18']],
    ['vanguard.csv', 'vanguard', 'positions', { new: 3, invalid: 0, skipped: 3 }, ['12345678|USD|2|22098.56', '87654321|USD|1|10277.1']],
    // 10 − 4 = 6 US0378331005 @ 170; 20 IE00B4L5Y983 @ 90.10 EUR; the USD.CHF conversion is skipped
    [
      'ibkr-trades.csv',
      'ibkr-flex',
      'transactions',
      { new: 3, invalid: 0, skipped: 1 },
      ['Interactive Brokers|EUR|1|1802', 'Interactive Brokers|USD|1|1020'],
    ],
    // cash 1,000 − 422.37 − 447.67 + 87.96 + 0.40 + 0.85 − 100 = 119.17 EUR; ULVR 3,850 GBX = 38.50 GBP
    [
      'trading212.csv',
      'trading212',
      'transactions',
      { new: 7, invalid: 0, skipped: 0 },
      ['Trading 212|EUR|1|119.17', 'Trading 212|GBP|1|385', 'Trading 212|USD|1|380'],
    ],
    // ASML 2 @ 870,50 + cash 3,000 − 827,19 − 1,741 − 2 = 429,81 EUR; AAPL 5 @ 179,50 + cash 1,02 USD
    ['degiro.csv', 'degiro', 'transactions', { new: 8, invalid: 0, skipped: 1 }, ['DEGIRO|EUR|2|2170.81', 'DEGIRO|USD|2|898.52']],
    // NVDA 0.65 → 6.5 after the 10:1 split, + 1 = 7.5 @ 121; cash 64.63
    ['revolut.csv', 'revolut', 'transactions', { new: 8, invalid: 0, skipped: 0 }, ['Revolut|USD|2|972.13']],
    [
      'generic-semicolon-latin1.csv',
      'generic',
      'positions',
      { new: 3, invalid: 0, skipped: 2 },
      ['Depot|CHF|1|-841.2', 'Depot|EUR|2|5375'],
    ],
    ['generic-tab-bom.tsv', 'generic', 'positions', { new: 4, invalid: 0, skipped: 0 }, ['Imported|USD|4|4082.45']],
  ] as const)('%s → %s', (file, format, kind, counts, totals) => {
    const p = preview(file);
    expect(p.format).toBe(format);
    expect(p.kind).toBe(kind);
    expect(p.counts).toMatchObject(counts);
    expect(brief(p)).toEqual(totals);
  });

  it('derives Schwab holdings with the split applied to the share count and the last price', () => {
    expect(holdings(preview('schwab-transactions.csv'))).toEqual([
      'Schwab|AAPL|20|226|equity',
      'Schwab|NVDA|100|105|equity',
      'Schwab|SCHD|101.2345|28.5|equity',
    ]);
  });

  it('keeps average cost through a partial sale', () => {
    const aapl = preview('fidelity-activity.csv').positions.find((x) => x.symbol === 'AAPL');
    // 20 @ 220 = 4,400; selling 5 keeps 3/4 → 3,300; + 10 @ 231.30 = 5,613
    expect(aapl?.costBasis).toBeCloseTo(5613, 6);
  });

  it('marks money-market and cash rows as cash and keeps shorts negative', () => {
    const p = preview('fidelity-positions.csv');
    expect(holdings(p)).toEqual([
      'Individual (Z12345678)|SPAXX|2150.33|1|cash',
      'Individual (Z12345678)|AAPL|25|231.3|equity',
      'Individual (Z12345678)|FXAIX|120.456|198.11|fund',
      'Individual (Z12345678)|USD|-120|1|cash',
      'ROTH IRA (244123456)|FZFXX|500|1|cash',
      'ROTH IRA (244123456)|NVDA|40.5|138.07|equity',
      'ROTH IRA (244123456)|TSLA|-5|219.16|equity',
    ]);
  });

  it("takes the asset class from Schwab's Security Type column", () => {
    expect(holdings(preview('schwab-positions.csv'))).toEqual([
      'Individual ...123|AAPL|100|231.3|equity',
      'Individual ...123|SWVXX|1000|1|cash',
      'Individual ...123|VOO|20.5|530.1|fund',
      'Individual ...123|TSLA|-10|219.16|equity',
      'Individual ...123|USD|4220.3|1|cash',
    ]);
  });

  it('reads the Schwab account and as-of date from the title line', () => {
    const p = preview('schwab-positions.csv');
    expect(new Set(p.positions.map((x) => `${x.account} ${x.asOf}`))).toEqual(new Set(['Individual ...123 2024-10-14']));
  });

  it('keeps an unresolved ISIN as the symbol and resolves it through the security master when known', () => {
    expect(preview('ibkr-trades.csv').positions.map((x) => x.symbol)).toEqual(['IE00B4L5Y983', 'US0378331005']);
    const resolved = preview('ibkr-trades.csv', { resolveIsin: (isin) => (isin === 'US0378331005' ? 'AAPL' : undefined) });
    expect(resolved.positions.map((x) => x.symbol)).toEqual(['AAPL', 'IE00B4L5Y983']);
  });
});
