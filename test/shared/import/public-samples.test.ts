import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../shared/import/decode';
import { headerLanguage } from '../../../shared/import/headers';
import { buildPreview } from '../../../shared/import/pipeline';
import type { ImportPreview, PipelineOptions } from '../../../shared/import/types';
import { FIXTURES } from '../../helpers/fixtures';

// Public sample exports of brokers no preset was written for (see test/fixtures/import/public/PROVENANCE.md);
// every one goes through the generic path. The expected holdings are worked out by hand from the rows.
const read = (name: string) => decodeBytes(fs.readFileSync(path.join(FIXTURES, 'public', name))).text;
function preview(name: string, options: Partial<PipelineOptions> = {}): ImportPreview {
  const result = buildPreview(read(name), { fileName: name, ...options });
  if (!result.ok) throw new Error(result.error.message);
  expect(result.preview.format).toBe('generic');
  return result.preview;
}
const holdings = (p: ImportPreview) =>
  p.positions
    .filter((x) => x.assetClass !== 'cash')
    .map((x) => [
      x.account,
      x.symbol,
      Math.round(x.quantity * 1e6) / 1e6,
      x.price === null ? null : Math.round(x.price * 1e4) / 1e4,
      x.currency,
    ]);

describe('public sample exports, read by the generic path', () => {
  it('Avanza (Swedish, ";", decimal commas): Köp/Sälj, a USD instrument bought with SEK keeps its USD price', () => {
    const p = preview('avanza-export.csv');
    expect(holdings(p)).toEqual([
      ['8346000', 'SE0004841500', 6.3572, 191.1203, 'SEK'],
      ['Investments', 'SE0007126000', 2, 890.47, 'SEK'],
      ['Savings', 'US78409V1044', 2, 330.16, 'USD'],
    ]);
    // "Övrigt" rows that move money are listed with their amount, not passed over as moving nothing.
    expect(p.rows.find((r) => r.row === 15)).toMatchObject({
      status: 'skipped',
      reason: 'the action "Övrigt" is not one Aftershock knows, so its amount -26 SEK was not applied to cash',
    });
    expect(p.findings.map((f) => f.kind)).toEqual(['history-clamped', 'cash-not-derived', 'cash-not-derived']);
  });

  it('Trade Republic (Dutch, Aankoop/Verkoop/Onttrekking mixed with English rows): prices from value ÷ quantity', () => {
    const p = preview('traderepublic-export.csv', { defaultCurrency: 'EUR', isCurrencyChosen: true });
    // IE00BKX55T58: 0.052361 + 0.05198 bought, 0.104341 sold; Tesla sold without a buy (clamped).
    expect(holdings(p)).toEqual([
      ['Imported', 'LU1829221024', 0.2989, 83.64, 'EUR'],
      ['Imported', 'SI0031102120', 5, 138.05, 'EUR'],
    ]);
    expect(p.counts).toMatchObject({ new: 9, invalid: 0, skipped: 0 });
    expect(p.warnings.some((w) => w.startsWith('The file names no currency'))).toBe(false);
  });

  it('Disnat (French, Canadian): ACHAT/VENTE, CAN read as CAD, the settlement date where the trade date is "-"', () => {
    const p = preview('disnat-export.csv');
    // CASH-C: 2 + 10 bought, 10 sold. Disnat's "-C" (a Canadian listing) becomes the Toronto symbol.
    expect(holdings(p)).toEqual([
      ['Imported', 'CASH.TO', 2, 50, 'CAD'],
      ['Imported', 'DMEC.TO', 5, 25.46, 'CAD'],
      ['Imported', 'DMQC.TO', 2, 20.86, 'CAD'],
      ['Imported', 'HURA.TO', 10, 45.23, 'CAD'],
      ['Imported', 'VEQT.TO', 10, 49.38, 'CAD'],
    ]);
    expect(p.counts).toMatchObject({ new: 22, invalid: 0, skipped: 1 });
    expect(p.rows.find((r) => r.status === 'skipped')?.reason).toBe(
      'the action "RÉSILIATION" is not one Aftershock knows, so its amount -500 CAD was not applied to cash',
    );
  });

  it('Saxo: "Trade" rows with "Buy 3 @ 139.74 USD" in the Event column, TICKER:market symbols, a Dutch "Koop 1.5 @ 110.01 EUR"', () => {
    const p = preview('saxo-export.csv');
    // VWRA: 3 + 3 + 17 + 3 + 2 + 2 + 2 bought, 3 sold.
    expect(holdings(p)).toEqual([
      ['Imported', 'AMZN', 2, 220, 'USD'],
      ['Imported', 'META', 1, 589.16, 'USD'],
      ['Imported', 'NVDA', 3, 134.85, 'USD'],
      ['Imported', 'VUSA.AS', 1.5, 110.01, 'EUR'],
      ['Imported', 'VWRA.L', 29, 139.74, 'USD'],
    ]);
    expect(p.positions.find((x) => x.symbol === 'VWRA.L')?.name).toBe('Vanguard FTSE All-World UCITS ETF');
    // Dividends and custody fees are named in the Event column when the Type says only "Corporate action" / "Cash amount".
    expect(p.counts).toMatchObject({ new: 30, invalid: 0, skipped: 0 });
  });

  it('XTB: the quantity only in the comment ("OPEN BUY 34/42.5658 @ 11.7480")', () => {
    const p = preview('xtb-export.csv');
    // The file names no currency; SPYL.DE is the Xetra listing, priced in euros (34 × 11.748 = 399.43, the row's amount).
    expect(holdings(p).find((h) => h[1] === 'SPYL.DE')).toEqual(['Imported', 'SPYL.DE', 214.5658, 11.747, 'EUR']);
    // XTB's country suffixes become market-data symbols: GOOGL.US is GOOGL, CSPX.UK is CSPX.L (.DE is Xetra already).
    expect(holdings(p).map((h) => h[1])).toEqual(['CSPX.L', 'FLOA.L', 'GOOGL', 'SPYL.DE', 'ZAL.DE']);
    // One row carries a mistyped date ("010.09.2024"): it is named, not guessed.
    expect(p.rows.filter((r) => r.status === 'invalid').map((r) => [r.row, r.column, r.reason])).toEqual([
      [43, 'Time', 'expected a date such as 10/14/2024 or 2024-10-14, found "010.09.2024 20:49:02"'],
    ]);
    expect(p.warnings).toContain(
      'The file names no currency, so its amounts were taken as USD (no currency was known for it); if they are in another currency, import it with --currency CODE (or choose the currency in the preview), or map its column with --map currency=COLUMN.',
    );
    // The preview says so in a form the screen can ask about.
    expect(p.currencyAssumed).toEqual({ currency: 'USD', source: 'default' });
  });

  it('Directa (Italian, preamble): Acquisto/Vendita, and Provento, Cedola, Conferimento and Rit. rows classed', () => {
    const p = preview('directa-export.csv');
    // One purchase each on 02-12-2024, priced by Importe ÷ Quantità (196.33 / 39, 192.24 / 22, 126.53 / 3).
    expect(holdings(p)).toEqual([
      ['Imported', 'CNYB', 39, 5.0341, 'EUR'],
      ['Imported', 'EHYA', 36, 5.495, 'EUR'],
      ['Imported', 'EIMI', 4, 33.045, 'EUR'],
      ['Imported', 'ICOV', 3, 143.68, 'EUR'],
      ['Imported', 'IEMB', 2, 85.53, 'EUR'],
      ['Imported', 'IEVL', 22, 8.7382, 'EUR'],
      ['Imported', 'IWDP', 6, 23.28, 'EUR'],
      ['Imported', 'IWVL', 3, 42.1767, 'EUR'],
      ['Imported', 'SMEA', 2, 79.29, 'EUR'],
      ['Imported', 'SWDA', 1, 105.71, 'EUR'],
    ]);
    // Only the sample's invented "Pippo" row is an unknown action; its amount is named, not dropped.
    expect(p.rows.filter((r) => r.status === 'skipped' && r.reason.startsWith('the action')).map((r) => r.reason)).toEqual([
      'the action "Pippo" is not one Aftershock knows, so its quantity 200 AV was not applied to holdings, nor its amount 666 EUR to cash',
    ]);
  });

  it('eToro: AMD/USD-style symbols split into symbol and currency', () => {
    const p = preview('etoro-export.csv');
    expect(p.mapping.columns.symbol).toBe(2);
    expect(holdings(p).map((h) => h[1])).toEqual(['NKE', 'SLAB', 'SWKS']);
  });

  it("Swissquote: forex credit/debit legs and debits move cash; the balance column gives each currency's cash", () => {
    const p = preview('swissquote-export.csv');
    expect(p.positions.filter((x) => x.assetClass === 'cash').map((x) => [x.symbol, x.marketValue])).toEqual([
      ['CHF', 6612.4],
      ['EUR', 2937.32],
      ['USD', 166660.08],
    ]);
    expect(p.counts).toMatchObject({ new: 21, skipped: 0, invalid: 0 });
  });

  it('InvestEngine: "Name / ISIN" cells yield the ISIN; a history whose sale closes every buy is refused truthfully', () => {
    const result = buildPreview(read('investengine-export.csv'), { fileName: 'investengine-export.csv' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({
        code: 'nets-to-zero',
        message:
          'investengine-export.csv: the file was read, but every holding in it nets to zero shares, so there is nothing to import. If you still hold some, the history does not reach back to when they were bought: import a positions export instead, or a history from the account’s opening.',
      });
    const bought = buildPreview(read('investengine-export.csv').split('\n').slice(0, 5).join('\n'), { fileName: 'first-four.csv' });
    expect(bought.ok && bought.preview.positions.map((x) => [x.symbol, x.name, Math.round(x.quantity * 1e6) / 1e6, x.currency])).toEqual([
      // The file names no currency column, but writes its prices in pounds ("£110.79").
      ['IE00BK5BQT80', 'Vanguard FTSE All-World', 10.696127, 'GBP'],
    ]);
  });

  it('Rabobank (Dutch, ";", decimal commas): "Volume" is the quantity, Koop/Verkoop Fondsen, "Tarieven en services" a fee', () => {
    const p = preview('rabobank-export.csv');
    // NL0014065450: 1.2538 + 1.3699 bought, 1.2343 sold (written -1,2343); NL0014857104: 1.8726 + 0.7917 + 0.8761 bought.
    // The price is each fund's last trade (08-02-2024); the account is the "Portefeuille" number.
    expect(holdings(p)).toEqual([
      ['12345678', 'NL0014065450', 1.3894, 134.776, 'EUR'],
      ['12345678', 'NL0014857104', 3.5404, 84.2637, 'EUR'],
    ]);
    // Cash: the twelve "Bedrag" amounts, the fee -17.44 among them (two deposits of 250, two dividends 68.54 + 41.65).
    expect(p.positions.filter((x) => x.assetClass === 'cash').map((x) => [x.symbol, Math.round(x.marketValue! * 100) / 100])).toEqual([
      ['EUR', 121.3],
    ]);
    expect(p.counts).toMatchObject({ new: 12, invalid: 0, skipped: 0 });
  });

  it('Rabobank with its quantity column under a name no table knows: the refusal names the trades and the --map that reads them', () => {
    const renamed = read('rabobank-export.csv').replace(';Volume;', ';Stuks;');
    const result = buildPreview(renamed, { fileName: 'rabobank.csv' });
    expect(!result.ok && result.error).toMatchObject({
      code: 'unreadable-rows',
      message:
        'rabobank.csv, row 2 (no column holds the quantity): expected the number of shares bought, found nothing. This row and 5 more like it are the rows that could hold trades, and none could be read; the other rows move only cash, so nothing was imported. If "Stuks" holds the quantity, choose it with --map quantity=Stuks.',
      suggestions: ['--map quantity=Stuks'],
    });
    // The command it gives reads the file as the original is read.
    const mapped = buildPreview(renamed, { fileName: 'rabobank.csv', columns: { quantity: 'Stuks' } });
    expect(mapped.ok && holdings(mapped.preview)).toEqual([
      ['12345678', 'NL0014065450', 1.3894, 134.776, 'EUR'],
      ['12345678', 'NL0014857104', 3.5404, 84.2637, 'EUR'],
    ]);
  });

  it("Yahoo Finance portfolio export: the quantity, not the quote's trading volume; a .SW listing is in francs", () => {
    const p = preview('yahoo-finance-export.csv');
    expect(p.kind).toBe('positions');
    expect(holdings(p)).toEqual([
      ['Imported', 'VT', 1100, 91.455, 'USD'],
      ['Imported', 'CHDVD.SW', 232, 143.96, 'CHF'],
      ['Imported', 'CHSPI.SW', 252, 130.92, 'CHF'],
    ]);
    // VT names no market: its dollars are an assumption, and said to be one.
    expect(p.currencyAssumed).toEqual({ currency: 'USD', source: 'default' });
  });

  it('Investimental: an order log (each order at every change of its status) is refused, not read as trades', () => {
    const result = buildPreview(read('investimental-export.csv'), { fileName: 'investimental-export.csv' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({
        code: 'order-log',
        message:
          'investimental-export.csv: this is an order log, not a trade history: rows 2, 3, 4, 5 are all order 6750 ("Order ID"), listed at each change of its "Status" (Active, Inactive), so reading each row as a trade would count an order several times. Export the account\'s transactions (trades, dividends, deposits) or its positions instead.',
      });
    // Choosing the columns by hand cannot make it a trade history either.
    const mapped = buildPreview(read('investimental-export.csv'), { fileName: 'i.csv', columns: { quantity: 'Volume' } });
    expect(!mapped.ok && mapped.error.code).toBe('order-log');
  });

  it('Parqet (German app, ";", decimal commas): the ISINs of its "identifier" column name the holdings, not the WKNs', () => {
    const p = preview('parqet-export.csv');
    // IE00BM67HT60: nine buys, 0.078433 + 0.00036 + 1.162925 + 0.094894 + 0.10941 + 0.079526 + 0.103435 + 1.184974 +
    // 0.298613; LU2089238203: nine buys, 17.83803 + 0.250089 + 16.747613 + 17.050298 + 0.511508 + 17.190991 +
    // 17.655367 + 0.47846 + 17.510068. Prices of the last buys (02.08.2024).
    expect(holdings(p)).toEqual([
      ['Imported', 'IE00BM67HT60', 3.11257, 75.35, 'EUR'],
      ['Imported', 'LU2089238203', 105.232424, 28.03, 'EUR'],
    ]);
    expect(p.positions.find((x) => x.symbol === 'LU2089238203')?.name).toBe('Amundi Index Solutions Prime Global UCITS ETF - DR USD ACC');
    // Allianz and Fiverr are sold with no purchase in the file: named, not made short.
    expect(p.findings.filter((f) => f.kind === 'history-clamped')).toHaveLength(2);
    // Parqet writes amounts unsigned: the buys' 500 are money out.
    expect(p.warnings).toContain(
      'The file writes every amount without a sign; buys, fees and withdrawals were read as money out (18 rows).',
    );
  });

  it('finpension (BVG): "Portfolio Transaction" is a purchase by its signs, and "Currency Rate" is no currency', () => {
    const p = preview('finpension-bvg-export.csv');
    // 0.155 + 0.002 shares bought for -262.0368 and -3.38916 CHF.
    expect(holdings(p)).toEqual([['Imported', 'CH0429081620', 0.157, 1694.58, 'CHF']]);
    // The cash is in francs and ends at the last row's balance, 3.655006 (kept to the cent).
    expect(p.positions.filter((x) => x.assetClass === 'cash').map((x) => [x.symbol, Math.round(x.marketValue! * 1e4) / 1e4])).toEqual([
      ['CHF', 3.66],
    ]);
    expect(p.counts).toMatchObject({ new: 11, invalid: 0, skipped: 0 });
  });

  it("Ghostfolio's CSV: a dividend is shares × the amount per share, a fee the Fee column's amount", () => {
    const p = preview('ghostfolio-export.csv');
    expect(holdings(p)).toEqual([['Imported', 'MSFT', 5, 298.58, 'USD']]);
    // 5 × 0.62 = 3.10 of dividend; the "Account Opening Fee" of 49.
    expect(
      p.rows.filter((r) => r.record?.txClass === 'income' || r.record?.txClass === 'fee').map((r) => [r.row, r.record?.amount]),
    ).toEqual([
      [2, -49],
      [4, 3.1],
    ]);
    expect(p.counts).toMatchObject({ new: 4, invalid: 0, skipped: 0 });
  });

  it('True Wealth (CH robo-advisor): ISIN-keyed rows, same-day sells listed before the buys, a USD fund in a CHF account', () => {
    const p = preview('truewealth-export.csv');
    // Sold and bought back on 2024-10-06: IE0009YEDMC6 236 - 192, IE00B58FQX63 55 - 42, IE00BD8PH067 2207 - 1929,
    // IE00BDR5HM97 97 - 85; bought twice: CH0237935652 13 + 74, IE00B95PGT31 20 + 113, IE00B9F5YL18 65 + 365,
    // IE00BG04LZ52 19 + 106, IE00BJ0KDR00 32 + 180, IE00BKM4GZ66 48 + 276 (in dollars), LU0136234068 25 + 144.
    // US9229085538: 51 bought in April, 51 sold in September.
    expect(holdings(p)).toEqual([
      ['Imported', 'CH0237935652', 87, 144.32, 'CHF'],
      ['Imported', 'IE0005042456', 245, 9.0727, 'CHF'],
      ['Imported', 'IE0009YEDMC6', 44, 22.6, 'CHF'],
      ['Imported', 'IE00B58FQX63', 13, 76.41, 'CHF'],
      ['Imported', 'IE00B95PGT31', 133, 32.3508, 'CHF'],
      ['Imported', 'IE00B9F5YL18', 430, 22.9719, 'CHF'],
      ['Imported', 'IE00BD8PH067', 278, 3.0773, 'CHF'],
      ['Imported', 'IE00BDR5HM97', 12, 11.1196, 'CHF'],
      ['Imported', 'IE00BG04LZ52', 125, 132.24, 'CHF'],
      ['Imported', 'IE00BJ0KDR00', 212, 141.9414, 'CHF'],
      ['Imported', 'IE00BKM4GZ66', 324, 37.23, 'USD'],
      ['Imported', 'LU0136234068', 169, 46.5719, 'CHF'],
      ['Imported', 'LU1169819635', 73, 21.35, 'CHF'],
    ]);
    expect(p.findings.some((f) => f.kind === 'history-clamped')).toBe(false);
  });

  it('Revolut crypto: the currency written in each money cell (SEK, €), and rows it cannot apply named with their quantity', () => {
    const p = preview('revolut-crypto-export.csv');
    // BTC: 0.00056077 + 0.00001082 + 0.00069453 + 0.00027963 + 0.00009518 bought, 0.00001082 sold (Send and Receive
    // of 0.00056077 cancel out, and are listed). The last BTC buy is written "$105,058.55": a bare "$" names no
    // country, so its dollars stay the assumed USD. ETH: one buy at "€2,315.93".
    expect(holdings(p)).toEqual([
      ['Imported', 'BTC', 0.00163, 105058.55, 'USD'],
      ['Imported', 'ETH', 0.004318, 2315.93, 'EUR'],
    ]);
    expect(p.positions.filter((x) => x.assetClass !== 'cash').map((x) => x.quantity)).toEqual([
      expect.closeTo(0.00163011, 10),
      expect.closeTo(0.00431791, 10),
    ]);
    expect(p.rows.find((r) => r.row === 9)?.reason).toBe(
      'the action "Stake" is not one Aftershock knows, so its quantity 0.18580349 ETH was not applied to holdings, nor its amount 4493.77 SEK to cash',
    );
    expect(p.rows.find((r) => r.row === 11)?.reason).toBe(
      'the action "Staking reward" is not one Aftershock knows, so its quantity 0.00002061 ETH was not applied to holdings',
    );
  });

  it('UBS (Swiss German, ";"): "Valuta" is a date not the currency, "Instrumentenkategorie" no symbol, a "Storno" undoes a buy', () => {
    const p = preview('ubs-export.csv');
    // CH0033782431: 1.842 + 2.5 bought, the 2.5 reversed ("Storno", -2.5 shares) and booked again: 4.342. The trade date
    // is "Abschluss", not "Bewertungsdatum" (the export's date on every row); the currency is the filled "Whrg." column.
    // IE00B4L5Y983 (iShares Core MSCI World, in dollars; the app's ISIN table makes it IWDA.L): 6.25 bought, 3 sold.
    expect(holdings(p)).toEqual([
      ['0210 00012345 R800', 'CH0033782431', 4.342, 200.104, 'CHF'],
      ['0210 00012345 R800', 'CH0189956813', 0.415, 2410.55, 'CHF'],
      ['0210 00012345 R800', 'IE00B4L5Y983', 3.25, 105.2, 'USD'],
    ]);
    expect(p.rows.find((r) => r.row === 6)?.record).toMatchObject({ txClass: 'sell', quantity: -2.5, amount: 500, date: '2026-03-26' });
    // Buys are written as positive amounts (money out); the history starts with buys, not from zero: no cash made up.
    expect(p.positions.filter((x) => x.assetClass === 'cash')).toEqual([]);
    expect(p.findings.map((f) => f.kind)).toEqual(['cash-not-derived', 'cash-not-derived']);
  });

  it('flatex (German, ";"): letters lost as "\uFFFD" are no binary data, the unnamed column after "Betrag" is its currency, Storno reverses', () => {
    const p = preview('flatex-export.csv');
    // IE00B3RBWM25: 0.236252 + 1.493875 bought; IE00BK5BQT80: 1.481262 + 2.221893 bought, both cancelled ("Storno
    // Ausführung ORDER Kauf", written with minus signs) and 1.481262 booked again. Prices and amounts in euros ("EUR"
    // under the blank names after "Betrag" and "Kurs").
    expect(holdings(p)).toEqual([
      ['Imported', 'IE00B1XNHC34', 3.85862, 6.48, 'EUR'],
      ['Imported', 'IE00B3RBWM25', 1.730127, 133.88, 'EUR'],
      ['Imported', 'IE00BK5BQT80', 1.481262, 135.02, 'EUR'],
    ]);
    expect(p.rows.filter((r) => r.record?.txClass === 'sell').map((r) => [r.row, r.record?.quantity, r.record?.amount])).toEqual([
      [7, -2.221893, 300],
      [8, -1.481262, 200],
    ]);
    expect(p.currencyAssumed).toBeUndefined();
    expect(p.warnings).toContain(
      'The file holds 16 characters shown as "\uFFFD": letters lost when it was saved in another encoding (such as "St\uFFFDck" for "Stück"). The numbers, dates and codes were read; names that hold one keep it.',
    );
  });

  it('Saxo (Dutch dates "02-mrt-2025", "30-okt-2024"; amounts "419,22" next to "Buy 1 @ 589.16 USD")', () => {
    const p = preview('saxo-nl-export.csv');
    // META: 1 bought. VWRA: 3 sold with no purchase in the file (named as a clamped history, not made short).
    expect(holdings(p)).toEqual([['Imported', 'META', 1, 589.16, 'USD']]);
    expect(p.rows.map((r) => [r.row, r.status, r.record?.date, r.record?.amount])).toEqual([
      [2, 'new', '2025-03-02', 419.22],
      [3, 'new', '2025-05-02', -3.91],
      [4, 'new', '2024-10-30', -590.16],
    ]);
    expect(p.findings.map((f) => f.kind)).toEqual(['history-clamped', 'cash-not-derived']);
  });

  it('Fineco (Italian, preamble): "Operazione" is the date, "Compravendita titoli" takes its side from the A/V "Segno"', () => {
    const p = preview('fineco-export.csv');
    // IE00B4L5Y983: 5 bought, 3 more from "Aumento capitale"; IE00BKM4GZ66: 10 bought, 4 sold (V), 6 from "Aumento
    // capitale"; IE00B3B8Q275: 3 bought. The BTP's 2000 bought are paid back ("Rimborso"); Apple's 2 bought, 1 sold
    // and 5 paid back leave none (the sample's Apple rows sell more than they buy: named, not made short).
    expect(holdings(p)).toEqual([
      ['Imported', 'IE00B3B8Q275', 3, 143.68, 'EUR'],
      ['Imported', 'IE00B4L5Y983', 8, 105.71, 'EUR'],
      ['Imported', 'IE00BKM4GZ66', 12, 34.2, 'EUR'],
    ]);
    expect(p.positions.find((x) => x.symbol === 'IE00B4L5Y983')?.name).toBe('ISHARES MSCI WORLD ACC');
    expect(p.rows.filter((r) => r.record?.txClass === 'income').map((r) => [r.row, r.record?.amount])).toEqual([
      [14, 20.95],
      [15, 4.23],
      [16, 24.38],
    ]);
    expect(p.findings.filter((f) => f.kind === 'history-clamped').map((f) => f.symbol)).toEqual(['US0378331005']);
    expect(p.counts).toMatchObject({ new: 14, invalid: 0 });
  });

  it('XTB (2025 layout, preamble, ";"): holdings priced by their listing, and the cash rows\' assumed dollars said, not silent', () => {
    const p = preview('xtb-v2-export.csv');
    // IS0M.DE: 4 bought at 154.08 (-616,32); LI7U.DE: 10 at 9.895; DTLE.UK sold with no purchase in the file.
    expect(holdings(p)).toEqual([
      ['Imported', 'IS0M.DE', 4, 154.08, 'EUR'],
      ['Imported', 'LI7U.DE', 10, 9.895, 'EUR'],
    ]);
    // "1.000,00" is a thousand; the "Total" line is a footer.
    expect(p.rows.find((r) => r.row === 14)?.record).toMatchObject({ txClass: 'cash', amount: 1000 });
    expect(p.rows.find((r) => r.row === 15)).toMatchObject({ status: 'skipped', reason: 'total, note or footer line' });
    // The file names no currency: the holdings' euros come from their Xetra listings, but the cash rows are in the
    // assumed dollars, and the finding about cash names them — so the preview says the currency was assumed.
    expect(p.findings.find((f) => f.kind === 'cash-not-derived')?.symbol).toBe('USD');
    expect(p.currencyAssumed).toEqual({ currency: 'USD', source: 'default' });
    const chosen = preview('xtb-v2-export.csv', { defaultCurrency: 'EUR', isCurrencyChosen: true });
    expect(chosen.findings.find((f) => f.kind === 'cash-not-derived')?.symbol).toBe('EUR');
    expect(chosen.currencyAssumed).toBeUndefined();
  });

  it('Bitvavo (crypto, NL): "Currency" names the coin and "Amount" counts it; coins withdrawn to a wallet leave the holdings', () => {
    const p = preview('bitvavo-export.csv');
    // BTC: 0.0009999 (May), 0.00053279 and 0.00053657 (February) bought and each withdrawn; 0.00054923 + 0.00017214
    // bought on 2023-11-30 and kept. ETH: 0.0053543 + 0.00258836 + 0.00277129 bought and 0.01071395 withdrawn;
    // 0.00781401 bought and sold. USDT: bought and withdrawn. XLM: 286.98 deposited and sold.
    expect(holdings(p)).toEqual([['Imported', 'BTC', 0.000721, 34580, 'EUR']]);
    expect(p.positions[0].quantity).toBeCloseTo(0.00072137, 10);
    expect(p.rows.find((r) => r.row === 2)?.record).toMatchObject({ txClass: 'shares-out', symbol: 'ETH', quantity: -0.01071395 });
    expect(p.rows.find((r) => r.row === 23)?.record).toMatchObject({ txClass: 'shares-in', symbol: 'XLM', quantity: 286.98 });
    // Euro deposits count in the same "Amount" column: money in, 125 EUR in all.
    expect(p.rows.filter((r) => r.record?.txClass === 'deposit').map((r) => [r.record?.amount, r.record?.currency])).toEqual([
      [10, 'EUR'],
      [10, 'EUR'],
      [25, 'EUR'],
      [25, 'EUR'],
      [25, 'EUR'],
      [30, 'EUR'],
    ]);
    // Staking rewards are listed with their coins, not added silently.
    expect(p.rows.find((r) => r.row === 27)?.reason).toBe(
      'the action "staking" is not one Aftershock knows, so its quantity 0.00001819 ETH was not applied to holdings',
    );
    expect(p.counts).toMatchObject({ new: 25, skipped: 9, invalid: 0 });
  });

  it('Relai (bitcoin app, CH): "Currency Pair" BTC/CHF is the symbol, "BTC Amount" the quantity; an English header is not French', () => {
    expect(headerLanguage(read('relai-export.csv').split('\n')[0].split(','))).toBe('English');
    const p = preview('relai-export.csv');
    expect(p.mapping.columns).toMatchObject({ symbol: 4, quantity: 2, price: 3, amount: 5, currency: 6 });
    // 0.00284516 + 0.00371249 bought, 0.02847593 sold: the sale reaches before the history, so nothing is held.
    expect(holdings(p)).toEqual([]);
    expect(p.shortfalls.map((s) => [s.symbol, s.shortfall, s.decision.kind])).toEqual([['BTC', 0.02191828, 'closed']]);
    expect(p.rows.map((r) => [r.record?.txClass, r.record?.quantity, r.record?.amount, r.record?.currency])).toEqual([
      ['sell', -0.02847593, 2629.45, 'CHF'],
      ['buy', 0.00284516, -271.05, 'CHF'],
      ['buy', 0.00371249, -321.45, 'CHF'],
    ]);
  });

  it('Coinbase: "Asset" is the symbol; a "Convert" it cannot apply is named with its coins and its amount', () => {
    const p = preview('coinbase-export.csv');
    // Two "Buy" rows of 0.00166779 BTC (the sample lists one in EUR, one in USD); the last priced in dollars.
    expect(holdings(p)).toEqual([['Imported', 'BTC', 0.003336, 39999.3311, 'USD']]);
    expect(p.positions[0].quantity).toBeCloseTo(0.00333558, 10);
    expect(p.rows.find((r) => r.row === 6)?.reason).toBe(
      'the action "Convert" is not one Aftershock knows, so its quantity 0.00363125 BTC was not applied to holdings, nor its amount 351.66322 EUR to cash',
    );
    expect(p.counts).toMatchObject({ new: 2, skipped: 6, invalid: 0 });
  });

  it('CoinTracking and Delta: trades written as two legs with a coin on both sides are refused truthfully, --map or not', () => {
    const refusal = (name: string, columns?: Record<string, string>) => {
      const result = buildPreview(read(name), { fileName: name, ...(columns && { columns }) });
      return !result.ok && result.error;
    };
    // Row 2 receives BTC ("Buy" 0.001 BTC); row 5 pays with it ("Sell" 0.0022 BTC for 200 EUR).
    expect(refusal('cointracking-export.csv')).toMatchObject({
      code: 'two-legged',
      message:
        'cointracking-export.csv: each row writes a trade as two legs ("Buy" with its "Cur.", "Sell" with its "Cur."), and BTC is on one side in row 2 and on the other in row 5: no column holds the holding, so no choice of columns (--map) can read one holding per row. Export the trades with one row per holding (symbol, quantity, price, amount), or import a positions export instead.',
    });
    // Before, the refusal offered --map symbol=Cur., which led to "no data rows … Staking does not change holdings".
    expect(refusal('cointracking-export.csv', { symbol: 'Cur.' })).toMatchObject({ code: 'two-legged' });
    // Delta: 10 ETH bought with 0.6 BTC in row 2, 100 SOL sold for 0.88 ETH in row 3.
    expect(refusal('delta-export.csv')).toMatchObject({
      code: 'two-legged',
      message: expect.stringContaining(
        '("Base amount" with its "Base currency (name)", "Quote amount" with its "Quote currency"), and ETH is on one side in row 2 and on the other in row 3',
      ),
    });
  });

  it('Fineco with the BTP still held: 2000 face bought at 99.50 for 1,990.00 is priced per 100 of face, not 100× the amount', () => {
    const held = read('fineco-export.csv').replace(/^01\/09\/2024,.*\n/m, '');
    const result = buildPreview(held, { fileName: 'fineco-btp.csv' });
    const bond = result.ok ? result.preview.positions.find((x) => x.symbol === 'IT0005583478') : undefined;
    // Before, the BTP was an equity of 2000 at 99.50: 199,000 EUR of value and cost for 1,990 paid.
    expect(bond && [bond.assetClass, bond.quantity, bond.price, bond.costBasis]).toEqual(['bond', 2000, 0.995, 1990]);
    expect(result.ok && result.preview.findings.find((f) => f.kind === 'par-quoted-bond')?.sentence).toBe(
      'IT0005583478: priced 99.5 per 100 of face value, so 2,000 face is worth €1,990.00 (value and cost basis use price / 100).',
    );
  });

  it('a London share priced in pence against an amount in pounds is a share in pounds, not a bond quoted per 100 of face', () => {
    // 100 × 250p paid £250.00: the hundredth is the pence, so the per-100-of-face reading does not apply.
    const text = 'Date,Action,Symbol,Quantity,Price,Currency,Amount\n2024-03-01,Buy,VOD.L,100,250,GBX,-250.00\n';
    const result = buildPreview(text, { fileName: 'pence.csv' });
    const share = result.ok ? result.preview.positions.find((x) => x.symbol === 'VOD.L') : undefined;
    expect(share && [share.assetClass, share.quantity, share.price, share.currency]).toEqual(['equity', 100, 2.5, 'GBP']);
    expect(result.ok && result.preview.findings.some((f) => f.kind === 'par-quoted-bond')).toBe(false);
  });

  it('Strike (bitcoin app): a file that names its one holding only in column names is refused as such, with no column to --map', () => {
    const result = buildPreview(read('strike-export.csv'), { fileName: 'strike-export.csv' });
    // Before, the refusal offered --map symbol=Reference (the rows' ids, TXN-001…).
    expect(!result.ok && result.error).toMatchObject({
      code: 'missing-column',
      message:
        'strike-export.csv: line 1 is a header (Reference, Date & Time (UTC), Transaction Type, Amount EUR, Fee EUR, Amount BTC, Fee BTC, BTC Price, …), but no column holds the symbol: the file names its holding BTC only in its column names ("Amount BTC", "Fee BTC", "BTC Price"), so no column can be chosen for it with --map. Import a positions export, or a history whose rows name what they move.',
      suggestions: [],
    });
  });

  it('BUX: a split written as two legs (ASSET_REDEEM 2 Apple, ASSET_DEPOSIT 8) takes the old units out and puts the new in', () => {
    const p = preview('bux-export.csv');
    // ING: 49 + 0.638989 bought, 0.638989 sold. Apple's purchase is before the file: the 2 redeemed are named as a
    // clamped history, the 8 deposited at 125.01 are held. Cash is the last "Cash Balance Amount", 74.83.
    expect(holdings(p)).toEqual([
      ['Imported', 'IE00B1TXK627', 0.313873, 63.72, 'EUR'],
      ['Imported', 'NL0011821202', 49, 11.08, 'EUR'],
      ['Imported', 'US0378331005', 8, 125.01, 'USD'],
      ['Imported', 'US3755581036', 0.104172, 109.96, 'USD'],
    ]);
    expect(p.rows.filter((r) => r.row === 24 || r.row === 25).map((r) => [r.record?.txClass, r.record?.quantity])).toEqual([
      ['shares-out', -2],
      ['shares-in', 8],
    ]);
    expect(p.positions.filter((x) => x.assetClass === 'cash').map((x) => [x.symbol, x.marketValue])).toEqual([['EUR', 74.83]]);
    // The two deposit rows the sample shifts by one column are named, not guessed.
    expect(p.rows.filter((r) => r.status === 'invalid').map((r) => r.row)).toEqual([2, 3]);
  });

  it('Vanguard UK: the trades are read from the second table (the first is cash only), the tickers from "… (VUAG)" names', () => {
    const p = preview('vanguard-uk-export.csv', { defaultCurrency: 'GBP', isCurrencyChosen: true });
    // "Investment Transactions" (header on line 23): VUAG 194 at 87.3698 (11/11/2024) + 133 at 74.7278 (24/04/2025),
    // VHYL 1,630 at 42.9185 (30/10/2017, its action cell blank: a positive quantity, bought).
    expect(holdings(p)).toEqual([
      ['Imported', 'VHYL', 1630, 42.9185, 'GBP'],
      ['Imported', 'VUAG', 327, 74.7278, 'GBP'],
    ]);
    expect(p.header).toEqual(['Date', 'InvestmentName', 'TransactionDetails', 'Quantity', 'Price', 'Cost']);
    expect(p.rows.filter((r) => r.status === 'new').map((r) => [r.row, r.record?.symbol, r.record?.name, r.record?.quantity])).toEqual([
      [24, 'VUAG', 'S&P 500 UCITS ETF - Accumulating', 133],
      [25, 'VUAG', 'S&P 500 UCITS ETF - Accumulating', 194],
      [26, 'VHYL', 'FTSE All-World High Dividend Yield UCITS ETF - Distributing', 1630],
    ]);
    expect(p.rows.find((r) => r.row === 26)?.reason).toBe('buy: no action is written, so the side is the sign of its quantity (1630)');
    // The "Cost" total under the table is no trade; the cash table's rows are named as not read.
    expect(p.rows.find((r) => r.row === 27)).toMatchObject({ status: 'skipped', reason: 'total, note or footer line' });
    expect(p.rows.find((r) => r.row === 5)).toMatchObject({ status: 'skipped', reason: 'header of another table in the file' });
    // The cash table (lines 6 to 16) gives the cash by its balance column: 70,100 + 20,000 + 20,000 deposited, 0.03
    // interest, 401.42 of VHYL dividends, 7.50 + 24.02 + 7.50 of fees, 96,845.75 of purchases = 13,616.68, its last balance.
    expect(p.rows.filter((r) => r.row > 5 && r.row < 17).map((r) => r.reason)).toEqual(
      [70100, 142.79, 135.29, 135.32, 536.74, 512.72, 20512.72, 3562.98, 23562.98, 13624.18, 13616.68].map(
        (b) =>
          `a row of the cash table (the balance after it: ${b}); the cash is that table's closing balance, the trades are read from the table under line 23`,
      ),
    );
    expect(p.counts).toMatchObject({ new: 3, invalid: 0, duplicate: 0 });
    expect(p.positions.filter((x) => x.assetClass === 'cash').map((x) => [x.symbol, x.marketValue, x.asOf])).toEqual([
      ['GBP', 13616.68, '2025-04-22'],
    ]);
    expect(p.warnings).toEqual([
      'The file holds 2 tables; the holdings were read from the table under line 23 ("Investment Transactions": Date, InvestmentName, TransactionDetails, Quantity), the one with a quantity for each trade, and the cash from the balance column of the table under line 5 ("GA | Cash Transactions": Date, Details, Amount, Balance) (13,616.68 on its last row).',
    ]);
    // Columns chosen by name pick the table that has them; the mapping saved from this preview reads the same table.
    const currency = { defaultCurrency: 'GBP', isCurrencyChosen: true };
    expect(holdings(preview('vanguard-uk-export.csv', { ...currency, columns: { quantity: 'Quantity' } }))).toEqual(holdings(p));
    expect(holdings(preview('vanguard-uk-export.csv', { ...currency, mapping: p.mapping }))).toEqual(holdings(p));
    // The file names no currency: without one chosen the pounds are not silently dollars.
    const unnamed = preview('vanguard-uk-export.csv');
    expect(unnamed.currencyAssumed).toEqual({ currency: 'USD', source: 'default' });
    expect(unnamed.warnings.some((w) => w.startsWith('The file names no currency') && w.includes('--currency CODE'))).toBe(true);
  });

  it('Vanguard UK: its cash table alone (no trades table under it) is refused as a cash statement, with no --map offered', () => {
    const cashOnly = read('vanguard-uk-export.csv').split('\n').slice(0, 17).join('\n');
    const result = buildPreview(cashOnly, { fileName: 'cash-only.csv' });
    expect(!result.ok && result.error).toMatchObject({
      code: 'missing-column',
      message:
        "cash-only.csv: line 5 is the header of a cash statement (Date, Details, Amount, Balance): each row is an amount of cash and the balance after it, with no column for a holding or its quantity, so it cannot tell what you hold. Import the export's table of investment transactions or holdings (the one with quantities), or a positions export.",
      header: ['Date', 'Details', 'Amount', 'Balance', '', ''],
      suggestions: [],
    });
  });
});
