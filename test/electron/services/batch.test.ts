import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { batchReports } from '../../../electron/services/batch';
import { buildClientReport } from '../../../electron/services/reports';
import { closeServices, type Services } from '../../../electron/services/services';
import { firmSummaryHtml } from '../../../shared/report/firm-summary';
import { addClient, saveScenario } from '../../helpers/firm';
import { call, memoryServices } from '../../helpers/services';

const REPORT_DIR = path.join(__dirname, '..', '..', '..', 'out', 'report');
let services: Services;
let dir: string;
beforeEach(() => {
  services = memoryServices({ reportDir: REPORT_DIR, today: () => '2026-03-02' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-batch-'));
});
afterEach(() => {
  closeServices(services);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The printer is the boundary: it records what it was asked to print and answers a tiny fake PDF. */
function fakePrinter() {
  const printed: string[] = [];
  return {
    printed,
    print: async (html: string, title: string) => (printed.push(title), new TextEncoder().encode(`%PDF-fake ${html.length}`)),
  };
}

describe.skipIf(!fs.existsSync(path.join(REPORT_DIR, 'report.js')))('batch reports', () => {
  it('writes one PDF per client with OS-safe names, lists a broken client and still finishes', async () => {
    const scenario = saveScenario(services, 'nvda-slump', [{ target: 'symbol', value: 'NVDA', change: -0.3 }]);
    addClient(services, 'Müller & Söhne', [['NVDA', 10, 100]], { portfolio: 'Depot: "Haupt"' });
    const broken = addClient(services, 'Broken data', [['NVDA', 20, 100]]);
    addClient(services, 'Lee', [['AAPL', 10, 200]]);
    call(services, 'clients:create', { name: 'Empty household' });
    const run = call(services, 'firm:run', { scenarioIds: [scenario] });
    // The portfolio vanishes between the ranking and its report, as when another window deleted it.
    services.db.prepare('DELETE FROM portfolios WHERE id = ?').run(broken.portfolio.id);

    const printer = fakePrinter();
    const progress: number[] = [];
    const outcome = await batchReports(services, run, {
      outDir: path.join(dir, 'out'),
      print: printer.print,
      onProgress: (done) => progress.push(done),
    });
    expect(outcome.files.map((f) => path.basename(f.file))).toEqual(['muller-sohne_2026-03-02.pdf', 'lee_2026-03-02.pdf']);
    expect(outcome.skipped).toEqual(['Empty household']);
    expect(outcome.errors).toEqual([
      { clientName: 'Broken data', portfolioName: null, message: 'Broken data has no portfolio to report on.' },
    ]);
    expect(outcome.summaryFile).toBe(path.join(dir, 'out', 'firm-summary_2026-03-02.pdf'));
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual([
      'firm-summary_2026-03-02.pdf',
      'lee_2026-03-02.pdf',
      'muller-sohne_2026-03-02.pdf',
    ]);
    expect(progress).toEqual([0, 1, 2, 3]);
    expect(printer.printed.at(-1)).toBe('Firm-wide stress 2026-03-02');
  });

  it('gives every client the firm defaults and puts the firm on the summary', async () => {
    const scenario = saveScenario(services, 'dip', [{ target: 'market', value: '', change: -0.1 }]);
    const { portfolio } = addClient(services, 'Lee', [['AAPL', 10, 200]]);
    addClient(services, 'Ruiz', [['MSFT', 5, 400]]);
    call(services, 'reports:build', {
      portfolioId: portfolio.id,
      scenarioIds: [scenario],
      settings: { firmName: 'Northwind Advisors', advisorName: 'Sam Lee', pageSize: 'Letter' },
      rememberFirm: true,
    });
    const run = call(services, 'firm:run', { scenarioIds: [scenario] });
    const pages: string[] = [];
    await batchReports(services, run, {
      outDir: dir,
      print: async (html) => (pages.push(html), new TextEncoder().encode('%PDF-fake')),
    });
    expect(pages).toHaveLength(3);
    for (const html of pages.slice(0, 2)) expect(html).toMatch(/"firmName":"Northwind Advisors","?/);
    expect(pages[2]).toContain('data-header-left="Northwind Advisors"');
    expect(pages[2]).toContain('data-page-size="Letter"');
    expect(pages[2]).toContain('Northwind Advisors — Firm-wide stress, ');
  });

  it('keeps files already in the folder and never overwrites them', async () => {
    const scenario = saveScenario(services, 'dip', [{ target: 'market', value: '', change: -0.1 }]);
    addClient(services, 'Lee', [['AAPL', 10, 200]]);
    fs.writeFileSync(path.join(dir, 'lee_2026-03-02.pdf'), 'older');
    const outcome = await batchReports(services, call(services, 'firm:run', { scenarioIds: [scenario] }), {
      outDir: dir,
      print: fakePrinter().print,
    });
    expect(path.basename(outcome.files[0].file)).toBe('lee_2026-03-02-2.pdf');
    expect(fs.readFileSync(path.join(dir, 'lee_2026-03-02.pdf'), 'utf8')).toBe('older');
  });

  it('reports a household of several portfolios in one model whose numbers are the ranking’s', () => {
    const scenario = saveScenario(services, 'semis', [
      { target: 'symbol', value: 'NVDA', change: -0.3 },
      { target: 'market', value: '', change: -0.05 },
    ]);
    const { client, account } = addClient(services, 'Ruiz', [['NVDA', 10, 100]]);
    const ira = call(services, 'portfolios:create', { clientId: client.id, name: 'IRA' });
    const iraAccount = call(services, 'accounts:create', { portfolioId: ira.id, name: 'Brokerage' });
    call(services, 'positions:create', { accountId: iraAccount.id, symbol: 'AAPL', quantity: 10, price: 200 });
    const [row] = call(services, 'firm:run', { scenarioIds: [scenario] }).ranking.clients;
    const model = buildClientReport(services, { clientId: client.id, scenarioIds: [scenario], settings: { appendix: true } });
    expect(model.portfolio).toMatchObject({ name: 'IRA, Main', clientName: 'Ruiz', positionCount: 2, accountCount: 2 });
    expect(model.valueBefore).toBe(row.value);
    expect(model.summary[0].pnl).toBeCloseTo(row.pnl, 9); // NVDA −300, AAPL −100
    expect(row.pnl).toBeCloseTo(-400, 9);
    expect(model.holdings.map((h) => h.account).sort()).toEqual(['IRA · Brokerage', 'Main · Brokerage']);
    expect(account.name).toBe('Brokerage');
  });
});

describe.skipIf(!fs.existsSync(path.join(REPORT_DIR, 'report.js')))('batch reports as a job from the UI', () => {
  it('asks main for the folder, reports progress, and lists what it could not make', async () => {
    const scenario = saveScenario(services, 'dip', [{ target: 'market', value: '', change: -0.1 }]);
    addClient(services, 'Lee', [['AAPL', 10, 200]]);
    addClient(services, 'Ruiz', [['MSFT', 5, 400]]);
    const run = call(services, 'firm:run', { scenarioIds: [scenario] });
    expect(dispatch(services, 'firm:reports', { runId: run.id })).toMatchObject({
      ok: false,
      error: { message: 'Printing to PDF is not available here; use "aftershock batch --out DIR --pdf" instead.' },
    });
    const printer = fakePrinter();
    // The same services with a printer (and below, a folder picker): the desktop passes both when it creates them.
    services = {
      ...services,
      printPdf: async (html, title) => {
        if (title.includes('Ruiz')) throw new Error('The printer crashed.');
        return printer.print(html, title);
      },
    };
    expect(dispatch(services, 'firm:reports', { runId: run.id })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^This window cannot choose a folder/) },
    });
    services = { ...services, pickFolder: () => null };
    expect(call(services, 'firm:reports', { runId: run.id })).toMatchObject({
      state: 'idle',
      message: 'No folder was chosen; no reports were made.',
    });
    services = { ...services, pickFolder: () => path.join(dir, 'chosen') };
    expect(call(services, 'firm:reports', { runId: run.id })).toMatchObject({ state: 'running', folder: path.join(dir, 'chosen') });
    const done = await services.batch.settled();
    expect(done).toMatchObject({
      state: 'done',
      files: 1,
      errors: [{ clientName: 'Ruiz', portfolioName: null, message: 'The printer crashed.' }],
    });
    expect(done.message).toBe(`Wrote 1 report and the firm summary to ${path.join(dir, 'chosen')}; 1 could not be made (see the list).`);
    expect(fs.readdirSync(path.join(dir, 'chosen')).sort()).toEqual(['firm-summary_2026-03-02.pdf', 'lee_2026-03-02.pdf']);
  });

  it('stops after the current report when cancelled', async () => {
    const scenario = saveScenario(services, 'dip', [{ target: 'market', value: '', change: -0.1 }]);
    for (const name of ['A', 'B', 'C']) addClient(services, name, [['AAPL', 1, 200]]);
    const run = call(services, 'firm:run', { scenarioIds: [scenario] });
    services = { ...services, printPdf: fakePrinter().print, pickFolder: () => dir };
    call(services, 'firm:reports', { runId: run.id });
    call(services, 'firm:reportcancel');
    const done = await services.batch.settled();
    // The report already printing when Cancel came is finished; the other two are listed as not made.
    expect(done).toMatchObject({ state: 'cancelled', files: 1 });
    expect(done.errors.map((e) => [e.clientName, e.message])).toEqual([
      ['B', 'Not made: the batch was cancelled.'],
      ['C', 'Not made: the batch was cancelled.'],
    ]);
    expect(done.message).toMatch(/^Cancelled\. Wrote 1 report and the firm summary to /);
  });
});

describe('firm summary page', () => {
  it('escapes names and lists failures', () => {
    const html = firmSummaryHtml(
      {
        id: 1,
        runDate: '2026-03-02',
        createdAt: '',
        scenarioIds: ['x'],
        tag: null,
        clientCount: 1,
        ranking: {
          scenarios: [{ id: 'x', name: 'X' }],
          totals: [{ currency: 'USD', clients: 1, value: 100, pnl: -10 }],
          clients: [
            {
              clientId: 1,
              clientName: '<b>Lee</b>',
              baseCurrency: 'USD',
              tags: [],
              value: 100,
              pnl: -10,
              return: -0.1,
              outcomes: [],
              worstScenarioId: 'x',
              coverage: 1,
              portfolios: [],
              issues: [],
              error: null,
            },
          ],
        },
      },
      [{ clientName: 'Ruiz', portfolioName: 'IRA', message: 'Printer crashed.' }],
    );
    expect(html).toContain('&#60;b&#62;Lee&#60;/b&#62;');
    expect(html).toContain('<td class="n loss">−10%</td>');
    expect(html).toContain('<li>Ruiz — IRA: Printer crashed.</li>');
    expect(html).toContain('data-ready="true"');
  });
});
