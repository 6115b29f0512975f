import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAccount } from '../../electron/db/accounts';
import { createClient } from '../../electron/db/clients';
import { createPortfolio } from '../../electron/db/portfolios';
import { findChromium, printWithChromium } from '../../electron/reports/chromium';
import { reportHtml } from '../../electron/reports/html';
import { buildReport } from '../../electron/services/reports';
import { closeServices, type Services } from '../../electron/services/services';
import { benchServices, ROOT, type Figure } from './harness';

const FORTY =
  'SPY QQQ VOO IVV VGT ARKK XLK XLF XLE XLV XLY XLP XLI XLB XLU XLRE XLC SMH SOXX TLT GLD NVDA AVGO TSM ASML AMD MU MRVL ARM SMCI VST CEG TLN GEV MSFT GOOGL META AMZN AAPL ORCL'.split(
    ' ',
  );

/** A book of 40 holdings (the index, sector and AI tickers of the bundled prices) in one account. */
function fortyHoldings(services: Services): number {
  return services.db.transaction(() => {
    const client = createClient(services.db, { name: 'Bench forty' });
    const portfolio = createPortfolio(services.db, { clientId: client.id, name: 'Forty', baseCurrency: 'USD' });
    const account = createAccount(services.db, { portfolioId: portfolio.id, name: 'Brokerage' }).id;
    const insert = services.db.prepare('INSERT INTO positions (account_id, symbol, quantity, price, currency) VALUES (?, ?, ?, ?, ?)');
    FORTY.forEach((symbol, i) => insert.run(account, symbol, 10 + i * 3, 50 + i * 7, 'USD'));
    return portfolio.id;
  })();
}

/** Pages of a PDF, counted from its page objects. */
function pageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page[^s]/g) ?? []
  ).length;
}

/**
 * Time and pages of one client PDF (model, HTML, Chromium print): the sample portfolio × 3 scenarios (target ≤ 6
 * pages) and 40 holdings × 4 scenarios (target ≤ 7 pages).
 */
export async function reportBenchmarks(): Promise<Figure[] | string> {
  if (!findChromium()) return 'skipped: no Chromium (set CHROME_PATH)';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-report-bench-'));
  const services = benchServices(path.join(dir, 'r.sqlite'), { reportDir: path.join(ROOT, 'out', 'report') });
  try {
    const sample = (services.db.prepare('SELECT id FROM portfolios LIMIT 1').get() as { id: number }).id;
    const three = ['ai-capex-collapse', 'deepseek-monday-close', 'covid-crash-2020'];
    const books = [
      { name: 'sample portfolio × 3 scenarios', portfolioId: sample, scenarioIds: three, target: 6 },
      {
        name: '40 holdings × 4 scenarios',
        portfolioId: fortyHoldings(services),
        scenarioIds: [...three, 'tariff-shock-april-2025'],
        target: 7,
      },
    ];
    const figures: Figure[] = [];
    for (const book of books) {
      const times: number[] = [];
      let pages = 0;
      for (let i = 0; i < 6; i++) {
        const start = process.hrtime.bigint();
        const model = buildReport(services, { portfolioId: book.portfolioId, scenarioIds: book.scenarioIds });
        const pdf = await printWithChromium(reportHtml(services.reportDir, model), model.title, { say: () => undefined });
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        if (i > 0) times.push(ms);
        pages = pageCount(pdf);
      }
      times.sort((a, b) => a - b);
      figures.push({
        name: `one client PDF, ${book.name} (${pages} pages; target ≤ ${book.target})`,
        median: times[2],
        min: times[0],
        max: times[4],
        runs: 5,
        unit: 'ms',
        note: `target < 3,000 ms and ≤ ${book.target} pages${pages > book.target ? ' — OVER THE PAGE TARGET' : ''}`,
      });
    }
    return figures;
  } finally {
    closeServices(services);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
