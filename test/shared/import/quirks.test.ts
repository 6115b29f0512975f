import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../shared/import/decode';
import { buildPreview } from '../../../shared/import/pipeline';
import { tickerInName } from '../../../shared/import/identifiers';
import type { PipelineResult } from '../../../shared/import/types';

const run = (text: string, format?: string): PipelineResult => buildPreview(text, { fileName: 'holdings.csv', format });
function ok(text: string) {
  const result = run(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.preview;
}
const refusal = (text: string, format?: string) => {
  const result = run(text, format);
  return result.ok ? 'accepted' : result.error.message;
};

describe('file-level quirks', () => {
  it.each([
    ['comma', 'Symbol,Quantity,Price\nAAPL,10,"1,000.50"\n', ','],
    ['semicolon', 'Symbol;Quantity;Price\nAAPL;10;1000,50\n', ';'],
    ['tab', 'Symbol\tQuantity\tPrice\nAAPL\t10\t1000.50\n', '\t'],
    ['BOM and CRLF', '\uFEFFSymbol,Quantity,Price\r\nAAPL,10,1000.50\r\n', ','],
    ['trailing commas', 'Symbol,Quantity,Price,\nAAPL,10,1000.50,\n', ','],
    ['preamble lines', 'My holdings\nExported 2024-10-14\n\nSymbol,Quantity,Price\nAAPL,10,1000.50\n', ','],
    ['footer lines', 'Symbol,Quantity,Price\nAAPL,10,1000.50\n\nTotal,,10005.00\n"Date downloaded 10/14/2024"\n', ','],
    ['unnamed columns', 'Symbol,,Quantity,,Price\nAAPL,x,10,y,1000.50\n', ','],
  ])('%s', (_name, text, delimiter) => {
    const p = ok(text);
    expect(p.delimiter).toBe(delimiter);
    expect(p.positions).toEqual([
      {
        account: 'Imported',
        symbol: 'AAPL',
        name: '',
        assetClass: 'equity',
        quantity: 10,
        price: 1000.5,
        marketValue: null,
        costBasis: null,
        currency: 'USD',
        asOf: null,
      },
    ]);
  });

  it('falls back to Windows-1252 for Latin-1 bytes and strips a UTF-8 BOM', () => {
    expect(decodeBytes(Uint8Array.from([0x4e, 0x65, 0x73, 0x74, 0x6c, 0xe9]))).toEqual({ text: 'Nestlé', encoding: 'windows-1252' });
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ text: 'A', encoding: 'utf-8' });
  });

  it('accepts header aliases: ticker/units/current value/cost basis/account/currency', () => {
    const p = ok('Account,Ticker,Units,Current Value,Cost Basis,Currency\nISA,VUSA.L,12.5,"1,020.00",900,GBP\nISA,VWRL.L,3,300,,GBP\n');
    expect(p.positions.map((x) => [x.account, x.symbol, x.quantity, x.price, x.marketValue, x.costBasis, x.currency])).toEqual([
      ['ISA', 'VUSA.L', 12.5, null, 1020, 900, 'GBP'],
      ['ISA', 'VWRL.L', 3, null, 300, null, 'GBP'],
    ]);
  });

  it('flags a repeated account+symbol as duplicate and a bad cell as invalid, with row, column and reason', () => {
    const p = ok('Symbol,Quantity,Price\nAAPL,10,100\nMSFT,abc,400\nAAPL,10,100\nNVDA,5,\n');
    expect(p.rows.map((r) => [r.row, r.status, r.column ?? '', r.reason])).toEqual([
      [2, 'new', '', 'position'],
      [3, 'invalid', 'Quantity', 'expected a number of shares such as 12.5, found "abc"'],
      [4, 'duplicate', '', 'same account and symbol as row 2; the first one is kept'],
      [5, 'invalid', 'Price', 'expected a price or a market value, found neither'],
    ]);
    expect(p.counts).toEqual({ rows: 4, new: 1, duplicate: 1, invalid: 2, skipped: 0 });
  });

  it('reads a generic transaction history (date + action columns) and derives positions and cash', () => {
    const p = ok(
      'Date,Action,Symbol,Quantity,Price,Amount\n2024-01-02,Deposit,,,,1000\n2024-01-03,Buy,AAPL,2,150,-300\n2024-02-01,Sell,AAPL,1,160,160\n2024-03-01,Dividend,AAPL,,,0.5\n',
    );
    expect(p.kind).toBe('transactions');
    expect(p.positions.map((x) => [x.symbol, x.quantity, x.price])).toEqual([
      ['AAPL', 1, 160],
      ['USD', 860.5, 1],
    ]);
  });
});

describe('refusals name the file, the row and the column', () => {
  it.each([
    ['', 'holdings.csv: the file is empty; export the holdings again and pick the CSV file.'],
    ['   \n\n', 'holdings.csv: the file is empty; export the holdings again and pick the CSV file.'],
    [
      '\u0000\u0001\u0002PK\u0003\u0004binary\u0000\u0000\u0000\u0007\u0008',
      'holdings.csv: this is not a text CSV file (it contains binary data); pick the CSV export from your broker.',
    ],
    [
      'hello world\nthis is a letter\n',
      'holdings.csv: no header line was found in the first 40 lines, and line 1 ("hello world") is not a table of columns; pick the CSV export from your broker.',
    ],
    [
      'Fonds,Stukken,Koersje\nAAPL,10,100\n',
      'holdings.csv: no header line was found in the first 40 lines: line 1 ("Fonds", "Stukken", "Koersje") names no column Aftershock knows, in any of the languages it reads. If it is the header, choose the columns with --map symbol=Fonds --map quantity=Stukken --map price=Koersje (names from line 1), or by hand in the app; otherwise pick another file.',
    ],
    [
      '10,AAPL,100\n',
      'holdings.csv: no header line was found in the first 40 lines: line 1 holds values ("10", "AAPL", "100"), not column names. Export the file again with its header line, or add one such as Symbol,Quantity,Price.',
    ],
    [
      'Symbol,Quantity,Price\n',
      'holdings.csv: no data rows were found under the header on row 1. Export the holdings or the history again with its rows (an export of an empty account has none), or pick another file.',
    ],
    [
      'Symbol,Quantity,Price\nAAPL,ten,100\n',
      'holdings.csv, row 2, column "Quantity": expected a number of shares such as 12.5, found "ten". No row could be read, so nothing was imported. If another column holds the quantity, choose it with --map quantity=COLUMN.',
    ],
    // A history with no quantity column at all: the refusal names the field no column holds, not a column "quantity".
    [
      'Date,Action,Symbol,Amount\n2024-01-02,Buy,AAPL,-1000\n2024-01-03,Dividend,AAPL,5\n',
      'holdings.csv, row 2 (no column holds the quantity): expected the number of shares bought, found nothing. This is the one row that could hold trades, and none could be read; the other rows move only cash, so nothing was imported. If another column holds the quantity, choose it with --map quantity=COLUMN.',
    ],
    [
      'Description,Quantity,Price\nApple,10,100\n',
      'holdings.csv: line 1 is a header (Description, Quantity, Price), but no column holds the symbol (a ticker or an ISIN) (expected a name such as Symbol, Ticker, ISIN, WKN, Kortnamn, Symbole or Symbool). Choose it with --map symbol=COLUMN (one of the names above), or choose the columns by hand in the app.',
    ],
    [
      'Symbol,Name,Price\nAAPL,Apple,100\n',
      'holdings.csv: line 1 is a header (Symbol, Name, Price), but no column holds the quantity (expected a name such as Quantity, Shares, Units, Antal, Anzahl, Stück, Quantité or Aantal). Choose it with --map quantity=COLUMN (one of the names above), or choose the columns by hand in the app.',
    ],
    [
      'Datum;Konto;Typ;Namn;Belopp\n2024-01-02;ISK;Insättning;;1000\n',
      'holdings.csv: line 1 is a header in Swedish (Datum, Konto, Typ, Namn, Belopp), but no column holds the symbol (a ticker or an ISIN) (expected a name such as Symbol, Ticker, ISIN, WKN, Kortnamn, Symbole or Symbool). Choose it with --map symbol=COLUMN (one of the names above), or choose the columns by hand in the app.',
    ],
    [
      'Security,Type,Units,Cost\nAPPLE INC,Stock,10,1500\nMSFT,Stock,5,2000\nNVDA,Stock,2,300\n',
      'holdings.csv: line 1 is a header (Security, Type, Units, Cost), but no column holds the symbol (a ticker or an ISIN) (expected a name such as Symbol, Ticker, ISIN, WKN, Kortnamn, Symbole or Symbool). Choose it with --map symbol=COLUMN (one of the names above), or choose the columns by hand in the app.',
    ],
  ])('%j', (text, message) => {
    expect(refusal(text)).toBe(message);
  });

  it('refuses an unknown format name', () => {
    expect(refusal('Symbol,Quantity,Price\nAAPL,1,1\n', 'nope')).toBe(
      'holdings.csv: "nope" is not a known format; use --format auto (the default) or one of fidelity-positions, fidelity-activity, schwab-positions, schwab-transactions, vanguard, ibkr-flex, trading212, degiro, revolut, freetrade, robinhood, etrade, merrill, webull, interactive-investor, hargreaves-lansdown, scalable-capital, nordnet, questrade, wealthsimple, generic.',
    );
  });

  it('refuses a history that only moves cash', () => {
    expect(refusal('Date,Action,Symbol,Amount\n2024-01-02,Dividend,AAPL,5\n')).toMatch(
      /^holdings\.csv: this history has no buys, sells or share transfers/,
    );
  });

  it('a ticker in parentheses at the end of a name is the symbol; a currency or an ISIN there is not', () => {
    expect(tickerInName('S&P 500 UCITS ETF - Accumulating (VUAG)')).toEqual({ ticker: 'VUAG', name: 'S&P 500 UCITS ETF - Accumulating' });
    expect(tickerInName('LifeStrategy 60% Equity Fund - Accumulation (GBP)')).toBeNull();
    expect(tickerInName('iShares Core MSCI World (IE00B4L5Y983)')).toBeNull();
    expect(tickerInName('Apple Inc (AAPL) shares')).toBeNull();
    expect(tickerInName('Vanguard FTSE All-World UCITS ETF (ACC)')).toBeNull();
    expect(tickerInName('Taiwan Semiconductor (ADR)')).toBeNull();
    // A holdings file with no symbol column: the names give the tickers.
    const p = ok('Name,Quantity,Price\nApple Inc (AAPL),10,190\nMicrosoft Corp (MSFT),5,410\n');
    expect(p.positions.map((x) => [x.symbol, x.name, x.quantity])).toEqual([
      ['AAPL', 'Apple Inc', 10],
      ['MSFT', 'Microsoft Corp', 5],
    ]);
  });

  it('of two tables, the second is read only when the first lacks a column the second has; else the first, as before', () => {
    const cash = 'Date,Details,Amount,Balance\n02/01/2024,Deposit,100.00,100.00\n';
    const trades = 'Date,Symbol,Action,Quantity,Price,Amount\n03/01/2024,AAPL,Buy,1,90,-90\n';
    const second = ok(`${cash}\n${trades}`);
    expect(second.header).toEqual(['Date', 'Symbol', 'Action', 'Quantity', 'Price', 'Amount']);
    expect(second.positions.map((x) => [x.symbol, x.quantity])).toEqual([
      ['AAPL', 1],
      ['USD', 100],
    ]);
    // Both complete: the first is read and the second named as another table, as before.
    const first = ok(`${trades}\nDate,Symbol,Action,Quantity,Price,Amount\n04/01/2024,MSFT,Buy,1,400,-400\n`);
    expect(first.positions.map((x) => x.symbol)).toEqual(['AAPL']);
    expect(first.rows.find((r) => r.row === 5)).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/^part of a second table/),
    });
    expect(first.warnings.some((w) => w.startsWith('The file holds 2 tables'))).toBe(false);
  });
});
