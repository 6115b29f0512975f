import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../helpers/fixtures';
import { runCli as run } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir('cli-import');

const fixture = (name: string) => path.join(FIXTURES, name);

describe('aftershock import', () => {
  it('lists every preset under --format in its help, and reads a Robinhood export through its preset', async () => {
    const help = await run(['import', '--help']);
    expect(help.out.replace(/\s+/g, ' ')).toContain(
      'robinhood, etrade, merrill, webull, interactive-investor, hargreaves-lansdown, scalable-capital, nordnet, questrade, wealthsimple, generic',
    );
    const db = path.join(dir, 'help.sqlite');
    const dry = await run(['import', fixture('presets/robinhood.csv'), '--portfolio', 'RH', '--dry-run', '--json', '--db', db]);
    expect(JSON.parse(dry.out).preview).toMatchObject({ format: 'robinhood', counts: { new: 10, skipped: 1, invalid: 0 } });
  });

  it('reads a Hargreaves Lansdown history by names: the bundled master names Microsoft once, Alphabet twice', async () => {
    const db = path.join(dir, 'hl.sqlite');
    const dry = await run(['import', fixture('presets/hargreaves-lansdown.csv'), '--portfolio', 'HL', '--dry-run', '--json', '--db', db]);
    const preview = JSON.parse(dry.out).preview as {
      format: string;
      positions: { symbol: string }[];
      findings: { kind: string; symbol: string }[];
    };
    expect(preview.format).toBe('hargreaves-lansdown');
    expect(preview.positions.map((p) => p.symbol)).toEqual([
      'ALPHABET INC CLASS A CO 026AB371',
      'MSFT',
      'VANGUARD FTSE DEVELOPED 7F8A06F1',
      'VODAFONE GROUP PLC ORDI C2C57A54',
      'GBP',
    ]);
    expect(preview.findings.map((f) => `${f.kind} ${f.symbol}`)).toEqual([
      'named-by-description ALPHABET INC CLASS A CO 026AB371',
      'named-by-description VANGUARD FTSE DEVELOPED 7F8A06F1',
      'named-by-description VODAFONE GROUP PLC ORDI C2C57A54',
    ]);
  });

  it('previews with --dry-run without creating anything, then imports into a new portfolio under the default client', async () => {
    const db = path.join(dir, 'a.sqlite');
    const dry = await run(['import', fixture('schwab-positions.csv'), '--portfolio', 'Schwab book', '--dry-run', '--db', db]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('schwab-positions.csv: Schwab positions (positions), 5 new, 0 duplicate, 0 invalid, 2 skipped.');
    expect(dry.out).toMatch(/Individual \.\.\.123\s+5\s+\$37,025\.75/);
    expect(dry.out).toContain('Dry run: nothing was written.');
    expect(JSON.parse((await run(['portfolios', 'list', '--json', '--db', db])).out).map((p: { name: string }) => p.name)).toEqual([
      'Growth & AI',
    ]);

    const done = await run(['import', fixture('schwab-positions.csv'), '--portfolio', 'Schwab book', '--db', db]);
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/Imported 5 positions into Individual \.\.\.123 \(import #\d+; replaced 0\)\./);
    const list = JSON.parse((await run(['portfolios', 'list', '--json', '--db', db])).out);
    expect(list.find((p: { name: string }) => p.name === 'Schwab book')).toMatchObject({ clientName: 'My portfolios', positionCount: 5 });
  });

  it('creates a named client, and answers a re-import with a refusal unless --if-imported says what to do', async () => {
    const db = path.join(dir, 'b.sqlite');
    const args = ['import', fixture('vanguard.csv'), '--portfolio', 'Retirement', '--client', 'Okafor family', '--db', db];
    expect((await run(args)).code).toBe(0);
    const again = await run(args);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(
      /^aftershock: vanguard\.csv was already imported into Retirement on \d{4}-\d{2}-\d{2}; choose to replace that import or skip this file\.$/,
    );
    expect((await run([...args, '--if-imported', 'skip'])).out).toMatch(/Skipped: this file was already imported \(import #1\)\./);
    const json = JSON.parse((await run([...args, '--if-imported', 'replace', '--json'])).out);
    expect([json.status, json.replaced, json.positions]).toEqual(['imported', 3, 3]);

    expect((await run(['imports', 'list', '--portfolio', 'Retirement', '--db', db])).out).toMatch(
      /2\s+\S+ \S+\s+vanguard\.csv\s+vanguard\s+6\s+3\s*\n\s*1 /,
    );
    expect((await run(['imports', 'undo', '2', '--db', db])).out).toBe('Undid import #2: removed 3, restored 3 positions.');
    expect(await run(['imports', 'undo', '2', '--db', db])).toMatchObject({
      code: 1,
      err: 'aftershock: The import of vanguard.csv was already undone.',
    });
  });

  it('exits non-zero with one sentence naming file, row and column on a refusal', async () => {
    const db = path.join(dir, 'c.sqlite');
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'Symbol,Quantity,Price\nAAPL,10,100\nMSFT,lots,400\n');
    const refused = await run(['import', bad, '--portfolio', 'P', '--db', db]);
    expect(refused).toMatchObject({
      code: 1,
      err:
        'aftershock: bad.csv, row 3, column "Quantity": expected a number of shares such as 12.5, found "lots". 1 row cannot be read; fix the file or import without them.\n' +
        `Try: aftershock import ${bad} --portfolio P --skip-invalid`,
    });
    expect((await run(['import', bad, '--portfolio', 'P', '--db', db, '--skip-invalid'])).code).toBe(0);
    expect((await run(['import', path.join(dir, 'missing.csv'), '--portfolio', 'P', '--db', db])).err).toBe(
      `aftershock: Cannot read ${path.join(dir, 'missing.csv')}: there is no such file.`,
    );
    expect((await run(['import', bad, '--db', db])).err).toBe('aftershock: Name the portfolio to import into with --portfolio NAME.');
  });

  it('leaves no client or portfolio behind when the import that would create them is refused', async () => {
    const db = path.join(dir, 'd.sqlite');
    const bad = path.join(dir, 'bad-rows.csv');
    fs.writeFileSync(bad, 'Symbol,Quantity,Price\nAAPL,10,100\nMSFT,lots,400\n');
    const names = async () => ({
      clients: JSON.parse((await run(['clients', 'list', '--json', '--db', db])).out).map((c: { name: string }) => c.name),
      portfolios: JSON.parse((await run(['portfolios', 'list', '--json', '--db', db])).out).map((p: { name: string }) => p.name),
    });
    const before = await names();
    expect((await run(['import', bad, '--portfolio', 'Fresh book', '--client', 'New household', '--db', db])).code).toBe(1);
    expect((await run(['import', bad, '--portfolio', 'Fresh book', '--db', db])).code).toBe(1);
    expect(await names()).toEqual(before);
    // Accepted, the same import creates both.
    expect((await run(['import', bad, '--portfolio', 'Fresh book', '--client', 'New household', '--skip-invalid', '--db', db])).code).toBe(
      0,
    );
    const after = JSON.parse((await run(['portfolios', 'list', '--json', '--db', db])).out);
    expect(after.find((p: { name: string }) => p.name === 'Fresh book')).toMatchObject({ clientName: 'New household', positionCount: 1 });
  });
});
