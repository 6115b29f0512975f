import { describe, expect, it } from 'vitest';
import { buildPreview } from '../../../shared/import/pipeline';
import type { ImportPreview, PipelineOptions } from '../../../shared/import/types';

/** A Schwab-layout history from lines of Date,Action,Symbol,Description,Quantity,Price,Amount. */
function history(
  lines: string[],
  options: Partial<PipelineOptions> = {},
  header = 'Date,Action,Symbol,Description,Quantity,Price,Amount',
): ImportPreview {
  const result = buildPreview([header, ...lines].join('\n'), { fileName: 'h.csv', format: 'schwab-transactions', ...options });
  if (!result.ok) throw new Error(result.error.message);
  return result.preview;
}
const held = (p: ImportPreview) => p.positions.map((x) => `${x.symbol} ${x.quantity} ${x.costBasis}${x.isShortIntended ? ' short' : ''}`);

// 100 SNAXX bought before the file starts; the file shows a sale of 100 and a reinvestment of 5.
const midway = [
  '01/02/2024,Sell,SNAXX,SCHWAB MONEY ULTRA,100,1,100',
  '01/15/2024,Reinvest Shares,SNAXX,SCHWAB MONEY ULTRA,5,1,-5',
  '01/03/2024,Buy,AAPL,APPLE INC,10,100,-1000',
  '01/20/2024,Sell,AAPL,APPLE INC,4,110,440',
];

describe('a history that sells more than it shows bought', () => {
  it('is a history that starts mid-way: closed at zero by default, what was bought after kept, no cash invented', () => {
    const p = history(midway);
    expect(held(p)).toEqual(['AAPL 6 600', 'SNAXX 5 5']);
    expect(p.shortfalls).toEqual([
      {
        account: 'Schwab',
        symbol: 'SNAXX',
        name: 'SCHWAB MONEY ULTRA',
        shortfall: 100,
        firstDate: '2024-01-02',
        isMarkedShort: false,
        decision: { kind: 'closed' },
        quantity: 5,
      },
    ]);
    expect(p.findings.map((f) => f.kind)).toEqual(['history-clamped', 'cash-not-derived']);
    expect(p.findings[0].sentence).toBe(
      'SNAXX: the history sells 100 more than it shows bought (first on 2024-01-02): the history starts after they were bought, so that sale was treated as closing them (clamped at zero), not as a short; the 5 bought since are kept.',
    );
    expect(p.positions.find((x) => x.symbol === 'SNAXX')?.assetClass).toBe('cash');
  });

  it('takes an opening quantity: the shares sold come out of it; cost basis is unknown while opening shares remain', () => {
    const p = history(midway, { openings: { SNAXX: { kind: 'opening', quantity: 120 } } });
    expect(held(p)).toEqual(['AAPL 6 600', 'SNAXX 25 null']);
    expect(p.shortfalls[0]).toMatchObject({ decision: { kind: 'opening', quantity: 120 }, quantity: 25 });
    expect(p.findings[0]).toMatchObject({ kind: 'history-opening-entered', symbol: 'SNAXX' });
    expect(p.findings[0].sentence).toMatch(/Cost basis is unknown for the opening shares/);
  });

  it('clamps what an opening quantity too small still leaves short, and says so', () => {
    const p = history(midway, { openings: { 'Schwab:SNAXX': { kind: 'opening', quantity: 60 } } });
    expect(held(p)).toEqual(['AAPL 6 600', 'SNAXX 5 5']);
    expect(p.findings[0].sentence).toMatch(/still sells 40 more than that; the rest was treated as closed/);
  });

  it("keeps a short only on the user's choice, marked intended, with no cost basis", () => {
    const p = history(midway, { openings: { SNAXX: { kind: 'short' } } });
    expect(held(p)).toEqual(['AAPL 6 600', 'SNAXX -95 null short']);
    expect(p.findings[0]).toMatchObject({
      kind: 'short-kept',
      sentence: expect.stringMatching(/because you chose to keep it as a short\.$/),
    });
  });

  it('keeps a short the file marks as one (Sell Short … Buy to Cover), covering it first', () => {
    const p = history([
      '01/02/2024,Sell Short,TSLA,TESLA INC,10,200,2000',
      '01/05/2024,Buy to Cover,TSLA,TESLA INC,4,190,-760',
      '01/06/2024,Buy,TSLA,TESLA INC,10,180,-1800',
    ]);
    expect(held(p)).toEqual(['TSLA 4 720']);
    const short = history(['01/02/2024,Sell Short,TSLA,TESLA INC,10,200,2000']);
    expect(held(short)).toEqual(['TSLA -10 null short']);
    expect(short.findings[0].sentence).toMatch(/because the file marks the sales as short\.$/);
  });

  it('says when a choice names a symbol the file does not trade', () => {
    const p = history(midway, { openings: { MSFT: { kind: 'short' } } });
    expect(p.warnings).toContain('A decision was given for MSFT, which this file does not trade; it was not used.');
  });
});

describe('cash from a history', () => {
  it('is the sum of the amounts when the history starts from zero (a deposit first)', () => {
    const p = history(['01/02/2024,Deposit,,WIRE FUNDS RECEIVED,,,5000', '01/03/2024,Buy,AAPL,APPLE INC,10,100,-1000']);
    expect(held(p)).toEqual(['AAPL 10 1000', 'USD 4000 null']);
    expect(p.findings).toEqual([]);
  });

  it('is not derived when the history spends money it never shows arriving', () => {
    const p = history(['01/03/2024,Buy,AAPL,APPLE INC,10,100,-1000', '01/04/2024,Deposit,,WIRE FUNDS RECEIVED,,,5000']);
    expect(held(p)).toEqual(['AAPL 10 1000']);
    expect(p.findings).toEqual([expect.objectContaining({ kind: 'cash-not-derived', account: 'Schwab', symbol: 'USD' })]);
  });

  it("is the file's own running balance when it has one, even for a history that starts mid-way", () => {
    const p = history(
      ['01/02/2024,Sell,SNAXX,SCHWAB MONEY ULTRA,100,1,100,12100', '01/03/2024,Buy,AAPL,APPLE INC,10,100,-1000,11100'],
      {},
      'Date,Action,Symbol,Description,Quantity,Price,Amount,Balance',
    );
    expect(p.mapping.columns.balance).toBeUndefined(); // the Schwab preset does not map it; the generic layout does
    const generic = buildPreview(
      [
        'Date,Action,Symbol,Description,Quantity,Price,Amount,Cash Balance',
        '01/02/2024,Sell,SNAXX,SCHWAB MONEY ULTRA,100,1,100,12100',
        '01/03/2024,Buy,AAPL,APPLE INC,10,100,-1000,11100',
      ].join('\n'),
      { fileName: 'g.csv' },
    );
    if (!generic.ok) throw new Error(generic.error.message);
    expect(held(generic.preview)).toEqual(['AAPL 10 1000', 'USD 11100 null']);
    expect(generic.preview.findings.map((f) => f.kind)).toEqual(['history-clamped']);
  });
});

describe('bonds quoted in percent of par', () => {
  it('reads a CUSIP priced near 100 on a face amount as par-quoted even without a name: value and cost basis / 100', () => {
    const p = history(['01/02/2024,Deposit,,WIRE FUNDS RECEIVED,,,20000', '01/03/2024,Buy,912797GK7,,18000,98.84,-17791.20']);
    const bill = p.positions.find((x) => x.symbol === '912797GK7');
    expect(bill).toMatchObject({ assetClass: 'bond', quantity: 18000, costBasis: 17791.2, isParQuoted: true });
    expect(bill?.price).toBeCloseTo(0.9884, 12);
    expect(p.findings.map((f) => f.kind)).toEqual(['par-quoted-bond']);
    expect(p.findings[0].sentence).toBe(
      '912797GK7: priced 98.84 per 100 of face value, so 18,000 face is worth $17,791.20 (value and cost basis use price / 100).',
    );
  });

  it.each([
    // symbol, name, quantity, price, market value → par-quoted?
    ['912828YK0', '', 5000, 101.25, null, true],
    ['912828YK0', '', 5000, 101.25, 5062.5, true],
    ['912828YK0', '', 50, 101.25, 5062.5, false], // the market value says the price is per unit
    ['037833100', 'APPLE INC', 10, 190, null, false], // a stock's CUSIP: price not near 100 … and 10 is no face amount
    ['037833100', '', 1500.5, 99, null, false], // not a whole face amount
    ['AAPL', 'APPLE INC', 1000, 100, null, false], // not CUSIP-shaped
    ['64971XQM3', 'NEW YORK NY CITY MUNI 5% 08/01/2040', 25000, 112.4, null, true],
  ] as const)('%s %s %d @ %d (value %s) → %s', (symbol, name, quantity, price, marketValue, expected) => {
    const text = `Symbol,Description,Quantity,Price${marketValue === null ? '' : ',Market Value'}\n${symbol},${name},${quantity},${price}${marketValue === null ? '' : `,${marketValue}`}\n`;
    const result = buildPreview(text, { fileName: 'b.csv' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.preview.positions[0].assetClass === 'bond').toBe(expected);
  });
});

describe('market value against quantity × price', () => {
  const positions = (rows: string) => {
    const result = buildPreview(`Symbol,Description,Quantity,Price,Market Value\n${rows}`, { fileName: 'p.csv' });
    if (!result.ok) throw new Error(result.error.message);
    return result.preview;
  };

  it("keeps the broker's market value when they differ by more than 1%, shows both, and records the gap", () => {
    const p = positions('VOO,VANGUARD S&P 500 ETF,800,40.922,"45,900.35"\n');
    expect(p.positions[0]).toMatchObject({ marketValue: 45900.35, valueFromPrice: 32737.6 });
    expect(p.positions[0].quantity * (p.positions[0].price ?? 0)).toBeCloseTo(45900.35, 9);
    expect(p.totals[0].marketValue).toBe(45900.35);
    expect(p.findings).toEqual([
      {
        kind: 'market-value-kept',
        account: 'Imported',
        symbol: 'VOO',
        sentence:
          "VOO: the file's market value $45,900.35 and quantity × price $32,737.60 differ by $13,162.75 (40.2%); the broker's market value was kept.",
      },
    ]);
  });

  it('keeps the market value without a finding when the gap is under 1% (a delayed or rounded price)', () => {
    const p = positions('VWO,VANGUARD FTSE EMR MKT ETF,900,50.922,"45,900.35"\nNVDA,NVIDIA,40.5,138.07,5591.84\n');
    expect(p.totals[0].marketValue).toBe(45900.35 + 5591.84);
    expect(p.positions[0].valueFromPrice).toBeUndefined();
    expect(p.positions[1].price).toBe(138.07); // a cent apart is rounding: the file's price stays
    expect(p.findings).toEqual([]);
  });
});
