import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { dispatch } from '../../electron/handlers/dispatch';
import { closeServices, type Services } from '../../electron/services/services';
import { benchServices, measure, ROOT, startWebShell, type Figure } from './harness';
import { bigBook } from './ui';

const MiB = 2 ** 20;

/** Current memory of this process, after a collection when --expose-gc allows one. */
function memory(): string {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return `RSS ${(m.rss / MiB).toFixed(0)} MiB, heap used ${(m.heapUsed / MiB).toFixed(0)} MiB`;
}

/** Writes a book of `clients` clients, each with one portfolio of `perClient` positions in two accounts. */
export function clientBook(file: string, clients: number, perClient: number): void {
  const services = benchServices(file, { seedSample: false });
  const { db } = services;
  db.transaction(() => {
    const client = db.prepare('INSERT INTO clients (name) VALUES (?)');
    const portfolio = db.prepare('INSERT INTO portfolios (client_id, name) VALUES (?, ?)');
    const account = db.prepare('INSERT INTO accounts (portfolio_id, name) VALUES (?, ?)');
    const position = db.prepare("INSERT INTO positions (account_id, symbol, quantity, price, currency) VALUES (?, ?, ?, ?, 'USD')");
    const symbols = ['NVDA', 'MSFT', 'AAPL', 'SPY', 'QQQ', 'TLT', 'XLU', 'AMZN', 'META', 'GOOGL'];
    for (let c = 0; c < clients; c++) {
      const clientId = client.run(`Client ${String(c + 1).padStart(4, '0')}`).lastInsertRowid;
      const portfolioId = portfolio.run(clientId, 'Main').lastInsertRowid;
      const accounts = [account.run(portfolioId, 'Taxable').lastInsertRowid, account.run(portfolioId, 'IRA').lastInsertRowid];
      for (let p = 0; p < perClient; p++) position.run(accounts[p % 2], symbols[p % symbols.length], 10 + p, 50 + (c % 100));
    }
  })();
  db.prepare("INSERT INTO settings (key, value) VALUES ('sample_seeded', 'true') ON CONFLICT (key) DO NOTHING").run();
  closeServices(services);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- benchmark glue over several command answers
function call(services: Services, name: string, request: unknown): any {
  const result = dispatch(services, name, request);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** Large data: a 10,000-position portfolio and a 1,000-client book, in Node and (when Chromium is there) on screen. */
export async function largeBenchmarks(): Promise<{ figures: Figure[]; memory: string[]; ui: Figure[] | string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-large-'));
  const figures: Figure[] = [];
  const notes: string[] = [`at start: ${memory()}`];
  try {
    const big = path.join(dir, 'big.sqlite');
    bigBook(big, 10_000);
    const services = benchServices(big, { seedSample: false, backups: false });
    const portfolioId = call(services, 'portfolios:list', {})[0].id;
    figures.push(measure('10,000 positions: portfolios:holdings', () => void call(services, 'portfolios:holdings', { id: portfolioId })));
    figures.push(
      measure(
        '10,000 positions: stress:run (S&P 500 −20%)',
        () => void call(services, 'stress:run', { portfolioId, scenarioId: 'sp500-minus-20' }),
        { runs: 5 },
      ),
    );
    figures.push(
      measure(
        '10,000 positions: exposure by sector, look-through',
        () => void call(services, 'exposure:portfolio', { portfolioId, by: 'sector', lookThrough: true }),
        { runs: 5 },
      ),
    );
    notes.push(`after the 10,000-position portfolio: ${memory()}`);
    closeServices(services);

    const book = path.join(dir, 'book.sqlite');
    clientBook(book, 1000, 10);
    const bookServices = benchServices(book, { seedSample: false, backups: false });
    figures.push(measure('1,000 clients: clients:list', () => void call(bookServices, 'clients:list', {})));
    figures.push(measure('1,000 clients: portfolios:list (values every portfolio)', () => void call(bookServices, 'portfolios:list', {})));
    const ids = (call(bookServices, 'portfolios:list', {}) as { id: number }[]).map((p) => p.id);
    figures.push(
      measure(
        '1,000 clients: stress:run on every portfolio',
        () => {
          for (const id of ids) call(bookServices, 'stress:run', { portfolioId: id, scenarioId: 'sp500-minus-20' });
        },
        { runs: 3 },
      ),
    );
    notes.push(`after the 1,000-client book: ${memory()}`);
    closeServices(bookServices);

    return { figures, memory: notes, ui: await largeUi(big, book) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Holdings of 10,000 positions and the portfolio list of 1,000 clients in Chromium, through the browser shell. */
async function largeUi(big: string, book: string): Promise<Figure[] | string> {
  const chrome = [process.env.CHROME_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && fs.existsSync(p));
  if (!chrome) return 'skipped: no Chromium (set CHROME_PATH)';
  if (!fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) return 'skipped: run npm run build first';
  const figures: Figure[] = [];
  const browser = await chromium.launch({
    executablePath: chrome,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const [db, label] of [
      [big, 'holdings'],
      [book, 'book'],
    ] as const) {
      const { server, url } = await startWebShell(ROOT, db);
      try {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        const heap = async () => {
          const { metrics } = await cdp.send('Performance.getMetrics');
          const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
          const nodes = metrics.find((m) => m.name === 'Nodes')?.value ?? 0;
          return `renderer JS heap ${(used / MiB).toFixed(0)} MiB, ${nodes} DOM nodes`;
        };
        const started = performance.now();
        await page.goto(url);
        if (label === 'holdings') {
          await page.getByRole('button', { name: 'Big book' }).waitFor();
          const opened = performance.now();
          await page.keyboard.press('Control+2');
          await page.locator('table.holdings tbody tr[tabindex]').first().waitFor();
          const shown = performance.now() - opened;
          const rendered = await page.locator('table.holdings tbody tr[tabindex]').count();
          const scrollMs = await page.evaluate(
            () =>
              new Promise<number>((resolve) => {
                const scroller = document.querySelector('[data-testid="holdings-scroll"]')!;
                const start = performance.now();
                scroller.scrollTop = scroller.scrollHeight;
                requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
              }),
          );
          figures.push({
            name: '10,000 positions: Holdings view shown (Chromium)',
            median: shown,
            min: shown,
            max: shown,
            runs: 1,
            unit: 'ms',
            note: `${rendered} rows in the DOM; ${await heap()}`,
          });
          figures.push({
            name: '10,000 positions: scroll to the last row, painted',
            median: scrollMs,
            min: scrollMs,
            max: scrollMs,
            runs: 1,
            unit: 'ms',
          });
        } else {
          // The first client's portfolio line drawn: the list is windowed, so that is the list shown. (A CSS query, as before it was windowed.)
          await page.waitForFunction(
            () => document.querySelector('[data-testid="portfolio-line"]')?.textContent?.includes('Main'),
            undefined,
            { polling: 20 },
          );
          const shown = performance.now() - started;
          figures.push({
            name: '1,000 clients: app start to portfolio list shown (Chromium)',
            median: shown,
            min: shown,
            max: shown,
            runs: 1,
            unit: 'ms',
            note: await heap(),
          });
        }
        await page.close();
      } finally {
        server.kill('SIGTERM');
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}
