import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { listHistoryPositionIds } from '../../../electron/db/imports';
import { batchReports } from '../../../electron/services/batch';
import { closeServices, type Services } from '../../../electron/services/services';
import { addClient, saveScenario } from '../../helpers/firm';
import { call, memoryServices } from '../../helpers/services';

const REPORT_DIR = path.join(__dirname, '..', '..', '..', 'out', 'report');
const HISTORY = [
  '"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"',
  '"10/01/2024","Sell","AAPL","APPLE INC","10","$226.00","$0.05","$2,259.95"',
  '"09/16/2024","Buy","AAPL","APPLE INC","30","$216.00","","-$6,480.00"',
  '"09/02/2024","Buy","MSFT","MICROSOFT CORP","5","$410.00","","-$2,050.00"',
].join('\n');

let services: Services;
beforeEach(() => {
  services = memoryServices({ reportDir: REPORT_DIR, today: () => '2024-10-03' });
});
afterEach(() => closeServices(services));

/** A client with one typed-in T-bill at percent of par (20,000 face at 98.84) and a share. */
function parQuotedClient(name = 'Bond holder') {
  const client = addClient(services, name, [['AAPL', 10, 200]]);
  call(services, 'positions:create', {
    accountId: client.account.id,
    symbol: '912797KX4',
    assetClass: 'bond',
    quantity: 20_000,
    price: 98.84,
    asOf: '2024-10-02',
  });
  return client;
}

describe('health:check on stored portfolios', () => {
  it('knows which positions a transaction history made, and blocks one of them gone negative', () => {
    const { portfolio, account } = addClient(services, 'History', []);
    call(services, 'imports:commit', {
      portfolioId: portfolio.id,
      fileName: 'schwab-history.csv',
      text: HISTORY,
      format: 'schwab-transactions',
    });
    const typed = call(services, 'positions:create', {
      accountId: account.id,
      symbol: 'NVDA',
      quantity: -3,
      price: 120,
      asOf: '2024-10-02',
    });
    const holdings = call(services, 'portfolios:holdings', { id: portfolio.id });
    const fromHistory = holdings.positions.filter((p) => p.symbol === 'AAPL' || p.symbol === 'MSFT').map((p) => p.id);
    expect([...listHistoryPositionIds(services.db, portfolio.id)].sort()).toEqual(fromHistory.sort());
    const aapl = holdings.positions.find((p) => p.symbol === 'AAPL');
    call(services, 'positions:update', { id: aapl!.id, patch: { quantity: -20 } });

    const health = call(services, 'health:check', { portfolioId: portfolio.id });
    expect(health.findings.map((f) => `${f.severity}:${f.code}`)).toEqual(
      expect.arrayContaining(['blocking:history-made-negative', 'warning:short-unmarked']),
    );
    expect(health.findings.find((f) => f.code === 'history-made-negative')!.positionIds).toEqual([aapl!.id]);
    expect(health.findings.find((f) => f.code === 'short-unmarked')!.positionIds).toEqual([typed.id]);
  });

  it('adds a scenario’s reach and refuses a request that names two scenarios', () => {
    const { portfolio } = parQuotedClient();
    const health = call(services, 'health:check', {
      portfolioId: portfolio.id,
      scenarioId: saveScenario(services, 'nvda-only', [{ target: 'symbol', value: 'NVDA', change: -0.3 }]),
    });
    expect(health.findings.find((f) => f.code === 'not-reached')).toMatchObject({
      severity: 'warning',
      sentence: '100.0% of the value is not moved by "nvda-only".',
    });
    const both = dispatch(services, 'health:check', { portfolioId: portfolio.id, scenarioId: 'nvda-only', scenario: {} });
    expect(both.ok).toBe(false);
  });

  it('keeps the stale-price threshold as a setting', () => {
    expect(call(services, 'health:settings')).toEqual({ staleDays: 7 });
    expect(call(services, 'health:setstaledays', { staleDays: 30 })).toEqual({ staleDays: 30 });
    expect(call(services, 'health:settings')).toEqual({ staleDays: 30 });
    expect(dispatch(services, 'health:setstaledays', { staleDays: 0 }).ok).toBe(false);
  });
});

describe.skipIf(!fs.existsSync(path.join(REPORT_DIR, 'report.js')))('reports with blocking findings', () => {
  it('refuses the HTML report until the user confirms, then puts the finding on the first page', () => {
    const { portfolio } = parQuotedClient();
    const refused = dispatch(services, 'reports:html', { portfolioId: portfolio.id, scenarioIds: ['sp500-minus-20'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'needs-confirmation' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(
      /^Main has a finding that makes its numbers wrong: 912797KX4 .* Fix it first, or confirm to print the report with the findings on its first page\.$/,
    );
    const model = call(services, 'reports:build', { portfolioId: portfolio.id, scenarioIds: ['sp500-minus-20'] });
    expect(model.health).toMatchObject({ verdict: 'blocked', counts: { blocking: 1 } });
    const { html } = call(services, 'reports:html', { portfolioId: portfolio.id, scenarioIds: ['sp500-minus-20'], allowFindings: true });
    expect(html).toContain('912797KX4 (20,000 at 98.84) looks priced in percent of par');
  });

  it('skips a blocked client in a batch unless told to include it, and ranks it as blocked', async () => {
    const scenario = saveScenario(services, 'market-down', [{ target: 'market', value: '', change: -0.1 }]);
    parQuotedClient('Bond holder');
    addClient(services, 'Clean', [['AAPL', 10, 200]]);
    const run = call(services, 'firm:run', { scenarioIds: [scenario] });
    const verdicts = Object.fromEntries(run.ranking.clients.map((c) => [c.clientName, c.health!.verdict]));
    // Without bundled reference data AAPL has no sector: a warning, so the clean client needs review but is not blocked.
    expect(verdicts).toEqual({ 'Bond holder': 'blocked', Clean: 'review' });
    expect(run.ranking.asOf!.prices).toEqual({ oldest: '2024-10-02', newest: '2024-10-02' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-health-batch-'));
    try {
      const print = async () => new TextEncoder().encode('%PDF-fake');
      const skipped = await batchReports(services, run, { outDir: path.join(dir, 'a'), print });
      expect(skipped.files.map((f) => f.clientName)).toEqual(['Clean']);
      expect(skipped.errors).toEqual([
        {
          clientName: 'Bond holder',
          portfolioName: null,
          message: expect.stringMatching(
            /^Bond holder has a finding .*looks priced in percent of par.* or confirm to print the report with the findings on its first page\.$/,
          ),
        },
      ]);
      const included = await batchReports(services, run, { outDir: path.join(dir, 'b'), print, allowFindings: true });
      expect(included.files.map((f) => f.clientName).sort()).toEqual(['Bond holder', 'Clean']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
