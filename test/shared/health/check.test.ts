import { describe, expect, it } from 'vitest';
import type { Position } from '../../../shared/domain/types';
import {
  checkHealth,
  daysBetween,
  scenarioFindings,
  scenarioHealthOf,
  spanOf,
  staleHistoryFinding,
  type HealthInput,
} from '../../../shared/health';
import { assetsCurrency, indexFund } from '../../../shared/domain/index-funds';
import { prepareBook, returnText, runScenario } from '../../../shared/engine';
import { pos, reference, scenario, sec } from '../engine/book-builder';

const today = '2026-12-03';
const ref = reference(
  [
    sec('AAPL', { sector: 'Information Technology' }),
    sec('SPY', { type: 'etf', sector: 'Multi-Sector' }),
    sec('SAP', { sector: 'Information Technology', currency: 'EUR' }),
  ],
  [{ fund: 'SPY', asOf: '2024-06-28', source: 'SSGA', holdings: [{ symbol: 'AAPL', weight: 0.07 }] }],
);
const check = (over: Partial<HealthInput>) => checkHealth({ positions: [], baseCurrency: 'USD', reference: ref, today, ...over });
const codes = (input: Partial<HealthInput>) => check(input).findings.map((f) => `${f.severity}:${f.code}`);

describe('story: a history that starts after a money-market fund was bought', () => {
  // The history shows the sale of 500,135 SNAXX but not their purchase.
  const snaxx = pos('SNAXX', -496_428.12, 1, { asOf: '2026-12-01', accountName: 'Schwab …123' });
  const aapl = pos('AAPL', 2000, 200, { asOf: '2026-12-01' });
  const input = { positions: [snaxx, aapl], fromHistory: new Set([snaxx.id, aapl.id]) };

  it('blocks the portfolio: its total is negative and the history made the fund negative', () => {
    const report = check(input);
    expect(report.verdict).toBe('blocked');
    expect(report.findings[0]).toMatchObject({ code: 'value-not-positive', severity: 'blocking' });
    expect(report.findings[0].sentence).toBe(
      "The portfolio's total value is −$96,428.12: percentage returns and rankings mean nothing for it.",
    );
    const negative = report.findings.find((f) => f.code === 'history-made-negative')!;
    expect(negative).toMatchObject({ severity: 'blocking', positionIds: [snaxx.id], symbols: ['SNAXX'] });
    expect(negative.sentence).toMatch(/^SNAXX \(−496,428\.12\) went negative because the imported history sells more than it shows bought/);
  });

  it('reads the same short typed in by hand as a warning, and says nothing once it is marked intended', () => {
    expect(codes({ positions: [aapl, snaxx] })).toContain('warning:short-unmarked');
    expect(codes({ positions: [aapl, { ...snaxx, quantity: -10, isShortIntended: true }] })).not.toContain('warning:short-unmarked');
  });

  it('gives no percentage for the negative book, with the reason', () => {
    const book = prepareBook(input.positions, 'USD', ref);
    const result = runScenario(book, scenario([{ target: 'market', change: -0.2 }]));
    expect(result.valueBefore).toBeLessThan(0);
    expect(result.return).toBeNull();
    expect(result.returnNote).toBe('portfolio value is negative');
    expect(returnText(result.return, result.valueBefore)).toBe('n/a (portfolio value is negative)');
    expect(result.aggregates).toEqual({});
    const bySector = runScenario(book, scenario([{ target: 'market', change: -0.2 }]), { by: ['sector'] }).aggregates.sector!;
    for (const row of bySector) if (row.value <= 0) expect(row.return).toBeNull();
  });
});

describe('story: what an old Fidelity history and a careless typist leave behind', () => {
  it('flags a CUSIP at percent of par, a price the statement disagrees with, a $0 holding and a duplicate', () => {
    const bill = pos('912797KX4', 18_000, 98.84, { assetClass: 'bond', asOf: '2026-12-01' });
    const typo = pos('AAPL', 100, 200, { marketValue: 21_000, asOf: '2026-12-01' });
    const unpriced = pos('XYZ', 10, 0, { asOf: '2026-12-01' });
    const again = pos('AAPL', 5, 200, { asOf: '2026-12-01' });
    const report = check({ positions: [bill, typo, unpriced, again] });
    expect(report.findings.map((f) => `${f.severity}:${f.code}`)).toEqual([
      'blocking:par-quoted-price',
      'warning:no-price',
      'warning:value-mismatch',
      'warning:duplicate-position',
      'info:unclassified',
    ]);
    expect(report.findings[0].sentence).toBe('912797KX4 (18,000 at 98.84) looks priced in percent of par: its value may be 100× too high.');
    expect(report.findings.find((f) => f.code === 'unclassified')!.symbols).toEqual(['XYZ']);
    expect(report.findings.find((f) => f.code === 'value-mismatch')!.sentence).toBe(
      "AAPL: quantity × price $20,000.00 against the statement's $21,000.00 (more than 1% apart; the price is used).",
    );
    expect(report.findings.find((f) => f.code === 'duplicate-position')!.positionIds).toEqual([typo.id, again.id]);
  });

  it('does not flag a bond already priced per $1 of face, or a statement within 1%', () => {
    const bill = pos('912797KX4', 18_000, 0.9884, { assetClass: 'bond', asOf: '2026-12-01' });
    const close = pos('AAPL', 100, 200, { marketValue: 20_150, asOf: '2026-12-01' });
    expect(check({ positions: [bill, close] }).findings.map((f) => f.code)).toEqual([]);
  });
});

describe('story: dates behind the numbers', () => {
  it('flags prices older than the setting, fund holdings over a year old, and prices older than the scenario', () => {
    const old = pos('AAPL', 10, 200, { asOf: '2026-11-20' });
    const spy = pos('SPY', 10, 600, { asOf: '2026-12-02' });
    const report = check({ positions: [old, spy], scenario: { name: 'Crash', asOf: '2026-12-20', notMovedShare: 0 } });
    expect(report.asOf).toEqual({
      prices: { oldest: '2026-11-20', newest: '2026-12-02' },
      fundHoldings: { oldest: '2024-06-28', newest: '2024-06-28' },
      scenario: '2026-12-20',
    });
    const sentences = Object.fromEntries(report.findings.map((f) => [f.code, f.sentence]));
    expect(sentences['stale-prices']).toBe('1 price is more than 7 days old (oldest 2026-11-20, 13 days before 2026-12-03).');
    expect(sentences['stale-fund-holdings']).toBe('Fund holdings used for look-through are over 12 months old: SPY (2024-06-28).');
    expect(sentences['prices-before-scenario']).toBe(
      "The newest price (2026-12-02) is 18 days older than the scenario's date (2026-12-20).",
    );
    expect(check({ positions: [old], staleDays: 30 }).findings.map((f) => f.code)).not.toContain('stale-prices');
  });

  it('blocks a currency without a rate and says how much of a scenario does not reach', () => {
    const sap = pos('SAP', 10, 200, { currency: 'EUR', asOf: '2026-12-02' });
    const aapl = pos('AAPL', 10, 200, { asOf: '2026-12-02' });
    const report = check({ positions: [sap, aapl], scenario: { name: 'Semis', asOf: null, notMovedShare: 0.62 } });
    expect(report.findings.map((f) => `${f.severity}:${f.code}`)).toEqual(['blocking:missing-fx', 'warning:not-reached']);
    expect(report.findings[0]).toMatchObject({
      sentence: 'No exchange rate from EUR to USD: 1 holding is left out of every total.',
      positionIds: [sap.id],
    });
    expect(report.findings[1].sentence).toBe('62.0% of the value is not moved by "Semis".');
  });

  it('passes a clean, current, classified book', () => {
    expect(check({ positions: [pos('AAPL', 10, 200, { asOf: '2026-12-02' })] })).toMatchObject({
      verdict: 'ok',
      findings: [],
      counts: { blocking: 0, warning: 0, info: 0 },
      staleDays: 7,
    });
  });

  it('lists what an import decided, worst first', () => {
    const report = check({
      positions: [pos('AAPL', 10, 200, { asOf: '2026-12-02' })],
      importFindings: [
        {
          importId: 3,
          fileName: 'schwab.csv',
          kind: 'par-quoted-bond',
          account: 'Brokerage',
          symbol: '91282CJL6',
          sentence: '91282CJL6 is priced in percent of par.',
        },
        {
          importId: 3,
          fileName: 'schwab.csv',
          kind: 'history-clamped',
          account: 'Brokerage',
          symbol: 'SNAXX',
          sentence: 'SNAXX: the history sells more than it shows bought; treated as closed.',
        },
      ],
    });
    expect(report.verdict).toBe('review');
    expect(report.findings.map((f) => `${f.severity}:${f.code}`)).toEqual([
      'warning:import-history-clamped',
      'info:import-par-quoted-bond',
    ]);
    expect(report.findings[0].sentence).toBe(
      'SNAXX: the history sells more than it shows bought; treated as closed. (import of schwab.csv)',
    );
  });

  it('puts several decisions of one kind in one line', () => {
    const clamped = ['09070K200', 'FIHBX', 'SNAXX'].map((symbol) => ({
      importId: 1,
      fileName: 'schwab.csv',
      kind: 'history-clamped' as const,
      account: 'Brokerage',
      symbol,
      sentence: `${symbol}: …`,
    }));
    const snaxx = pos('SNAXX', 3706.38, 1, { asOf: '2026-12-02', accountName: 'Brokerage' });
    const [finding] = check({ positions: [snaxx], importFindings: clamped }).findings.filter((f) => f.code.startsWith('import-'));
    expect(finding).toMatchObject({
      code: 'import-history-clamped',
      severity: 'warning',
      positionIds: [snaxx.id],
      symbols: ['09070K200', 'FIHBX', 'SNAXX'],
      sentence:
        '3 holdings (09070K200, FIHBX, SNAXX) sold beyond what the imported history shows bought were treated as closed (the history starts mid-way) (import of schwab.csv).',
    });
  });

  it('flags figures from history that ends long before the day they are for', () => {
    expect(staleHistoryFinding('Risk figures', '2025-04-04', '2026-12-03')).toMatchObject({
      code: 'stale-history',
      severity: 'warning',
      sentence: 'Risk figures use prices up to 2025-04-04, 608 days before 2026-12-03.',
    });
    expect(staleHistoryFinding('Risk figures', '2026-11-30', '2026-12-03')).toBeNull();
    expect(staleHistoryFinding('Risk figures', '2026-11-20', '2026-12-03', 30)).toBeNull();
  });

  it('counts days across months and spans dates', () => {
    expect(daysBetween('2026-11-30', '2026-12-03')).toBe(3);
    expect(daysBetween('2026-12-03', '2026-11-30')).toBe(-3);
    expect(spanOf([null, '2026-02-01', undefined, '2025-12-31'])).toEqual({ oldest: '2025-12-31', newest: '2026-02-01' });
    expect(spanOf([])).toBeNull();
  });
});

describe('story: index funds a currency shock reaches through the currency they trade in', () => {
  // A British investor's S&P 500 ETF in pence, a Dutch listing of MSCI World in euros, an international index fund in
  // dollars, and two that trade in the currency of what they hold.
  const fx = [
    { currency: 'GBP', quote: 'USD', rate: 1.25, asOf: today, source: 'test' },
    { currency: 'EUR', quote: 'USD', rate: 1.1, asOf: today, source: 'test' },
  ];
  const book = prepareBook(
    [
      pos('VUSA.L', 100, 9_000, { currency: 'GBp' }),
      pos('IWDA.AS', 10, 100, { currency: 'EUR' }),
      pos('FTIHX', 50, 15),
      pos('FXAIX', 5, 200),
      pos('VWRA.L', 3, 150),
    ],
    'USD',
    reference([], [], fx),
  );
  const findingsOf = (s: ReturnType<typeof scenario>) => scenarioFindings(scenarioHealthOf(s, runScenario(book, s), book), null);

  it('names each, with what it trades in and where its assets are, when the scenario moves a currency', () => {
    const finding = findingsOf(scenario([{ target: 'currency', value: 'USD', change: 0.1 }], 'usd-plus-10')).find(
      (f) => f.code === 'currency-through-trading',
    )!;
    expect(finding).toMatchObject({ code: 'currency-through-trading', severity: 'warning' });
    expect(finding.sentence).toBe(
      '"usd-plus-10" moves a currency, which reaches VUSA.L (trades in GBP, assets in US dollars), IWDA.AS (trades in EUR, ' +
        'assets mostly in US dollars) and FTIHX (trades in USD, assets in currencies other than the US dollar) through the ' +
        'currency they trade in, not through the currencies of their assets: their currency gain or loss here can be far from the real one.',
    );
  });

  it('says nothing when no currency moves, or when a replay moves each fund by its own history; a propagated run still says it', () => {
    expect(findingsOf(scenario([{ target: 'market', value: 'market', change: -0.1 }])).map((f) => f.code)).not.toContain(
      'currency-through-trading',
    );
    const gbp = scenario([{ target: 'currency', value: 'GBP', change: -0.05 }]);
    const ran = (mode: 'replay' | 'propagation') => ({
      ...runScenario(book, gbp),
      history: { mode, from: '2025-01-24', to: '2025-01-27', method: '', notes: [] },
    });
    const codesOf = (mode: 'replay' | 'propagation') => scenarioFindings(scenarioHealthOf(gbp, ran(mode), book), null).map((f) => f.code);
    expect(codesOf('replay')).not.toContain('currency-through-trading');
    expect(codesOf('propagation')).toContain('currency-through-trading');
  });

  it('reads where an index fund’s assets are priced from the index it follows', () => {
    const where = (symbol: string) => assetsCurrency(indexFund(symbol)!);
    expect(['FXAIX', 'VTSAX', 'SWPPX', 'FXNAX', 'VUSA.L', 'EQQQ.DE'].map(where)).toEqual(Array(6).fill('in US dollars'));
    expect(['VWRL.L', 'IWDA.AS', 'VWCE.DE'].map(where)).toEqual(Array(3).fill('mostly in US dollars'));
    expect(['FTIHX', 'VTIAX', 'SWISX'].map(where)).toEqual(Array(3).fill('in currencies other than the US dollar'));
  });
});

describe('story: options held far from the model’s value', () => {
  const call = pos('NVDA  250919C00130000', 2, 9.1, { assetClass: 'other', multiplier: 100 });
  const put = pos('QQQ   250620P00450000', -2, 615, { assetClass: 'other', multiplier: 100 });
  const labels = new Map([
    [call.id, 'NVDA 19 Sep 2025 130 C'],
    [put.id, 'QQQ 20 Jun 2025 450 P'],
  ]);
  /** The option findings of a book holding `positions`, `option` held at `value` where the model says `modelValue`. */
  const optionFindings = (positions: Position[], option: Position, value: number, modelValue: number, multiplier = 100) =>
    checkHealth({
      positions,
      baseCurrency: 'USD',
      reference: ref,
      today,
      optionValues: [
        {
          positionId: option.id,
          symbol: option.symbol,
          label: labels.get(option.id)!,
          underlying: option.symbol.slice(0, 4).trim(),
          value,
          modelValue,
          multiplier,
          currency: 'USD',
        },
      ],
    }).findings.filter((f) => f.code.startsWith('option-'));
  const check = (value: number, modelValue: number, multiplier = 100) => optionFindings([call], call, value, modelValue, multiplier);

  it('blocks one held at about 1/100 of the model’s value: a premium per share entered per contract', () => {
    const [finding] = check(18.2, 1_702.4);
    expect(finding).toMatchObject({ code: 'option-price-per-share', severity: 'blocking', positionIds: [call.id] });
    expect(check(18.2, 1_702.4, 10).map((f) => f.code)).toEqual(['option-value-apart']);
  });

  it('warns of one more than 5× from the model either way, and says nothing of one near it, a written one included', () => {
    expect(check(1_000, 6_000).map((f) => `${f.severity}:${f.code}`)).toEqual(['warning:option-value-apart']);
    expect(check(1_000, 150).map((f) => f.code)).toEqual(['option-value-apart']);
    expect(check(1_820, 1_702.4)).toEqual([]);
    expect(check(1_000, 4_900)).toEqual([]);
    expect(optionFindings([put], put, -1_230, -1_400)).toEqual([]);
  });

  it('lets a gap that weighs little in the book pass (a far out-of-the-money price off the model), never the per-share slip', () => {
    const shares = pos('AAPL', 500, 200);
    const inBook = (value: number, modelValue: number) => optionFindings([shares, call], call, value, modelValue);
    // $45 apart in a $100,018 book: 0.05%.
    expect(inBook(50, 5)).toEqual([]);
    // $2,500 apart (6×): 2.5% of the book.
    expect(inBook(3_000, 500).map((f) => f.code)).toEqual(['option-value-apart']);
    expect(inBook(18.2, 1_702.4).map((f) => f.code)).toEqual(['option-price-per-share']);
  });
});
