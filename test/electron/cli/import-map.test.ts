import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeStyle } from '../../../electron/cli/import';
import { runCli as run } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir('cli-map');

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}
const names = async (db: string, what: 'portfolios' | 'clients') =>
  JSON.parse((await run([what, 'list', '--json', '--db', db])).out).map((x: { name: string }) => x.name);

// A Swedish holdings list whose quantity column has a name no alias knows.
const SWEDISH = 'Värdepapper;Kurs;Valuta;Styck\nVOLV B;250,5;SEK;12\nINVE B;260,1;SEK;40\n';

describe('aftershock import --map, --map-file, --locale and refusals', () => {
  it("refuses with the command to try in the file's own names, and creates no client or portfolio", async () => {
    const db = path.join(dir, 'a.sqlite');
    const file = write('avanza.csv', SWEDISH);
    const before = [await names(db, 'portfolios'), await names(db, 'clients')];
    const refused = await run(['import', file, '--portfolio', 'ISK', '--client', 'Lindqvist', '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(
      'aftershock: avanza.csv: line 1 is a header in Swedish (Värdepapper, Kurs, Valuta, Styck), but no column holds the quantity (expected a name such as Quantity, Shares, Units, Antal, Anzahl, Stück, Quantité or Aantal). "Styck"? Choose it with --map quantity=Styck, or choose the columns by hand in the app.\n' +
        `Try: aftershock import ${file} --portfolio ISK --map quantity=Styck`,
    );
    expect([await names(db, 'portfolios'), await names(db, 'clients')]).toEqual(before);

    const json = await run(['import', file, '--portfolio', 'ISK', '--client', 'Lindqvist', '--db', db, '--json']);
    expect(json.code).toBe(1);
    expect(json.err).toBe('');
    expect(JSON.parse(json.out)).toEqual({
      ok: false,
      code: 'missing-column',
      message: expect.stringMatching(/^avanza\.csv: line 1 is a header in Swedish/),
      header: ['Värdepapper', 'Kurs', 'Valuta', 'Styck'],
      suggestions: [`aftershock import ${file} --portfolio ISK --map quantity=Styck`],
    });
    expect([await names(db, 'portfolios'), await names(db, 'clients')]).toEqual(before);
  });

  it('imports with --map, saves the choice, and reads the next file of that layout without it', async () => {
    const db = path.join(dir, 'b.sqlite');
    const file = write('avanza-1.csv', SWEDISH);
    const done = await run(['import', file, '--portfolio', 'ISK', '--map', 'quantity=styck', '--db', db, '--json']);
    expect(done.code).toBe(0);
    const answer = JSON.parse(done.out);
    expect(
      answer.preview.positions.map((p: { symbol: string; quantity: number; price: number; currency: string }) => [
        p.symbol,
        p.quantity,
        p.price,
        p.currency,
      ]),
    ).toEqual([
      ['VOLV B', 12, 250.5, 'SEK'],
      ['INVE B', 40, 260.1, 'SEK'],
    ]);
    const next = write('avanza-2.csv', 'Värdepapper;Kurs;Valuta;Styck\nVOLV B;251,0;SEK;15\n');
    const again = await run(['import', next, '--portfolio', 'ISK 2', '--db', db, '--dry-run', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({
      isSavedMapping: true,
      preview: { positions: [{ symbol: 'VOLV B', quantity: 15, price: 251 }] },
    });
  });

  it("reads a --map-file (field → header, or the app's saved mapping) with --map over it", async () => {
    const db = path.join(dir, 'c.sqlite');
    const file = write('holdings.csv', 'Papier,Anteile,Wert je Anteil,Notiz\nAAPL,3,190.5,x\nMSFT,2,410,y\n');
    const byName = write('by-name.json', JSON.stringify({ symbol: 'Papier', quantity: 'Anteile', price: 'Wert je Anteil' }));
    const one = await run(['import', file, '--portfolio', 'P', '--map-file', byName, '--dry-run', '--json', '--db', db]);
    expect(
      JSON.parse(one.out).preview.positions.map((p: { symbol: string; quantity: number; price: number }) => [
        p.symbol,
        p.quantity,
        p.price,
      ]),
    ).toEqual([
      ['AAPL', 3, 190.5],
      ['MSFT', 2, 410],
    ]);
    const saved = write('saved.json', JSON.stringify({ columns: { symbol: 0, quantity: 1, price: 2 }, dateOrder: 'MDY', decimal: '.' }));
    const two = await run([
      'import',
      file,
      '--portfolio',
      'P',
      '--map-file',
      saved,
      '--map',
      'price=',
      '--map',
      'marketValue=4',
      '--dry-run',
      '--db',
      db,
    ]);
    // The price unmapped and the fourth column ("Notiz") taken as the market value: its "x" cannot be read.
    expect(two.code).toBe(1);
    expect(two.err).toBe(
      'aftershock: holdings.csv, row 2, column "Notiz": expected an amount such as 1,234.56, found "x". No row could be read, so nothing was imported. If "Wert je Anteil" holds the market value, choose it with --map marketValue="Wert je Anteil".\n' +
        `Try: aftershock import ${file} --portfolio P --map marketValue="Wert je Anteil"`,
    );
  });

  it('refuses a --map naming no column, listing the columns there are', async () => {
    const db = path.join(dir, 'd.sqlite');
    const file = write('avanza-3.csv', SWEDISH);
    expect((await run(['import', file, '--portfolio', 'P', '--map', 'quantity=Antal', '--db', db])).err).toBe(
      'aftershock: avanza-3.csv: --map quantity=Antal names no column of the header on row 1; its columns are "Värdepapper", "Kurs", "Valuta", "Styck" (or give a column number, 1 to 4).',
    );
    expect((await run(['import', file, '--portfolio', 'P', '--map', 'shares=Styck', '--db', db])).err).toMatch(
      /^aftershock: --map takes FIELD=COLUMN with FIELD one of account, accountNumber, symbol/,
    );
    expect((await run(['import', file, '--portfolio', 'P', '--map-file', path.join(dir, 'none.json'), '--db', db])).err).toBe(
      `aftershock: Cannot read the mapping file ${path.join(dir, 'none.json')}: there is no such file.`,
    );
  });

  it('--locale settles numbers and dates the file leaves open', async () => {
    const db = path.join(dir, 'e.sqlite');
    const file = write('open.csv', 'Date,Action,Symbol,Quantity,Price,Amount\n03/04/2024,Buy,SAP,1.500,120,-180000\n');
    const read = async (locale?: string) => {
      const answer = JSON.parse(
        (await run(['import', file, '--portfolio', 'P', '--dry-run', '--json', '--db', db, ...(locale ? ['--locale', locale] : [])])).out,
      );
      return answer.preview.positions
        .filter((p: { symbol: string }) => p.symbol === 'SAP')
        .map((p: { quantity: number; asOf: string | null }) => [p.quantity, p.asOf])[0];
    };
    expect(await read()).toEqual([1.5, expect.anything()]);
    expect((await read('de-DE'))[0]).toBe(1500);
    expect([localeStyle('en-US'), localeStyle('en-GB'), localeStyle('sv-SE'), localeStyle('de-CH')]).toEqual([
      { decimal: '.', dateOrder: 'MDY' },
      { decimal: '.', dateOrder: 'DMY' },
      { decimal: ',', dateOrder: 'YMD' },
      { decimal: '.', dateOrder: 'DMY' },
    ]);
    expect((await run(['import', file, '--portfolio', 'P', '--locale', 'Swedish please', '--db', db])).err).toBe(
      'aftershock: --locale takes a language tag such as en-US, en-GB, de-DE, sv-SE or fr-FR; found "Swedish please".',
    );
  });

  it('--currency names the currency of a file that names none; rows that cannot be read suggest --skip-invalid', async () => {
    const db = path.join(dir, 'f.sqlite');
    const file = write('no-currency.csv', 'Symbol,Quantity,Price\nSAP,10,120\nASML,x,600\n');
    const plain = JSON.parse((await run(['import', file, '--portfolio', 'P', '--dry-run', '--json', '--db', db])).out);
    expect(plain.preview.warnings).toContain(
      'The file names no currency, so its amounts were taken as USD (no currency was known for it); if they are in another currency, import it with --currency CODE (or choose the currency in the preview), or map its column with --map currency=COLUMN.',
    );
    const chosen = JSON.parse(
      (await run(['import', file, '--portfolio', 'P', '--currency', 'eur', '--dry-run', '--json', '--db', db])).out,
    );
    expect(chosen.preview.positions.map((p: { symbol: string; currency: string }) => [p.symbol, p.currency])).toEqual([['SAP', 'EUR']]);
    expect(chosen.preview.warnings).toEqual([]);
    const refused = await run(['import', file, '--portfolio', 'P', '--currency', 'eur', '--json', '--db', db]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({
      ok: false,
      code: 'unreadable-rows',
      suggestions: [`aftershock import ${file} --portfolio P --skip-invalid`],
    });
    expect((await run(['import', file, '--portfolio', 'P', '--currency', 'euro', '--db', db])).err).toBe(
      'aftershock: --currency takes a three-letter code such as EUR, SEK or CAD; found "euro".',
    );
  });
});
