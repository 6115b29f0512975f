import { describe, expect, it } from 'vitest';
import { classifyAction } from '../../../shared/import/actions';
import { currencyCode, isIsin, isinIn, splitPair } from '../../../shared/import/identifiers';
import { buildPreview } from '../../../shared/import/pipeline';
import { readTradeText } from '../../../shared/import/trade-text';
import type { ImportPreview, PipelineOptions } from '../../../shared/import/types';

// Layouts written after each broker's documented export columns; the holdings and values are invented.
function preview(text: string, options: Partial<PipelineOptions> = {}): ImportPreview {
  const result = buildPreview(text, { fileName: 'export.csv', ...options });
  if (!result.ok) throw new Error(result.error.message);
  return result.preview;
}
const holdings = (p: ImportPreview) =>
  p.positions.map((x) => [
    x.account,
    x.symbol,
    x.quantity,
    x.price === null ? null : Math.round(x.price * 1e4) / 1e4,
    x.marketValue,
    x.costBasis,
    x.currency,
  ]);

describe('headers in other languages are found on line 1 and mapped', () => {
  it('Swedish (Avanza): ";" and decimal commas, Köp/Sälj/Utdelning/Insättning, ISIN-only holdings kept and said so', () => {
    const p = preview(
      'Datum;Konto;Typ av transaktion;Värdepapper/beskrivning;Antal;Kurs;Belopp;Courtage;Valuta;ISIN;Resultat\n' +
        '2024-01-02;ISK;Insättning;Insättning;-;-;10 000,00;-;SEK;-;-\n' +
        '2024-01-03;ISK;Köp;Volvo B;10;250,50;-2 506,00;1,00;SEK;SE0000115446;-\n' +
        '2024-02-01;ISK;Sälj;Volvo B;4;260,00;1 039,00;1,00;SEK;SE0000115446;38,00\n' +
        '2024-03-01;ISK;Utdelning;Volvo B;6;7,00;42,00;-;SEK;SE0000115446;-\n',
    );
    expect([p.format, p.kind, p.counts.new]).toEqual(['generic', 'transactions', 4]);
    // 10 bought, 4 sold; cash 10,000 − 2,506 + 1,039 + 42.
    expect(holdings(p)).toEqual([
      ['ISK', 'SE0000115446', 6, 260, null, 1503, 'SEK'],
      ['ISK', 'SEK', 8575, 1, 8575, null, 'SEK'],
    ]);
    expect(p.positions[0].name).toBe('Volvo B');
    expect(p.warnings).toContain(
      '1 holding is known only by ISIN (SE0000115446): neither the security master nor the bundled ISIN table has a ticker for them, so they stay unclassified (no sector, country or theme). Rename them to their tickers in Holdings to classify them.',
    );
  });

  it('an ISIN the security master knows becomes its ticker', () => {
    const p = preview('Libellé;Code ISIN;Quantité;Cours;Devise\nAPPLE INC;US0378331005;3;189,25;USD\n', {
      resolveIsin: (isin) => (isin === 'US0378331005' ? 'AAPL' : undefined),
    });
    expect(holdings(p)).toEqual([['Imported', 'AAPL', 3, 189.25, null, null, 'USD']]);
    expect(p.warnings).toEqual([]);
  });

  it('Swedish (Nordnet, tab, several Valuta columns): the currency after the amount, the balance column for cash', () => {
    // Read as a generic file (the Nordnet preset keys holdings by ISIN; see presets.test.ts).
    const p = preview(
      'Id\tBokföringsdag\tAffärsdag\tLikviddag\tDepå\tTransaktionstyp\tVärdepapper\tISIN\tAntal\tKurs\tRänta\tTotal Avgift\tValuta\tBelopp\tValuta\tInköpsvärde\tValuta\tResultat\tValuta\tTotalt antal\tSaldo\tVäxlingskurs\tTransaktionstext\n' +
        '1\t2024-01-02\t2024-01-02\t2024-01-02\t1234567\tINSÄTTNING\t\t\t\t\t\t\t\t20000\tSEK\t\t\t\t\t\t20000\t\tBankgiro\n' +
        '2\t2024-01-04\t2024-01-02\t2024-01-04\t1234567\tKÖPT\tINVE B\tSE0015811963\t40\t245,6\t\t39\tSEK\t-9863\tSEK\t9863\tSEK\t\t\t40\t10137\t\t\n' +
        '3\t2024-03-01\t2024-02-28\t2024-03-01\t1234567\tSÅLT\tINVE B\tSE0015811963\t15\t260,1\t\t19\tSEK\t3882,5\tSEK\t\t\t184,8\tSEK\t25\t14019,5\t\t\n',
      { format: 'generic' },
    );
    expect(holdings(p)).toEqual([
      ['1234567', 'INVE B', 25, 260.1, null, 6140, 'SEK'],
      ['1234567', 'SEK', 14019.5, 1, 14019.5, null, 'SEK'],
    ]);
  });

  it('Dutch (DEGIRO portfolio): Symbool/ISIN, the value in the unnamed column after its currency, the cash fund row', () => {
    const p = preview(
      'Product;Symbool/ISIN;Aantal;Slotkoers;Lokale waarde;;Waarde in EUR\n' +
        'APPLE INC. - COMMON ST;US0378331005;10;189,25;USD;1892,50;1750,12\n' +
        'VANGUARD FTSE ALL-WORLD;IE00BK5BQT80;25;110,40;EUR;2760,00;2760,00\n' +
        'CASH & CASH FUND & FTX CASH (EUR);;;;EUR;152,30;152,30\n',
    );
    expect(holdings(p)).toEqual([
      ['Imported', 'US0378331005', 10, 189.25, 1892.5, null, 'USD'],
      ['Imported', 'IE00BK5BQT80', 25, 110.4, 2760, null, 'EUR'],
      ['Imported', 'EUR', 152.3, 1, 152.3, null, 'EUR'],
    ]);
  });

  it.each([
    [
      'French',
      'Libellé;Code ISIN;Quantité;Cours;Devise;Valorisation;PRU\nAIR LIQUIDE;FR0000120073;12;171,86;EUR;2\u00a0062,32;150,10\nTOTALENERGIES;FR0014000MR3;30;61,05;EUR;1 831,50;55,00\n',
      [
        ['Imported', 'FR0000120073', 12, 171.86, 2062.32, null, 'EUR'],
        ['Imported', 'FR0014000MR3', 30, 61.05, 1831.5, null, 'EUR'],
      ],
    ],
    [
      'German (WKN beside the ISIN)',
      '"Bezeichnung";"WKN";"ISIN";"Stück/Nom.";"Akt. Kurs";"Währung";"Wert in EUR";"Einstandswert"\n"SIEMENS AG NA";"723610";"DE0007236101";"15";"172,50";"EUR";"2.587,50";"2.100,00"\n"APPLE INC.";"865985";"US0378331005";"8";"175,10";"EUR";"1.400,80";"1.000,00"\n',
      [
        ['Imported', 'DE0007236101', 15, 172.5, 2587.5, 2100, 'EUR'],
        ['Imported', 'US0378331005', 8, 175.1, 1400.8, 1000, 'EUR'],
      ],
    ],
    [
      'Italian',
      'Titolo;ISIN;Quantità;Prezzo;Divisa;Controvalore\nENI SPA;IT0003132476;200;14,52;EUR;2.904,00\nINTESA SANPAOLO;IT0000072618;1.000;3,41;EUR;3.410,00\n',
      [
        ['Imported', 'IT0003132476', 200, 14.52, 2904, null, 'EUR'],
        ['Imported', 'IT0000072618', 1000, 3.41, 3410, null, 'EUR'],
      ],
    ],
    [
      'Spanish (Compra/Venta, day-first dates)',
      'Fecha;Operación;Valor;ISIN;Cantidad;Precio;Importe;Divisa\n02/01/2024;Compra;TELEFONICA;ES0178430E18;100;3,70;-370,00;EUR\n15/03/2024;Venta;TELEFONICA;ES0178430E18;40;3,95;158,00;EUR\n',
      [['Imported', 'ES0178430E18', 60, 3.95, null, 222, 'EUR']],
    ],
    [
      'Portuguese (Compra/Venda)',
      'Data;Tipo;Ativo;Quantidade;Preço;Valor total;Moeda\n03/01/2024;Compra;PETR4;100;36,50;-3650,00;BRL\n10/01/2024;Venda;PETR4;30;37,10;1113,00;BRL\n',
      [['Imported', 'PETR4', 70, 37.1, null, 2555, 'BRL']],
    ],
    [
      'Danish (Nordnet: KØBT, UDBYTTE)',
      'Id;Bogføringsdag;Handelsdag;Valørdag;Depot;Transaktionstype;Værdipapirer;ISIN;Antal;Kurs;Rente;Samlede afgifter;Valuta;Beløb;Valuta\n1;2024-01-05;2024-01-03;2024-01-05;9876543;KØBT;NOVO B;DK0062498333;5;720,3;;29;DKK;-3630,5;DKK\n2;2024-02-05;2024-02-01;2024-02-05;9876543;UDBYTTE;NOVO B;DK0062498333;5;;;;DKK;23,5;DKK\n',
      [['9876543', 'NOVO B', 5, 720.3, null, 3601.5, 'DKK']],
    ],
    [
      'Norwegian (KJØPT, SALG, dotted dates)',
      'Handelsdag;Transaksjonstype;Verdipapir;Antall;Kurs;Beløp;Valuta\n04.01.2024;KJØPT;EQNR;20;310,50;-6210,00;NOK\n05.02.2024;SALG;EQNR;5;320,00;1600,00;NOK\n',
      [['Imported', 'EQNR', 15, 320, null, 4657.5, 'NOK']],
    ],
    [
      'Finnish (OSTO, MYYNTI)',
      'Kirjauspäivä;Tapahtumatyyppi;Arvopaperi;ISIN;Määrä;Kurssi;Summa;Valuutta\n2.1.2024;OSTO;NOKIA;FI0009000681;300;3,15;-945,00;EUR\n1.2.2024;MYYNTI;NOKIA;FI0009000681;100;3,30;330,00;EUR\n',
      [['Imported', 'NOKIA', 200, 3.3, null, 630, 'EUR']],
    ],
  ])('%s', (_language, text, expected) => {
    // The generic path: Nordnet's own preset is tested in presets.test.ts.
    expect(holdings(preview(text, { format: 'generic' }))).toEqual(expected);
  });

  it("tells the language of a header it cannot use, with the --map to try in the file's own names", () => {
    const result = buildPreview('Värdepapper;Kurs;Valuta;Styck\nVOLV B;250,5;SEK;12\n', { fileName: 'avanza.csv' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      code: 'missing-column',
      header: ['Värdepapper', 'Kurs', 'Valuta', 'Styck'],
      suggestions: ['--map quantity=Styck'],
    });
    expect(result.error.message).toBe(
      'avanza.csv: line 1 is a header in Swedish (Värdepapper, Kurs, Valuta, Styck), but no column holds the quantity (expected a name such as Quantity, Shares, Units, Antal, Anzahl, Stück, Quantité or Aantal). "Styck"? Choose it with --map quantity=Styck, or choose the columns by hand in the app.',
    );
    expect(result.error.layoutKey).toMatch(/^generic:[0-9a-f]{8}$/);
  });
});

describe('trades written out in text', () => {
  it.each([
    ['Buy 12 @ 41.50 USD', '.', { side: 'buy', quantity: 12, price: 41.5, currency: 'USD' }],
    // A decimal point is never read as a thousands separator, even in a decimal-comma file.
    ['Buy 12 @ 41.50 USD', ',', { side: 'buy', quantity: 12, price: 41.5, currency: 'USD' }],
    ['OPEN BUY 12.5 @ 8.90', ',', { side: 'buy', quantity: 12.5, price: 8.9, currency: null }],
    ['Koop 1,5 @ 97,38 EUR', '.', { side: 'buy', quantity: 1.5, price: 97.38, currency: 'EUR' }],
    ['Compra 6 ISHARES MSCI WOR A@49,785 EUR (IE00B4L5Y983)', ',', { side: 'buy', quantity: 6, price: 49.785, currency: 'EUR' }],
    ['Verkoop 1.000 @ 1.234,5 EUR', '.', { side: 'sell', quantity: 1000, price: 1234.5, currency: 'EUR' }],
    ['Sälj 4 @ 260,00 SEK', '.', { side: 'sell', quantity: 4, price: 260, currency: 'SEK' }],
    ['Sold 3 AAPL at $190.10', '.', { side: 'sell', quantity: 3, price: 190.1, currency: null }],
    ['Sell 4 AVIVA@496 GBX', ',', { side: 'sell', quantity: 4, price: 496, currency: 'GBX' }],
  ] as const)('%s (file decimal %s)', (text, decimal, expected) => {
    expect(readTradeText(text, decimal)).toEqual(expected);
  });

  it('reads "Trade" rows whose quantity and price are only in the description', () => {
    const p = preview(
      'Date,Type,Symbol,Description,Amount\n2024-01-02,Deposit,,Cash in,1000.00\n2024-01-03,Trade,AMD,Buy 12 @ 41.50 USD,-498.00\n2024-02-01,Trade,AMD,Sell 2 @ 45.25 USD,90.50\n',
    );
    expect(holdings(p)).toEqual([
      ['Imported', 'AMD', 10, 45.25, null, 415, 'USD'],
      ['Imported', 'USD', 592.5, 1, 592.5, null, 'USD'],
    ]);
  });

  it('reads a quantity only in a comment column ("OPEN BUY 12.5 @ 8.90") and signs unsigned amounts by the action', () => {
    const p = preview(
      'Date;Event;Instrument;Comment;Amount\n2024-01-02;Deposit;;;1000\n2024-01-03;Open Position;SNAP;OPEN BUY 12.5 @ 8.90;111,25\n2024-01-09;Position closed;SNAP;CLOSE SELL 2,5 @ 9,10;22,75\n',
    );
    // 12.5 − 2.5 held at 8.90; cash 1,000 − 111.25 + 22.75.
    expect(holdings(p)).toEqual([
      ['Imported', 'SNAP', 10, 9.1, null, 89, 'USD'],
      ['Imported', 'USD', 911.5, 1, 911.5, null, 'USD'],
    ]);
    expect(p.warnings[0]).toBe('The file writes every amount without a sign; buys, fees and withdrawals were read as money out (1 row).');
  });

  it("signs a generic history's unsigned amounts: buys are money out (+5,338.90 would be wrong)", () => {
    const p = preview(
      'Date,Action,Symbol,Quantity,Price,Amount\n2024-01-02,Deposit,,,,6599.28\n2024-01-03,Buy,AAPL,20,185.00,3700.00\n2024-01-04,Buy,MSFT,4,409.725,1638.90\n2024-02-01,Sell,AAPL,5,190.00,950.00\n',
    );
    expect(holdings(p).find((h) => h[1] === 'USD')).toEqual(['Imported', 'USD', 2210.38, 1, 2210.38, null, 'USD']);
  });
});

describe('symbols written other ways', () => {
  it('splits AMD/USD into the symbol and its currency, and prices trades by amount ÷ units', () => {
    const p = preview(
      'Date,Type,Details,Amount,Units,Realized Equity Change,Realized Equity,Balance,Position ID,Asset type,NWA\n' +
        '2024-01-02 10:00:00,Deposit,,500.00,-,500.00,500.00,500.00,,,0.00\n' +
        '2024-01-03 14:31:02,Open Position,AMD/USD,250.00,2.5,0.00,500.00,250.00,2620011111,Stocks,0.00\n' +
        '2024-01-05 09:00:00,Open Position,NVDA/USD,100.00,0.8,0.00,500.00,150.00,2620022222,Stocks,0.00\n',
    );
    expect(holdings(p)).toEqual([
      ['Imported', 'AMD', 2.5, 100, null, 250, 'USD'],
      ['Imported', 'NVDA', 0.8, 125, null, 100, 'USD'],
      ['Imported', 'USD', 150, 1, 150, null, 'USD'],
    ]);
  });

  it('takes the ISIN out of a "Fund / ISIN" cell and keeps the name', () => {
    const p = preview(
      'Date;Transaction;Fund / ISIN;Units;Price;Value;Currency\n2024-01-03;Buy;Vanguard FTSE All-World / IE00BK5BQT80;10;110.40;1104.00;EUR\n2024-02-03;Buy;iShares Core MSCI World / IE00B4L5Y983;4;90.10;360.40;EUR\n',
    );
    expect(p.positions.map((x) => [x.symbol, x.name, x.quantity])).toEqual([
      ['IE00B4L5Y983', 'iShares Core MSCI World', 4],
      ['IE00BK5BQT80', 'Vanguard FTSE All-World', 10],
    ]);
  });

  it('reads currency aliases: CAN is CAD', () => {
    expect(holdings(preview('Symbol,Quantity,Price,Currency\nSHOP,10,102.5,CAN\n'))).toEqual([
      ['Imported', 'SHOP', 10, 102.5, null, null, 'CAD'],
    ]);
    expect([currencyCode('can'), currencyCode('€'), currencyCode('usd'), currencyCode('dollars?')]).toEqual(['CAD', 'EUR', 'USD', null]);
  });

  it('checks ISIN check digits, so a 12-character code is not taken for one by its shape', () => {
    expect([isIsin('US0378331005'), isIsin('US0378331006'), isIsin('IE00BK5BQT80')]).toEqual([true, false, true]);
    expect(isinIn('Vanguard FTSE All-World (IE00BK5BQT80)')).toBe('IE00BK5BQT80');
    expect(splitPair('AMD/USD')).toEqual({ symbol: 'AMD', currency: 'USD' });
    expect(splitPair('Apple / Inc')).toBeNull();
  });
});

describe('action words in eleven languages', () => {
  it.each([
    ['Köp', 'buy'],
    ['Sälj', 'sell'],
    ['KÖPT', 'buy'],
    ['SÅLT', 'sell'],
    ['Kauf', 'buy'],
    ['Verkauf', 'sell'],
    ['Aankoop', 'buy'],
    ['Verkoop', 'sell'],
    ['Achat', 'buy'],
    ['Vente', 'sell'],
    ['Acquisto', 'buy'],
    ['Vendita', 'sell'],
    ['Compra', 'buy'],
    ['Venta', 'sell'],
    ['Venda', 'sell'],
    ['KØBT', 'buy'],
    ['SOLGT', 'sell'],
    ['KJØPT', 'buy'],
    ['OSTO', 'buy'],
    ['MYYNTI', 'sell'],
    ['Open Position', 'buy'],
    ['Position closed', 'sell'],
    ['Utdelning', 'income'],
    ['Dividende', 'income'],
    ['Zinsen', 'income'],
    ['Källskatt', 'fee'],
    ['Quellensteuer', 'fee'],
    ['Courtage', 'fee'],
    ['Insättning', 'deposit'],
    ['Einzahlung', 'deposit'],
    ['Uttag', 'withdrawal'],
    ['Direct Debit', 'withdrawal'],
    ['Retrait', 'withdrawal'],
    ['Forex debit', 'cash'],
    ['Forex credit', 'cash'],
    ['Redemption from core account', 'ignore'],
    ['Aktiesplit', 'split'],
    // Italian cash rows (Directa) and broker credits: classed, not skipped.
    ['Conferimento con bonifico', 'deposit'],
    ['Provento etf', 'income'],
    ['Rit.provento etf', 'fee'],
    ['Cedola obb.', 'income'],
    ['Promotional', 'income'],
  ])('%s → %s', (text, expected) => {
    expect(classifyAction(text)).toBe(expected);
  });
});

// These brokers have presets now (presets.test.ts); the generic path must still read their files for users whose
// export differs from the preset's layout.
describe('retail brokers read by the generic path from their documented columns (invented values)', () => {
  it.each([
    [
      'Robinhood (Trans Code, multi-line descriptions, ACH)',
      'Activity Date,Process Date,Settle Date,Instrument,Description,Trans Code,Quantity,Price,Amount\n1/3/2024,1/3/2024,1/5/2024,AAPL,"Apple\nCUSIP: 037833100",Buy,10,$185.50,($1855.00)\n1/2/2024,1/2/2024,1/2/2024,,ACH Deposit,ACH,,,$5000.00\n2/1/2024,2/1/2024,2/5/2024,AAPL,"Apple\nCUSIP: 037833100",Sell,4,$190.00,$760.00\n',
      [
        ['Imported', 'AAPL', 6, 190, null, 1113, 'USD'],
        ['Imported', 'USD', 3905, 1, 3905, null, 'USD'],
      ],
    ],
    [
      'Questrade (Activity Type names the deposit when Action is empty)',
      'Transaction Date,Settlement Date,Action,Symbol,Description,Quantity,Price,Gross Amount,Commission,Net Amount,Currency,Account #,Activity Type,Account Type\n2024-01-03 12:00:00 AM,2024-01-05 12:00:00 AM,Buy,XEQT.TO,ISHARES CORE EQUITY ETF,100,25.50,-2550.00,0.00,-2550.00,CAD,12345678,Trades,Individual TFSA\n2024-02-01 12:00:00 AM,2024-02-01 12:00:00 AM,,,CONT,0,0,0,0,3000.00,CAD,12345678,Deposits,Individual TFSA\n',
      [['Individual TFSA (12345678)', 'XEQT.TO', 100, 25.5, null, 2550, 'CAD']],
    ],
    [
      'E*TRADE (TransactionDate, TransactionType, Bought/Sold)',
      'TransactionDate,TransactionType,SecurityType,Symbol,Quantity,Amount,Price,Commission,Description\n01/03/24,Bought,EQ,MSFT,5,-1850.00,370.00,0.00,MICROSOFT CORP\n02/01/24,Sold,EQ,MSFT,-2,800.00,400.00,0.00,MICROSOFT CORP\n',
      [['Imported', 'MSFT', 3, 400, null, 1110, 'USD']],
    ],
    [
      'Scalable Capital (";", decimal commas, Savings plan)',
      'date;time;status;reference;description;assetType;type;isin;shares;price;amount;fee;tax;currency\n2024-01-03;10:00:00;Executed;SCAL1;iShares Core MSCI World;Security;Buy;IE00B4L5Y983;10;85,50;-855,00;0,99;0,00;EUR\n2024-02-03;10:00:00;Executed;SCAL2;iShares Core MSCI World;Security;Savings plan;IE00B4L5Y983;2,5;88,00;-220,00;0,00;0,00;EUR\n',
      [['Imported', 'IE00B4L5Y983', 12.5, 88, null, 1075, 'EUR']],
    ],
    [
      'Merrill (Symbol/CUSIP #, Price ($), Account # beside the nickname)',
      'Trade Date,Settlement Date,Pending/Settled,Account Nickname,Account Registration,Account #,Type,Description 1 ,Description 2,Symbol/CUSIP #,Quantity,Price ($),Amount ($)\n01/03/2024,01/05/2024,Settled,CMA,CMA-Edge,1AB-12345,Purchase,Purchase,VANGUARD S&P 500 ETF,VOO,10,430.00,-4300.00\n',
      [['CMA (1AB-12345)', 'VOO', 10, 430, null, 4300, 'USD']],
    ],
    [
      'Webull orders (Side and Filled, no action column)',
      'Name,Symbol,Side,Status,Filled,Total Qty,Price,Avg Price,Time-in-Force,Placed Time,Filled Time\nNVIDIA,NVDA,Buy,Filled,3,3,480.00,479.50,DAY,01/03/2024 09:31:00 EST,01/03/2024 09:31:02 EST\nNVIDIA,NVDA,Sell,Filled,1,1,600.00,601.00,DAY,02/03/2024 09:31:00 EST,02/03/2024 09:31:02 EST\n',
      [['Imported', 'NVDA', 2, 600, null, 960, 'USD']],
    ],
    [
      'Nordnet (Swedish, KÖPT)',
      'Id;Bokföringsdag;Affärsdag;Likviddag;Depå;Transaktionstyp;Värdepapper;ISIN;Antal;Kurs;Ränta;Total Avgift;Valuta;Belopp;Valuta\n1;2024-01-04;2024-01-02;2024-01-04;111;KÖPT;VOLV B;SE0000115446;10;250,5;;1;SEK;-2506;SEK\n',
      [['111', 'VOLV B', 10, 250.5, null, 2505, 'SEK']],
    ],
  ])('%s', (_broker, text, expected) => {
    expect(holdings(preview(text, { format: 'generic' }))).toEqual(expected);
  });
});
