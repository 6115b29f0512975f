import { describe, expect, it } from 'vitest';
import { computeExposure } from '../../../shared/domain/exposure';
import type { Classification, ReferenceData } from '../../../shared/domain/reference';
import { fund, reference as referenceData, sec } from '../engine/book-builder';

const security = (symbol: string, sector: string | null, themes: string[] = []): Classification =>
  sec(symbol, { sector, themes, country: 'United States' });

// A QQQ + SPY + NVDA book with made-up round holdings, so every figure can be checked by hand.
const reference = referenceData(
  [
    security('NVDA', 'Information Technology', ['semiconductors', 'mega-cap-tech']),
    security('MSFT', 'Information Technology', ['hyperscalers', 'mega-cap-tech']),
    security('AAPL', 'Information Technology', ['mega-cap-tech']),
    security('JPM', 'Financials'),
    { ...security('QQQ', 'Multi-Sector'), type: 'etf' },
    { ...security('SPY', 'Multi-Sector'), type: 'etf' },
  ],
  [fund('QQQ', { NVDA: 0.1, MSFT: 0.08 }, '2025-10-04'), fund('SPY', { NVDA: 0.07, AAPL: 0.06, JPM: 0.02, XYZ: 0.05 }, '2025-11-24')],
);
const book = [
  { symbol: 'QQQ', value: 10_000 },
  { symbol: 'SPY', value: 20_000 },
  { symbol: 'NVDA', value: 5_000 },
];
const find = (result: ReturnType<typeof computeExposure>, key: string) => result.buckets.find((b) => b.key === key);

describe('exposure of a QQQ + SPY + NVDA portfolio', () => {
  it('totals NVDA as direct + via QQQ + via SPY when looking through', () => {
    const result = computeExposure(book, reference, { by: 'symbol', lookThrough: true });
    expect(result.total).toBe(35_000);
    // 5,000 direct + 10,000 × 10% + 20,000 × 7% = 7,400
    expect(find(result, 'NVDA')?.value).toBeCloseTo(7_400, 9);
    expect(find(result, 'NVDA')?.share).toBeCloseTo(7_400 / 35_000, 12);
    // Residuals: QQQ 10,000 × (1 − 0.18) = 8,200; SPY 20,000 × (1 − 0.20) = 16,000
    expect(find(result, 'QQQ')?.value).toBeCloseTo(8_200, 9);
    expect(find(result, 'SPY')?.value).toBeCloseTo(16_000, 9);
    expect(find(result, 'MSFT')?.value).toBeCloseTo(800, 9);
    expect(find(result, 'AAPL')?.value).toBeCloseTo(1_200, 9);
    expect(result.buckets.reduce((s, b) => s + b.value, 0)).toBeCloseTo(35_000, 9);
    expect(result.unclassified).toEqual([{ symbol: 'XYZ', value: 1_000 }]);
    expect(result.funds).toEqual([
      { fund: 'QQQ', asOf: '2025-10-04', source: 'test', knownWeight: 0.18 },
      { fund: 'SPY', asOf: '2025-11-24', source: 'test', knownWeight: 0.2 },
    ]);
    expect(result.fundsWithoutHoldings).toEqual([]);
  });

  it('groups by sector with the fund residuals as the funds themselves', () => {
    const result = computeExposure(book, reference, { by: 'sector', lookThrough: true });
    // IT = NVDA 7,400 + MSFT 800 + AAPL 1,200 = 9,400; Multi-Sector = 8,200 + 16,000; Financials 400; XYZ 1,000
    expect(result.buckets.map((b) => [b.key, Math.round(b.value * 1e6) / 1e6])).toEqual([
      ['Multi-Sector', 24_200],
      ['Information Technology', 9_400],
      ['Unclassified', 1_000],
      ['Financials', 400],
    ]);
  });

  it('counts a slice in each of its themes and keeps themeless and unknown slices visible', () => {
    const result = computeExposure(book, reference, { by: 'theme', lookThrough: true });
    expect(find(result, 'mega-cap-tech')?.value).toBeCloseTo(7_400 + 800 + 1_200, 9);
    expect(find(result, 'semiconductors')?.value).toBeCloseTo(7_400, 9);
    expect(find(result, 'hyperscalers')?.value).toBeCloseTo(800, 9);
    expect(find(result, 'No theme')?.value).toBeCloseTo(8_200 + 16_000 + 400, 9);
    expect(find(result, 'Unclassified')?.value).toBeCloseTo(1_000, 9);
  });

  it('keeps each fund whole without look-through', () => {
    const result = computeExposure(book, reference, { by: 'symbol', lookThrough: false });
    expect(result.buckets.map((b) => [b.key, b.value])).toEqual([
      ['SPY', 20_000],
      ['QQQ', 10_000],
      ['NVDA', 5_000],
    ]);
    expect(result.unclassified).toEqual([]);
  });

  it('flags and scales holdings whose weights sum above 100%', () => {
    const bad: ReferenceData = { ...reference, funds: { QQQ: fund('QQQ', { NVDA: 0.8, MSFT: 0.45 }, '2025-10-04') } };
    const result = computeExposure([{ symbol: 'QQQ', value: 1_000 }], bad, { by: 'symbol', lookThrough: true });
    expect(result.issues).toEqual(['QQQ: holdings weights sum to 125.00%, above 100%; they were scaled to 100%.']);
    expect(find(result, 'NVDA')?.value).toBeCloseTo(640, 9);
    expect(find(result, 'MSFT')?.value).toBeCloseTo(360, 9);
    expect(find(result, 'QQQ')).toBeUndefined();
  });
});

describe('exposure through leveraged and inverse funds', () => {
  const leveredRef = referenceData(
    [
      sec('NVDA', { name: 'NVIDIA', sector: 'Information Technology', industry: 'Semiconductors' }),
      sec('AAPL', { name: 'Apple', sector: 'Information Technology', industry: 'Hardware' }),
    ],
    [fund('QQQ', { NVDA: 0.1, AAPL: 0.9 }, '2025-10-04', 's')],
  );
  const book = [
    { symbol: 'NVDA', value: 1000 },
    { symbol: 'NVDL', value: 500 },
    { symbol: 'SQQQ', value: 200 },
  ];

  it("counts NVDL as 2× NVDA and SQQQ as −3× QQQ's holdings, stating it", () => {
    const result = computeExposure(book, leveredRef, { by: 'symbol', lookThrough: true });
    const nvda = result.buckets.find((b) => b.key === 'NVDA')!;
    // 1,000 held + 2 × 500 through NVDL − 3 × 200 × 10% through SQQQ.
    expect(nvda.value).toBeCloseTo(1000 + 1000 - 60, 9);
    expect(result.buckets.find((b) => b.key === 'AAPL')!.value).toBeCloseTo(-540, 9);
    expect(result.total).toBe(1700);
    expect(result.leveraged).toEqual([
      { fund: 'NVDL', multiplier: 2, standIn: 'NVDA' },
      { fund: 'SQQQ', multiplier: -3, standIn: 'QQQ' },
    ]);
  });

  it('holds them at their own value without look-through', () => {
    const result = computeExposure(book, leveredRef, { by: 'symbol', lookThrough: false });
    expect(result.buckets.find((b) => b.key === 'NVDL')!.value).toBe(500);
    expect(result.leveraged).toBeUndefined();
  });
});
