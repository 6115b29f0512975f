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

  it('ranks every client per client and per portfolio, as a table, CSV and JSON', async () => {
    const table = await run(['batch', '--scenario', 'ai-capex-collapse', '--scenario', 'sp500-minus-20', '--db', db]);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^1\s+Sample client — Alex Morgan\s+\$626,964\s+−\$120,581\s+−19\.23%\s+S&P 500 −20%\s+96%$/m);
    expect(table.out).toMatch(/^\s+Growth & AI\s+\$626,964\s+−\$120,581\s+−19\.23%/m);
    expect(table.out).toMatch(/^2\s+Lee household\s+\$0\s+\$0\s+n\/a \(nothing held\)\s+nothing held/m);
    const csv = (await run(['batch', '--scenario', 'ai-capex-collapse', '--csv', '--db', db])).out.split(/\r?\n/);
    expect(csv[0]).toBe('level,rank,client,portfolio,currency,value,pnl,return,worst_scenario,shocked_share,error');
    expect(csv[1]).toMatch(/^client,1,Sample client — Alex Morgan,,USD,626964\.286,-33190\.27\d+,-0\.05293\d+,AI capex thesis collapses,/);
    expect(csv[2]).toMatch(/^portfolio,,Sample client — Alex Morgan,Growth & AI,USD,/);
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
      expect(files).toEqual([
        expect.stringMatching(/^firm-summary_\d{4}-\d\d-\d\d\.pdf$/),
        expect.stringMatching(/^sample-client-alex-morgan_\d{4}-\d\d-\d\d\.pdf$/),
      ]);
      for (const f of files) expect(fs.readFileSync(path.join(out, f)).subarray(0, 5).toString()).toBe('%PDF-');
    },
    60_000,
  );
});
