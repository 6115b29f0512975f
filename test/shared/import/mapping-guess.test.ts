import { describe, expect, it } from 'vitest';
import { buildPreview, guessColumnMapping } from '../../../shared/import/pipeline';
import { parseTable } from '../../../shared/import/table';
import { fixtureText } from '../../helpers/fixtures';

// Histories in the eleven languages the import reads, written by the team after the layouts their banks and brokers
// document (invented values): `;` and decimal commas, unsigned and signed amounts, ISIN columns beside names.
const preview = (name: string) => {
  const result = buildPreview(fixtureText(`languages/${name}`), { fileName: name });
  if (!result.ok) throw new Error(result.error.message);
  return result.preview;
};
const held = (name: string) =>
  preview(name).positions.map((p) => `${p.account} | ${p.symbol} | ${p.name} | ${p.quantity} @ ${p.price} ${p.currency}`);

describe('a history in each language, read with no preset and no --map', () => {
  it.each([
    // file, holdings worked out by hand from its rows
    ['sv-history.csv', ['ISK | SE0015811963 | Investor B | 15 @ 260.1 SEK', 'ISK | SEK | Cash (SEK) | 6338.5 @ 1 SEK']],
    ['nl-history.csv', ['Imported | IE00B3RBWM25 | Vanguard FTSE All-World | 0.5 @ 99.1 EUR']],
    ['fr-history.csv', ['Imported | FR0000120073 | AIR LIQUIDE | 2 @ 172 EUR']],
    ['de-history.csv', ['Imported | DE0007164600 | SAP SE | 8 @ 141 EUR']],
    ['it-history.csv', ['Imported | IT0003128367 | ENEL | 60 @ 6.8 EUR']],
    ['es-history.csv', ['Imported | ES0144580Y14 | IBERDROLA | 40 @ 11.9 EUR']],
    ['pt-history.csv', ['Imported | GALP |  | 40 @ 14.5 EUR']],
    ['fi-history.csv', ['Imported | NOKIA |  | 100 @ 3.2 EUR']],
    ['da-history.csv', ['Imported | DK0062498333 | NOVO NORDISK B | 5 @ 700.5 DKK']],
    ['no-history.csv', ['Imported | EQNR |  | 10 @ 300.1 NOK']],
  ])('%s', (name, expected) => {
    expect(held(name)).toEqual(expected);
  });

  it('Swedish: cash from the deposit, the trades with their courtage and the dividend (10,000 − 5,027 + 1,299.50 + 66)', () => {
    const p = preview('sv-history.csv');
    expect(p.positions.find((x) => x.assetClass === 'cash')?.marketValue).toBe(6338.5);
    expect(p.counts).toMatchObject({ new: 4, invalid: 0, skipped: 0 });
  });

  it('Dutch: "Omschrijving" holds Aankoop/Verkoop, so it is the action; unsigned amounts are signed by it', () => {
    const p = preview('nl-history.csv');
    expect(p.header[p.mapping.columns.action!]).toBe('Omschrijving');
    expect(p.format).toBe('generic'); // not the DEGIRO statement, which has Mutatie and Saldo
    expect(p.warnings[0]).toBe('The file writes every amount without a sign; buys, fees and withdrawals were read as money out (1 row).');
  });

  it('reads "02/01/2024" day first under a French, Italian or Spanish header (no cell settles it)', () => {
    for (const name of ['fr-history.csv', 'it-history.csv', 'es-history.csv']) expect(preview(name).mapping.dateOrder).toBe('DMY');
    const english = buildPreview('Date,Action,Symbol,Quantity,Price,Amount\n02/01/2024,Buy,AAPL,1,100,-100\n', { fileName: 'us.csv' });
    expect(english.ok && english.preview.mapping.dateOrder).toBe('MDY');
  });

  it('German: "Wertpapier" of names with an ISIN column: the ISIN names the holding, the cell its name', () => {
    const p = preview('de-history.csv');
    expect([p.header[p.mapping.columns.isin!], p.header[p.mapping.columns.description!], p.mapping.columns.symbol]).toEqual([
      'ISIN',
      'Wertpapier',
      undefined,
    ]);
  });
});

describe('guessColumnMapping (for the mapping editor)', () => {
  const guess = (text: string) => {
    const { rows } = parseTable(text);
    return guessColumnMapping(rows[0], rows.slice(1));
  };
  const named = (g: ReturnType<typeof guessColumnMapping>, header: string[]) =>
    Object.fromEntries(Object.entries(g.mapping.columns).map(([field, i]) => [field, header[i]]));

  it('maps a Swedish history by its names, with the decimal comma and the language', () => {
    const text = fixtureText('languages/sv-history.csv');
    const g = guess(text);
    expect([g.format, g.kind, g.language, g.mapping.decimal, g.missing]).toEqual(['generic', 'transactions', 'Swedish', ',', null]);
    expect(named(g, parseTable(text).rows[0])).toEqual({
      account: 'Konto',
      action: 'Typ av transaktion',
      amount: 'Belopp',
      currency: 'Valuta',
      date: 'Datum',
      description: 'Värdepapper/beskrivning',
      fees: 'Courtage',
      isin: 'ISIN',
      price: 'Kurs',
      quantity: 'Antal',
    });
    expect(g.candidates).toEqual({});
  });

  it('names a preset when the header is one (DEGIRO)', () => {
    const g = guess(fixtureText('degiro.csv'));
    expect([g.format, g.kind, g.missing]).toEqual(['degiro', 'transactions', null]);
  });

  it('says what is missing and which columns could give it, by their values', () => {
    const g = guess('Papier;Stk;Notierung\nSAP;10;140,20\nALV;2;250,10\n');
    expect([g.kind, g.missing, g.mapping.decimal]).toEqual(['positions', 'symbol', ',']);
    expect(g.candidates.symbol).toEqual(['Papier']);
    expect(g.candidates.price).toEqual(['Notierung']);
    // "Wert je Stück" (value per share) is a price, not a market value.
    const perShare = guess('Papier;Stk;Wert je Stück\nSAP;10;140,20\n');
    expect(perShare.mapping.columns.price).toBe(2);
  });
});

describe('a refusal suggests one command that fixes the whole file', () => {
  const text = 'Papier;Stk;Notierung;Valuta\nVOLV B;12;250,5;SEK\nINVE B;40;260,1;SEK\n';

  it('names the symbol column and the price column it would still lack, in the file’s own names', () => {
    const refused = buildPreview(text, { fileName: 'depot.csv' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect([refused.error.code, refused.error.suggestions]).toEqual(['missing-column', ['--map symbol=Papier --map price=Notierung']]);
    expect(refused.error.message).toMatch(
      /"Papier"\? Choose it with --map symbol=Papier --map price=Notierung, or choose the columns by hand/,
    );
  });

  it('imports with exactly those columns', () => {
    const fixed = buildPreview(text, { fileName: 'depot.csv', columns: { symbol: 'Papier', price: 'Notierung' } });
    expect(fixed.ok && fixed.preview.positions.map((p) => `${p.symbol} ${p.quantity} @ ${p.price} ${p.currency}`)).toEqual([
      'VOLV B 12 @ 250.5 SEK',
      'INVE B 40 @ 260.1 SEK',
    ]);
  });
});
