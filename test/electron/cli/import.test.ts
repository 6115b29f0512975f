import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/aftershock';
import { FIXTURES } from '../../helpers/fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-cli-import-'));

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const fixture = (name: string) => path.join(FIXTURES, name);

describe('aftershock import', () => {
  it('previews with --dry-run without creating anything, then imports into a new portfolio under the default client', () => {
    const db = path.join(dir, 'a.sqlite');
    const dry = run(['import', fixture('schwab-positions.csv'), '--portfolio', 'Schwab book', '--dry-run', '--db', db]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('schwab-positions.csv: Schwab positions (positions), 5 new, 0 duplicate, 0 invalid, 2 skipped.');
    expect(dry.out).toMatch(/Individual \.\.\.123\s+5\s+\$37,025\.75/);
    expect(dry.out).toContain('Dry run: nothing was written.');
    expect(JSON.parse(run(['portfolios', 'list', '--json', '--db', db]).out).map((p: { name: string }) => p.name)).toEqual(['Growth & AI']);

    const done = run(['import', fixture('schwab-positions.csv'), '--portfolio', 'Schwab book', '--db', db]);
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/Imported 5 positions into Individual \.\.\.123 \(import #\d+; replaced 0\)\./);
    const list = JSON.parse(run(['portfolios', 'list', '--json', '--db', db]).out);
    expect(list.find((p: { name: string }) => p.name === 'Schwab book')).toMatchObject({ clientName: 'My portfolios', positionCount: 5 });
  });

  it('creates a named client, and answers a re-import with a refusal unless --if-imported says what to do', () => {
    const db = path.join(dir, 'b.sqlite');
    const args = ['import', fixture('vanguard.csv'), '--portfolio', 'Retirement', '--client', 'Okafor family', '--db', db];
    expect(run(args).code).toBe(0);
    const again = run(args);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^aftershock: vanguard\.csv was already imported into Retirement on \d{4}-\d{2}-\d{2}; choose to replace that import or skip this file\.$/);
    expect(run([...args, '--if-imported', 'skip']).out).toMatch(/Skipped: this file was already imported \(import #1\)\./);
    const json = JSON.parse(run([...args, '--if-imported', 'replace', '--json']).out);
    expect([json.status, json.replaced, json.positions]).toEqual(['imported', 3, 3]);

    expect(run(['imports', 'list', '--portfolio', 'Retirement', '--db', db]).out).toMatch(/2\s+\S+ \S+\s+vanguard\.csv\s+vanguard\s+6\s+3\s*\n\s*1 /);
    expect(run(['imports', 'undo', '2', '--db', db]).out).toBe('Undid import #2: removed 3, restored 3 positions.');
    expect(run(['imports', 'undo', '2', '--db', db])).toMatchObject({ code: 1, err: 'aftershock: The import of vanguard.csv was already undone.' });
  });

  it('exits non-zero with one sentence naming file, row and column on a refusal', () => {
    const db = path.join(dir, 'c.sqlite');
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'Symbol,Quantity,Price\nAAPL,10,100\nMSFT,lots,400\n');
    const refused = run(['import', bad, '--portfolio', 'P', '--db', db]);
    expect(refused).toMatchObject({
      code: 1,
      err: 'aftershock: bad.csv, row 3, column "Quantity": expected a number of shares such as 12.5, found "lots". 1 row cannot be read; fix the file or import without them.\n' +
        `Try: aftershock import ${bad} --portfolio P --skip-invalid`,
    });
    expect(run(['import', bad, '--portfolio', 'P', '--db', db, '--skip-invalid']).code).toBe(0);
    expect(run(['import', path.join(dir, 'missing.csv'), '--portfolio', 'P', '--db', db]).err).toBe(
      `aftershock: Cannot read ${path.join(dir, 'missing.csv')}: there is no such file.`,
    );
    expect(run(['import', bad, '--db', db]).err).toBe('aftershock: Name the portfolio to import into with --portfolio NAME.');
  });

  it('leaves no client or portfolio behind when the import that would create them is refused', () => {
    const db = path.join(dir, 'd.sqlite');
    const bad = path.join(dir, 'bad-rows.csv');
    fs.writeFileSync(bad, 'Symbol,Quantity,Price\nAAPL,10,100\nMSFT,lots,400\n');
    const names = () => ({
      clients: JSON.parse(run(['clients', 'list', '--json', '--db', db]).out).map((c: { name: string }) => c.name),
      portfolios: JSON.parse(run(['portfolios', 'list', '--json', '--db', db]).out).map((p: { name: string }) => p.name),
    });
    const before = names();
    expect(run(['import', bad, '--portfolio', 'Fresh book', '--client', 'New household', '--db', db]).code).toBe(1);
    expect(run(['import', bad, '--portfolio', 'Fresh book', '--db', db]).code).toBe(1);
    expect(names()).toEqual(before);
    // Accepted, the same import creates both.
    expect(run(['import', bad, '--portfolio', 'Fresh book', '--client', 'New household', '--skip-invalid', '--db', db]).code).toBe(0);
    const after = JSON.parse(run(['portfolios', 'list', '--json', '--db', db]).out);
    expect(after.find((p: { name: string }) => p.name === 'Fresh book')).toMatchObject({ clientName: 'New household', positionCount: 1 });
  });
});
