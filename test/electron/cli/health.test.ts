import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeServices } from '../../../electron/services/services';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { testServices } from '../../helpers/services';

const dir = tempDir('cli-health');
const db = path.join(dir, 'health.sqlite');

const run = (args: string[]) => runCli(args, db);

describe('aftershock health', () => {
  it('prints the verdict, the dates and each finding with its fix; exit 1 only when something blocks', async () => {
    const sample = await run(['health', '--portfolio', 'Growth & AI']);
    expect(sample.code).toBe(0);
    expect(sample.out).toMatch(/^Data health of “Growth & AI”: /);
    expect(sample.out).toMatch(/^Prices as of \d{4}-\d{2}-\d{2}/m);

    // A T-bill typed in at percent of par (the CLI has no position editor; the app's services do it).
    const services = testServices(db, { seedSample: true, loadReference: true });
    try {
      const portfolio = services.db.prepare("SELECT id FROM portfolios WHERE name = 'Growth & AI'").get() as { id: number };
      const account = services.db.prepare('SELECT id FROM accounts WHERE portfolio_id = ? ORDER BY id LIMIT 1').get(portfolio.id) as {
        id: number;
      };
      services.db
        .prepare(
          "INSERT INTO positions (account_id, symbol, name, asset_class, quantity, price, currency) VALUES (?, '912797KX4', 'US TREASURY BILL', 'bond', 20000, 98.84, 'USD')",
        )
        .run(account.id);
    } finally {
      closeServices(services);
    }
    const blocked = await run(['health', '--portfolio', 'Growth & AI']);
    expect(blocked.code).toBe(1);
    expect(blocked.out).toContain(
      '  BLOCKING 912797KX4 (20,000 at 98.84) looks priced in percent of par: its value may be 100× too high.\n           → Edit the price',
    );

    const json = JSON.parse((await run(['stress', '--portfolio', 'Growth & AI', '--scenario', 'sp500-minus-20', '--json'])).out);
    expect(json.health).toMatchObject({ verdict: 'blocked', counts: { blocking: 1 } });
    expect(json.return).toBeCloseTo(json.pnl / json.valueBefore, 12);
    const text = await run(['stress', '--portfolio', 'Growth & AI', '--scenario', 'sp500-minus-20']);
    expect(text.out.split('\n')[0]).toBe(
      'BLOCKING: 912797KX4 (20,000 at 98.84) looks priced in percent of par: its value may be 100× too high.',
    );

    const report = await run(['report', '--portfolio', 'Growth & AI', '--scenario', 'sp500-minus-20', '--out', path.join(dir, 'r.html')]);
    expect(report).toMatchObject({
      code: 1,
      err: expect.stringMatching(
        /^aftershock: Growth & AI has a finding that makes its numbers wrong: .* or add --allow-findings to print the report with the findings on its first page\.$/,
      ),
    });
    expect(fs.existsSync(path.join(dir, 'r.html'))).toBe(false);
  });
});
