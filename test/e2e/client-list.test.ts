import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { closeServices, createServices } from '../../electron/services/services';
import { appForSuite, describeE2e, ROOT, SHOTS } from '../helpers/browser';
import { addClient } from '../helpers/firm';
import { call } from '../helpers/services';

const COUNT = 2000;
const clientName = (i: number) => `Client ${String(i).padStart(4, '0')}`;

/** 2,000 households written through the command handlers into the shell's database, in one transaction (seconds, not clicks). */
function seedClients(dbPath: string) {
  const services = createServices({
    dbPath,
    shell: 'test',
    version: 't',
    resourcesDir: path.join(ROOT, 'resources'),
    seedSample: false,
    loadReference: false,
    backups: false,
  });
  try {
    services.db.transaction(() => {
      for (let i = 1; i <= COUNT; i++) {
        const { client } = addClient(
          services,
          clientName(i),
          [
            ['AAPL', 10 + (i % 50), 200],
            ['BND', 100, 72],
          ],
          { tags: [i % 2 ? 'growth' : 'income'] },
        );
        // Two in three list a person under the name: rows of two heights.
        if (i % 3) call(services, 'clients:update', { id: client.id, patch: { people: [`Person ${i}`] } });
      }
    })();
  } finally {
    closeServices(services);
  }
}

const nav = (page: Page, label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label });

/** The aria-rowindex of every row in the DOM that `rows` finds. */
const rowIndexes = (rows: Locator) => rows.evaluateAll((found) => found.map((r) => Number(r.getAttribute('aria-rowindex'))));

/** Scrolls a windowed table through: a window of rows from the first, rows in order half-way down (no blank gap; screenshot), the last row at the end. */
async function scrollThrough(page: Page, rows: Locator, scroller: Locator, rowCount: number, shot: string) {
  await rows.first().waitFor();
  expect(await rows.count()).toBeLessThan(80);
  expect((await rowIndexes(rows))[0]).toBe(2);
  await scroller.evaluate((el) => {
    el.scrollTop = el.scrollHeight / 2;
  });
  await expect.poll(async () => (await rowIndexes(rows))[0]).toBeGreaterThan(rowCount * 0.4);
  const middle = await rowIndexes(rows);
  expect(middle).toEqual(middle.map((_, i) => middle[0] + i));
  await page.screenshot({ path: path.join(SHOTS, shot) });
  await scroller.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect.poll(async () => (await rowIndexes(rows)).at(-1)).toBe(rowCount);
  expect(await rows.count()).toBeLessThan(80);
}

describeE2e('thousands of clients in Chromium', () => {
  let page: Page;
  const app = appForSuite('clients', {
    viewport: { width: 1440, height: 1000 },
    timeout: 120_000,
    onOpen: async (opened) => {
      page = opened.page;
      seedClients(opened.dbPath);
      await page.reload();
    },
  });

  it("lists the 2,001 clients' portfolios in a windowed table; finds one near the end, renames, deletes, restores and opens it", async () => {
    await expect.poll(() => page.locator('.view-header .lead').innerText()).toBe('2,001 portfolios · 2,001 clients');
    const table = page.getByRole('table', { name: 'Portfolios' });
    // A client line and a portfolio line per client, and the header row.
    expect(await table.getAttribute('aria-rowcount')).toBe('4003');
    const rows = table.locator('tbody tr[aria-rowindex]');
    await scrollThrough(page, rows, page.getByTestId('portfolios-scroll'), 4003, 'clients-00-portfolios-2000-scrolled.png');

    // Rename a portfolio near the end, delete it and bring it back from the notice.
    const search = page.getByRole('searchbox', { name: 'Filter portfolios' });
    await search.fill('client 1986');
    await expect.poll(() => rows.count()).toBe(2);
    await table.getByRole('row').filter({ hasText: 'Main' }).getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('Portfolio name').fill('Main 1986');
    await page.keyboard.press('Enter');
    const renamed = table.getByRole('row').filter({ has: page.getByRole('button', { name: 'Main 1986', exact: true }) });
    await renamed.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete portfolio' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Deleted “Main 1986”.' });
    await expect.poll(() => table.getByText('This client has no portfolios yet.').count()).toBe(1);
    expect(await page.locator('.view-header .lead').innerText()).toBe('2,000 portfolios · 2,001 clients');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await renamed.waitFor();

    // Search for one near the end and open its holdings with the keyboard.
    await search.fill('client 1987');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('portfolio-matches').innerText()).toBe('1 of 2,001 clients');
    expect(await page.locator('.view-header .lead').innerText()).toBe('2,001 portfolios · 2,001 clients');
    const line = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Main', exact: true }) });
    expect(await line.innerText()).toMatch(/^Main\s+1\s+2\s+\$\d/);
    await line.getByRole('button', { name: 'Holdings' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByLabel('Portfolio', { exact: true }).locator('option:checked').innerText())
      .toBe(`Main (${clientName(1987)})`);
    await page.getByText('2 positions in 1 account').waitFor();
  });

  it('renders only a window of the 2,001 clients, scrolls to the last one, finds one near the end and opens it', async () => {
    await nav(page, 'Clients').click();
    await expect.poll(() => page.getByTestId('client-totals').innerText()).toMatch(/^2,001 clients · /);
    const table = page.getByRole('table', { name: 'Clients' });
    expect(await table.getAttribute('aria-rowcount')).toBe('2002');
    const rows = page.getByTestId('client-row');
    await scrollThrough(page, rows, page.getByTestId('clients-scroll'), 2002, 'clients-01-2000-scrolled.png');

    // Search for one near the end, open it with the keyboard and go to its results.
    await page.getByLabel('Search clients').fill('client 1987');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.getByTestId('client-totals').innerText()).toBe('1 client · $16,600');
    await page.getByRole('button', { name: clientName(1987), exact: true }).focus();
    await page.keyboard.press('Enter');
    const opened = page.locator('tr.sub-row');
    await opened.getByText('Main', { exact: true }).waitFor();
    await opened.getByRole('button', { name: 'Results' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Results');
    expect(await page.getByLabel('Portfolio', { exact: true }).locator('option:checked').innerText()).toBe(`Main (${clientName(1987)})`);
  });

  it(
    'ranks all 2,000 clients (the sample is left out of firm runs) in a windowed table, filters to one and opens it',
    { timeout: 120_000 },
    async () => {
      await nav(page, 'Firm stress').click();
      await page.locator('.scenario-picker').getByRole('checkbox').first().waitFor();
      await page.getByRole('button', { name: 'Stress all clients' }).click();
      await expect.poll(() => page.getByRole('status').first().innerText(), { timeout: 90_000 }).toContain('Stressed 2,000 clients');
      const table = page.getByRole('table', { name: 'Client ranking' });
      await expect.poll(() => table.getAttribute('aria-rowcount')).toBe('2001');
      const rows = page.getByTestId('ranking-row');
      expect(await rows.count()).toBeLessThan(80);
      await page.getByTestId('ranking-scroll').evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await expect.poll(async () => (await rowIndexes(rows)).at(-1)).toBe(2001);
      // Once more: the rows now measured may have moved the end.
      await page.getByTestId('ranking-scroll').evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await page.getByTestId('ranking-scroll').screenshot({ path: path.join(SHOTS, 'clients-02-ranking-2000-end.png') });

      await page.getByLabel('Filter clients').fill('Client 1987');
      await expect.poll(() => rows.count()).toBe(1);
      await rows.getByRole('button', { name: clientName(1987) }).click();
      await page.locator('tr.sub-row').filter({ hasText: '↳ Main' }).waitFor();
      await rows.getByRole('button', { name: 'Open' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Results');
      expect(await page.getByLabel('Portfolio', { exact: true }).locator('option:checked').innerText()).toBe(`Main (${clientName(1987)})`);
      expect(app.problems).toEqual([]);
    },
  );
});
