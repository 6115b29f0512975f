import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchKey, nameKey, nameResolver, securityNameIn, type NameMatch } from '../../../shared/import/names';
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

// Exports of ten more brokers (test/fixtures/import/presets/PROVENANCE.md: Scalable Capital's is a public sample copied
// unchanged, the others are written to each broker's documented columns). Each row below is one holding as
// [account, symbol, quantity, last price, currency, cost basis]; cash rows carry their balance as the quantity.
// Every figure is worked out by hand from the file's rows (see the comments).
const positionsOf = (p: ImportPreview) =>
  p.positions.map((x) => [
    x.account,
    x.symbol,
    Math.round(x.quantity * 1e6) / 1e6,
    x.price,
    x.currency,
    x.costBasis === null ? null : Math.round(x.costBasis * 100) / 100,
  ]);

describe('presets for Robinhood, E*TRADE, Merrill, Webull, ii, Scalable Capital, Nordnet, Questrade and Wealthsimple', () => {
  it.each([
    [
      // AAPL 5 − 2 @ 180 (cost 925 × 3/5); VOO 2 @ 430.50; NVDA 0.4 + 3.6 from the 10:1 split (SPL) @ 1,200 / 10.
      // Cash from $0: 5 − 5 (GOLD fee) + 2,000 (ACH) − 925 − 861 + 1.20 (CDIV) + 360 − 480 + 0.35 (INT) = 95.55.
      'presets/robinhood.csv',
      'robinhood',
      { new: 10, skipped: 1, invalid: 0 },
      [
        ['Robinhood', 'AAPL', 3, 180, 'USD', 555],
        ['Robinhood', 'NVDA', 4, 120, 'USD', 480],
        ['Robinhood', 'VOO', 2, 430.5, 'USD', 861],
        ['Robinhood', 'USD', 95.55, 1, 'USD', null],
      ],
    ],
    [
      // MSFT 10 − 4 @ 405 (cost 3,750 × 6/10); VTSAX 50 + 0.5 reinvested at 60.50 / 0.5 = 121 (cost 5,750 + 60.50).
      // Cash: 10,000 − 3,750 − 5,750 + 0.84 + 1,619.80 + 60.50 − 60.50 = 2,120.64.
      'presets/etrade.csv',
      'etrade',
      { new: 7, skipped: 1, invalid: 0 },
      [
        ['E*TRADE', 'MSFT', 6, 405, 'USD', 2250],
        ['E*TRADE', 'VTSAX', 50.5, 121, 'USD', 5810.5],
        ['E*TRADE', 'USD', 2120.64, 1, 'USD', null],
      ],
    ],
    [
      // AAPL 10 − 3 @ 188.50 (cost 1,850 × 7/10); VTI 20 @ 236.40. Cash: 7,000 − 1,850 − 4,728 + 565.49 + 12.34.
      'presets/merrill.csv',
      'merrill',
      { new: 5, skipped: 0, invalid: 0 },
      [
        ['Retirement (12X-34567)', 'AAPL', 7, 188.5, 'USD', 1295],
        ['Retirement (12X-34567)', 'VTI', 20, 236.4, 'USD', 4728],
        ['Retirement (12X-34567)', 'USD', 999.83, 1, 'USD', null],
      ],
    ],
    [
      // Filled quantities at the average fill price: AAPL 10 − 4 @ 192; SPY 3; TSLA 2 of 5 (partly filled); the
      // cancelled TSLA order is skipped. Orders carry no cash.
      'presets/webull.csv',
      'webull',
      { new: 4, skipped: 1, invalid: 0 },
      [
        ['Webull', 'AAPL', 6, 192, 'USD', 1111.2],
        ['Webull', 'SPY', 3, 480.1, 'USD', 1440.3],
        ['Webull', 'TSLA', 2, 180, 'USD', 360],
      ],
    ],
    [
      // B… references buy, S… sell: VOD 1,000 − 400 @ £0.7215 (cost 1,000 × £0.6954 × 6/10 = 417.24);
      // VHYL 30 @ £55.10. Cash is the last running balance, £1,250.35.
      'presets/interactive-investor.csv',
      'interactive-investor',
      { new: 7, skipped: 0, invalid: 0 },
      [
        ['Interactive Investor', 'VHYL', 30, 55.1, 'GBP', 1653],
        ['Interactive Investor', 'VOD', 600, 0.7215, 'GBP', 417.24],
        ['Interactive Investor', 'GBP', 1250.35, 1, 'GBP', null],
      ],
    ],
    [
      // Savings-plan shares summed per ISIN at the last price; no cash: the history's first row is a purchase before
      // any deposit, so it does not start from zero.
      'presets/scalable-capital.csv',
      'scalable-capital',
      { new: 27, skipped: 0, invalid: 0 },
      [
        ['Scalable Capital', 'IE0005042456', 15.966, 10.224, 'EUR', 149.99],
        ['Scalable Capital', 'IE00B0M63284', 9.82, 30.285, 'EUR', 299.94],
        ['Scalable Capital', 'IE00B1W57M07', 8.072, 21.395, 'EUR', 149.98],
        ['Scalable Capital', 'IE00B4NCWG09', 6.049, 30.492, 'EUR', 149.97],
        ['Scalable Capital', 'IE00B4ND3602', 4.735, 56.215, 'EUR', 224.95],
        ['Scalable Capital', 'IE00B5BMR087', 0.461, 588.66, 'EUR', 224.05],
        ['Scalable Capital', 'IE00BMX0B524', 7.311, 20.062, 'EUR', 149.97],
      ],
    ],
    [
      // UTF-16, tabs, Swedish, decimal commas: INVE B 20 − 5 @ 240 (cost 20 × 230.50 × 15/20); EVO 10 @ 1,150.
      // Cash is the last Saldo, 5,127 SEK.
      'presets/nordnet-transactions.csv',
      'nordnet',
      { new: 5, skipped: 0, invalid: 0 },
      [
        ['12345678', 'SE0012673267', 10, 1150, 'SEK', 11500],
        ['12345678', 'SE0015811963', 15, 240, 'SEK', 3457.5],
        ['12345678', 'SEK', 5127, 1, 'SEK', null],
      ],
    ],
    [
      // CON and DEP deposits; XEQT.TO 100 − 40 @ 29.80; AAPL 10 @ 185. CAD: 10,000 − 2,850 + 1,192 + 15.23 (a row with
      // no action, named by its activity type "Dividends"); USD: 2,000 − 1,854.95.
      'presets/questrade.csv',
      'questrade',
      { new: 6, skipped: 0, invalid: 0 },
      [
        ['Individual TFSA (51234567)', 'AAPL', 10, 185, 'USD', 1850],
        ['Individual TFSA (51234567)', 'XEQT.TO', 60, 29.8, 'CAD', 1710],
        ['Individual TFSA (51234567)', 'CAD', 8357.23, 1, 'CAD', null],
        ['Individual TFSA (51234567)', 'USD', 145.05, 1, 'USD', null],
      ],
    ],
    [
      // XEQT 100 + 0.4 (DRIP) @ 31; VFV 10 − 4 @ 155.50. Cash: 5,000 − 3,025 − 1,501 + 12.40 − 12.40 + 622 + 1.23.
      'presets/wealthsimple.csv',
      'wealthsimple',
      { new: 7, skipped: 1, invalid: 0 },
      [
        ['TFSA (HQ1A2B3C4CAD)', 'VFV', 6, 155.5, 'CAD', 900.6],
        ['TFSA (HQ1A2B3C4CAD)', 'XEQT', 100.4, 31, 'CAD', 3037.4],
        ['TFSA (HQ1A2B3C4CAD)', 'CAD', 1097.23, 1, 'CAD', null],
      ],
    ],
  ] as const)('%s → %s', (file, format, counts, expected) => {
    const p = preview(file);
    expect(p.format).toBe(format);
    expect(p.counts).toMatchObject(counts);
    expect(positionsOf(p)).toEqual(expected);
    // Every one names its currency: from the file, or the broker's own (US and UK brokers).
    expect(p.currencyAssumed).toBeUndefined();
  });

  it("reads E*TRADE's 2025 All Transactions layout through the same preset", () => {
    // Written to the layout named in public parsers (Activity/Trade Date … Amount $, Category, Note); MSFT 10 − 4 @ 405,
    // cash 10,000 − 3,750 + 1,619.80.
    const text =
      'Activity/Trade Date,Transaction Date,Settlement Date,Activity Type,Description,Symbol,Cusip,Quantity #,Price $,Amount $,Commission,Category,Note\n' +
      '01/05/2024,01/05/2024,01/05/2024,Transfer,ACH DEPOSIT,--,--,0,--,10000.00,0,--,--\n' +
      '01/08/2024,01/08/2024,01/10/2024,Bought,MICROSOFT CORP,MSFT,594918104,10,375.00,-3750.00,0,--,--\n' +
      '02/20/2024,02/20/2024,02/22/2024,Sold,MICROSOFT CORP,MSFT,594918104,-4,405.00,1619.80,0.20,--,--\n';
    const result = buildPreview(text, { fileName: 'DownloadTxnHistory.csv' });
    expect(result.ok && [result.preview.format, positionsOf(result.preview)]).toEqual([
      'etrade',
      [
        ['E*TRADE', 'MSFT', 6, 405, 'USD', 2250],
        ['E*TRADE', 'USD', 7869.8, 1, 'USD', null],
      ],
    ]);
  });

  it('lists what a preset skips with its reason', () => {
    const reasons = (file: string) =>
      preview(file)
        .rows.filter((r) => r.status === 'skipped')
        .map((r) => r.reason);
    expect(reasons('presets/webull.csv')).toEqual(['an order that was not filled ("Cancelled")']);
    expect(reasons('presets/robinhood.csv')).toEqual(['total, note or footer line']);
  });

  it('skips a pending Merrill transaction and reads Nordnet headers in Danish, Norwegian and Finnish', () => {
    const merrill = fixtureText('presets/merrill.csv').replace(
      '"Settled","Retirement","IRRA-Edge","12X-34567","SecurityTransactions","Sale ',
      '"Pending","Retirement","IRRA-Edge","12X-34567","SecurityTransactions","Sale ',
    );
    const p = buildPreview(merrill, { fileName: 'merrill.csv' });
    expect(p.ok && p.preview.positions.find((x) => x.symbol === 'AAPL')?.quantity).toBe(10);
    expect(p.ok && p.preview.rows.find((r) => r.status === 'skipped')?.reason).toBe('a pending transaction, not yet settled ("Pending")');
    for (const header of [
      'Id;Bogføringsdag;Handelsdag;Valørdag;Depot;Transaktionstype;Værdipapirer;ISIN;Antal;Kurs;Rente;Samlede afgifter;Valuta;Beløb;Valuta',
      'Id;Bokføringsdag;Handelsdag;Oppgjørsdag;Portefølje;Transaksjonstype;Verdipapir;ISIN;Antall;Kurs;Rente;Totale Avgifter;Valuta;Beløp;Valuta',
      'Id;Kirjauspäivä;Kauppapäivä;Maksupäivä;Salkku;Tapahtumatyyppi;Arvopaperi;ISIN;Määrä;Kurssi;Korko;Kokonaiskulut;Valuutta;Summa;Valuutta',
    ]) {
      const text = `${header}\n1;2024-01-05;2024-01-03;2024-01-05;9876543;KØBT;NOVO B;DK0062498333;5;720,3;;29;DKK;-3630,5;DKK\n`;
      const result = buildPreview(text, { fileName: 'nordnet.csv' });
      expect(result.ok && [result.preview.format, positionsOf(result.preview)]).toEqual([
        'nordnet',
        [['9876543', 'DK0062498333', 5, 720.3, 'DKK', 3601.5]],
      ]);
    }
  });
});

describe('Fidelity core account', () => {
  it('does not count a redemption from the core fund as cash on top of the trade it paid for', () => {
    // 5,000 in; AAPL bought for 1,000, paid by redeeming 1,000 of the core fund: cash 4,000, not 5,000.
    const text =
      fixtureText('fidelity-activity.csv').split('\n').slice(0, 3).join('\n') +
      '\n10/02/2024,REDEMPTION FROM CORE ACCOUNT FIDELITY GOVERNMENT MONEY MARKET (SPAXX) (Cash),SPAXX,FIDELITY GOVERNMENT MONEY MARKET,Cash,-1000,1,,,,1000.00,' +
      '\n10/02/2024,YOU BOUGHT APPLE INC (AAPL) (Cash),AAPL,APPLE INC,Cash,5,200.00,,,,-1000.00,10/03/2024' +
      '\n09/01/2024,ELECTRONIC FUNDS TRANSFER RECEIVED (Cash), ,No Description,Cash,0.000,,,,,5000.00,\n';
    const result = buildPreview(text, { fileName: 'history.csv' });
    expect(result.ok && result.preview.positions.map((x) => [x.symbol, x.quantity])).toEqual([
      ['AAPL', 5],
      ['USD', 4000],
    ]);
    expect(result.ok && result.preview.rows.find((r) => r.status === 'skipped' && r.row === 4)?.reason).toMatch(
      /^"REDEMPTION FROM CORE ACCOUNT/,
    );
  });
});

// Hargreaves Lansdown's capital transaction history names each security only by free text ("Vodafone Group plc
// Ordinary USD0.2095238 1000 @ 69.54"): no ticker, SEDOL or ISIN. The fixture is written to the layout documented by
// thomas-mcdonald/snowball-hl (test/fixtures/import/presets/PROVENANCE.md), not a real export.
describe('Hargreaves Lansdown', () => {
  const hl = (resolveName?: (name: string) => NameMatch) => {
    const result = buildPreview(fixtureText('presets/hargreaves-lansdown.csv'), { fileName: 'hl.csv', resolveName });
    if (!result.ok) throw new Error(result.error.message);
    return result.preview;
  };
  // The bundled security master's names, and two listings of Vodafone a user's market data could add.
  const master = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../resources/reference/securities.json'), 'utf8')) as {
    rows: [string, string][];
  };
  const resolveName = nameResolver([
    ...master.rows.map(([symbol, name]) => ({ symbol, name })),
    { symbol: 'VOD', name: 'Vodafone Group Plc' },
    { symbol: 'VOD.L', name: 'Vodafone Group Public Limited Company' },
  ]);
  // Prices are in pence ("Unit cost (p)"), values in pounds. Vodafone 1,000 − 400 @ 72.15p = £0.7215 (cost 1,000 ×
  // £0.6954 × 6/10 = 417.24); the Vanguard fund 5 @ 44,955.9738p = £449.559738 (cost 2,247.80); Microsoft 4 @
  // 29,800p = £298 (cost 1,192); Alphabet 2 @ 11,250p = £112.50 (cost 225). Cash from £0: 5,000 + 500 − 706.35 −
  // 2,247.80 − 1,203.95 − 236.95 + 277.65 − 3.75 (fee) + 0.42 (interest) = 1,379.27.
  const gbp = ['Hargreaves Lansdown', 'GBP', 1379.27, 1, 'GBP', null];

  it('keeps each holding under its description when the master has no security of that name', () => {
    const p = hl();
    expect([p.format, p.counts]).toEqual(['hargreaves-lansdown', { rows: 13, new: 9, duplicate: 0, invalid: 0, skipped: 4 }]);
    expect(positionsOf(p)).toEqual([
      ['Hargreaves Lansdown', 'ALPHABET INC CLASS A CO 026AB371', 2, 112.5, 'GBP', 225],
      ['Hargreaves Lansdown', 'MICROSOFT CORPORATION C E3E6A6B1', 4, 298, 'GBP', 1192],
      ['Hargreaves Lansdown', 'VANGUARD FTSE DEVELOPED 7F8A06F1', 5, 449.559738, 'GBP', 2247.8],
      ['Hargreaves Lansdown', 'VODAFONE GROUP PLC ORDI C2C57A54', 600, 0.7215, 'GBP', 417.24],
      gbp,
    ]);
    expect(p.positions.map((x) => x.name).slice(0, 4)).toEqual([
      'Alphabet Inc Class A Com Stk USD0.001',
      'Microsoft Corporation Comm Stk US$ 0.0000125',
      'Vanguard FTSE Developed World ex-UK Equity Index Accumulation',
      'Vodafone Group plc Ordinary USD0.2095238',
    ]);
    expect(p.findings.map((f) => [f.kind, f.symbol])).toEqual([
      ['named-by-description', 'ALPHABET INC CLASS A CO 026AB371'],
      ['named-by-description', 'MICROSOFT CORPORATION C E3E6A6B1'],
      ['named-by-description', 'VANGUARD FTSE DEVELOPED 7F8A06F1'],
      ['named-by-description', 'VODAFONE GROUP PLC ORDI C2C57A54'],
    ]);
    expect(p.findings[3].sentence).toBe(
      'VODAFONE GROUP PLC ORDI C2C57A54: Hargreaves Lansdown capital transaction history files name a security only by its description ("Vodafone Group plc Ordinary USD0.2095238"), with no ticker, SEDOL or ISIN, and no security in the security master has that name; it was kept under its description, unclassified (no sector, country or theme). Change its symbol to the ticker (such as VOD.L) in Holdings to classify and price it; later imports then give that name the same symbol.',
    );
  });

  it('takes the symbol of the one master security whose name fits, and never guesses between several', () => {
    const p = hl(resolveName);
    // Microsoft → MSFT ("Microsoft"); Vodafone fits VOD and VOD.L: the London listing, as HL quotes in pence; Alphabet
    // Class A fits GOOG and GOOGL alike once the class is folded away, so it stays under its description.
    expect(positionsOf(p)).toEqual([
      ['Hargreaves Lansdown', 'ALPHABET INC CLASS A CO 026AB371', 2, 112.5, 'GBP', 225],
      ['Hargreaves Lansdown', 'MSFT', 4, 298, 'GBP', 1192],
      ['Hargreaves Lansdown', 'VANGUARD FTSE DEVELOPED 7F8A06F1', 5, 449.559738, 'GBP', 2247.8],
      ['Hargreaves Lansdown', 'VOD.L', 600, 0.7215, 'GBP', 417.24],
      gbp,
    ]);
    expect(p.findings.map((f) => f.symbol)).toEqual(['ALPHABET INC CLASS A CO 026AB371', 'VANGUARD FTSE DEVELOPED 7F8A06F1']);
    expect(p.findings[0].sentence).toContain('the security master has several securities of that name (GOOG, GOOGL), so none was chosen');
    expect(p.warnings).toContain(
      '2 holdings were matched to the security master by name alone (Hargreaves Lansdown capital transaction history files carry no ticker or ISIN): "Microsoft Corporation Comm Stk US$ 0.0000125" → MSFT; "Vodafone Group plc Ordinary USD0.2095238" → VOD.L. Check them in the preview.',
    );
  });

  it('compares names without case, punctuation, legal form or share class', () => {
    expect(securityNameIn('Vanguard FTSE Developed World ex-UK Equity Index Accumulation (GBP) 1 @  44955.97380')).toBe(
      'Vanguard FTSE Developed World ex-UK Equity Index Accumulation',
    );
    expect(securityNameIn('Ocado Group plc Ordinary 2p 39.5 @  2000.315')).toBe('Ocado Group plc Ordinary 2p');
    expect(matchKey('Vodafone Group plc Ordinary USD0.2095238')).toBe(matchKey('VODAFONE GROUP PUBLIC LIMITED COMPANY'));
    expect(matchKey('Shopify Inc NPV')).toBe(matchKey('Shopify Inc.'));
    expect(resolveName('Shopify Inc NPV')).toEqual({ symbol: 'SHOP', candidates: ['SHOP'] });
    // A near name is no match: Income and Accumulation units are different funds.
    const funds = nameResolver([{ symbol: 'VDWXA', name: 'Vanguard FTSE Developed World ex-UK Equity Index Accumulation' }]);
    expect(funds('Vanguard FTSE Developed World ex-UK Equity Index Income')).toEqual({ candidates: [] });
    // Two long names that share their first 32 characters keep two keys.
    expect(nameKey('Vanguard FTSE Developed World ex-UK Equity Index Income')).not.toBe(
      nameKey('Vanguard FTSE Developed World ex-UK Equity Index Accumulation'),
    );
    expect(nameKey('Shopify Inc NPV')).toBe('SHOPIFY INC NPV');
  });
});
