import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../electron/reports/chromium';
import { runCli as run } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir('cli-batch');
const hasPrinter = !!findChromium() && fs.existsSync(path.join(__dirname, '..', '..', '..', 'out', 'report', 'report.js'));

describe('aftershock clients and batch', () => {
  const db = path.join(dir, 'firm.sqlite');

  it('adds clients with people and tags and lists them with totals', async () => {
    expect(
      await run(['clients', 'add', 'Lee household', '--person', 'Sam Lee', '--person', 'Kim Lee', '--tag', 'Growth', '--db', db]),
    ).toMatchObject({ code: 0, out: 'Added client 2 “Lee household” (USD; tags growth).' });
    expect(await run(['clients', 'add', 'Lee household', '--db', db])).toMatchObject({
      code: 1,
      err: 'aftershock: A client named "Lee household" already exists.',
    });
    expect(await run(['clients', 'add', '--db', db])).toMatchObject({
      code: 1,
      err: expect.stringContaining("Give the client's name in quotes"),
    });
    const list = await run(['clients', 'list', '--db', db]);
    expect(list.out).toMatch(/2\s+Lee household\s+Sam Lee, Kim Lee\s+growth\s+USD\s+0\s+\$0/);
    expect(list.out).toMatch(/1\s+Sample client — Alex Morgan \(sample\)\s+USD\s+1\s+\$626,964/);
  });

  it('ranks every client per client and per portfolio, as a table, CSV and JSON, leaving the sample client out', async () => {
    const csvFile = path.join(dir, 'ruiz.csv');
    fs.writeFileSync(csvFile, 'Symbol,Quantity,Price,Currency\nNVDA,100,120,USD\nAAPL,50,200,USD\n');
    expect(await run(['import', csvFile, '--portfolio', 'Ruiz main', '--client', 'Ruiz', '--db', db])).toMatchObject({ code: 0 });
    const table = await run(['batch', '--scenario', 'ai-capex-collapse', '--scenario', 'sp500-minus-20', '--db', db]);
    expect(table.code).toBe(0);
    // NVDA $12,000 and AAPL $10,000: S&P 500 −20% is the worst, −$4,400.
    expect(table.out).toMatch(/^1\s+Ruiz\s+\$22,000\s+−\$4,400\s+−20(\.00)?%\s+S&P 500 −20%\s+100%$/m);
    expect(table.out).toMatch(/^\s+Ruiz main\s+\$22,000\s+−\$4,400\s+−20(\.00)?%/m);
    expect(table.out).toMatch(/^2\s+Lee household\s+\$0\s+\$0\s+n\/a \(nothing held\)\s+nothing held/m);
    expect(table.out).not.toContain('Sample client');
    expect(table.out).toContain('Total USD: 2 clients, $22,000, worst-case −$4,400.');
    const csv = (await run(['batch', '--scenario', 'ai-capex-collapse', '--csv', '--db', db])).out.split(/\r?\n/);
    expect(csv[0]).toBe('level,rank,client,portfolio,currency,value,pnl,return,worst_scenario,shocked_share,error');
    expect(csv[1]).toMatch(/^client,1,Ruiz,,USD,22000,-1200,/);
    expect(csv[2]).toMatch(/^portfolio,,Ruiz,Ruiz main,USD,/);
    expect(csv.some((line) => line.includes('Sample client'))).toBe(false);
    const json = JSON.parse((await run(['batch', '--scenario', 'ai-capex-collapse', '--clients', 'growth', '--json', '--db', db])).out);
    expect(json).toMatchObject({ tag: 'growth', clientCount: 1, scenarioIds: ['ai-capex-collapse'] });
    expect(json.ranking.clients.map((c: { clientName: string }) => c.clientName)).toEqual(['Lee household']);
  });

  it('refuses unclear requests in one sentence', async () => {
    expect(await run(['batch', '--db', db])).toMatchObject({
      code: 1,
      err: 'aftershock: This command needs --scenario, e.g. --scenario ai-capex-collapse.',
    });
    expect(await run(['batch', '--scenario', 'ai-capex-collapse', '--pdf', '--db', db])).toMatchObject({
      code: 1,
      err: 'aftershock: Batch reports need both --out DIR and --pdf, e.g. --out reports/ --pdf.',
    });
    expect(await run(['batch', '--scenario', 'nope-nope', '--db', db])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^aftershock: .*nope-nope/),
    });
    expect(await run(['batch', '--scenario', 'ai-capex-collapse', '--clients', 'nobody', '--db', db])).toMatchObject({
      code: 1,
      err: 'aftershock: No client has the tag "nobody".',
    });
  });

  it.skipIf(!hasPrinter)(
    'prints one PDF per client and the firm summary through Chromium',
    async () => {
      const out = path.join(dir, 'pdfs');
      const result = await run(['batch', '--scenario', 'ai-capex-collapse', '--out', out, '--pdf', '--db', db]);
      expect(result.code).toBe(0);
      expect(result.out).toContain(`Wrote 1 report and the firm summary to ${out}.`);
      expect(result.out).toContain('No portfolio, so no report: Lee household.');
      const files = fs.readdirSync(out).sort();
      // The sample client gets no PDF: sample data never goes into a batch.
      expect(files).toEqual([
        expect.stringMatching(/^firm-summary_\d{4}-\d\d-\d\d\.pdf$/),
        expect.stringMatching(/^ruiz_\d{4}-\d\d-\d\d\.pdf$/),
      ]);
      for (const f of files) expect(fs.readFileSync(path.join(out, f)).subarray(0, 5).toString()).toBe('%PDF-');
    },
    60_000,
  );
});
