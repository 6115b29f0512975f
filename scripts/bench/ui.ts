import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createAccount } from '../../electron/db/accounts';
import { createClient } from '../../electron/db/clients';
import { createPortfolio } from '../../electron/db/portfolios';
import { closeServices } from '../../electron/services/services';
import { benchServices, ROOT, startWebShell, type Figure } from './harness';

const SYMBOLS = 'NVDA AVGO TSM ASML AMD MU VST CEG GEV MSFT GOOGL META AMZN AAPL QQQ SPY SMH XLU TLT ORCL'.split(' ');

/** Writes a database whose only portfolio has `count` positions across 50 accounts. */
export function bigBook(file: string, count: number): void {
  const services = benchServices(file, { seedSample: false });
  const { db } = services;
  db.transaction(() => {
    const client = createClient(db, { name: 'Bench client' });
    const portfolio = createPortfolio(db, { clientId: client.id, name: 'Big book', baseCurrency: 'USD' });
    const accounts = Array.from({ length: 50 }, (_, i) => createAccount(db, { portfolioId: portfolio.id, name: `Account ${i + 1}` }).id);
    const insert = db.prepare(
      'INSERT INTO positions (account_id, symbol, quantity, price, currency, asset_class) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (let i = 0; i < count; i++)
      insert.run(
        accounts[i % 50],
        SYMBOLS[i % SYMBOLS.length],
        1 + (i % 97),
        10 + (i % 400),
        'USD',
        ['QQQ', 'SPY', 'SMH', 'XLU'].includes(SYMBOLS[i % SYMBOLS.length]) ? 'fund' : 'equity',
      );
  })();
  db.prepare("INSERT INTO settings (key, value) VALUES ('sample_seeded', 'true') ON CONFLICT (key) DO NOTHING").run();
  closeServices(services);
}

/** Time from a shock edit to the new result painted, in Chromium through the browser shell (5,000 positions). */
export async function uiBenchmarks(): Promise<Figure[] | string> {
  const chrome = [process.env.CHROME_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && fs.existsSync(p));
  if (!chrome) return 'skipped: no Chromium (set CHROME_PATH)';
  if (!fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) return 'skipped: run npm run build first';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-uibench-'));
  const db = path.join(dir, 'big.sqlite');
  bigBook(db, 5000);
  const { server, url } = await startWebShell(ROOT, db);
  try {
    const browser = await chromium.launch({
      executablePath: chrome,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(url);
      await page.getByRole('button', { name: 'Big book' }).waitFor();
      await page.keyboard.press('Control+3');
      await page.getByRole('button', { name: /^S&P 500 −20%/ }).click();
      await page.getByRole('button', { name: 'Duplicate to edit' }).click();
      await page.getByRole('textbox', { name: 'Scenario name' }).waitFor();
      await page.getByTestId('preview-pnl').waitFor();
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        const percent = -5 - i;
        // Type the new size, then measure from the Enter key to the preview showing a new figure, painted.
        await page.getByLabel('Shock 1 size in percent').fill(String(percent));
        const ms = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const target = document.querySelector('[data-testid="preview-pnl"]')!;
              const before = target.textContent;
              const input = document.querySelector<HTMLInputElement>('input[aria-label="Shock 1 size in percent"]')!;
              const start = performance.now();
              const observer = new MutationObserver(() => {
                if (target.textContent !== before) {
                  observer.disconnect();
                  requestAnimationFrame(() => resolve(performance.now() - start));
                }
              });
              observer.observe(target, { childList: true, subtree: true, characterData: true });
              input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
            }),
        );
        times.push(ms);
      }
      times.sort((a, b) => a - b);
      return [
        {
          name: 'shock edit → new result painted, 5,000 positions (Chromium)',
          median: times[7],
          min: times[0],
          max: times[14],
          runs: 15,
          unit: 'ms',
          note: 'target: no visible pause',
        },
      ];
    } finally {
      await browser.close();
    }
  } finally {
    server.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
