import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { signedPercent } from '../../shared/format';
import type { FirmRun } from '../../shared/firm/runs';
import { formatMoney } from '../../shared/format';
import { addHouseholds, appForSuite, describeE2e, runBuiltCli, SHOTS } from '../helpers/browser';

/** Three households added through window.api, as the UI itself would. */
const seedClients = (page: Page) =>
  addHouseholds(page, [
    {
      name: 'Patel household',
      people: ['Priya Patel', 'Raj Patel'],
      tags: ['growth', 'hnw'],
      holdings: [
        ['NVDA', 300, 120],
        ['AMD', 100, 150],
        ['VST', 80, 140],
        ['BND', 100, 72],
      ],
    },
    {
      name: 'Lee',
      people: ['Sam Lee'],
      tags: ['income'],
      holdings: [
        ['JNJ', 100, 150],
        ['BND', 400, 72],
        ['KO', 200, 60],
      ],
    },
    {
      name: 'Weber family',
      people: ['Anna Weber'],
      tags: ['growth'],
      holdings: [
        ['ASML', 20, 700],
        ['MSFT', 30, 400],
        ['AAPL', 40, 220],
      ],
    },
  ]);

describeE2e('firm-wide stress in Chromium', () => {
  let page: Page;
  const app = appForSuite('firm', {
    viewport: { width: 1440, height: 1000 },
    reportsDir: true,
    onOpen: (opened) => (page = opened.page),
  });
  const cli = (...args: string[]) => runBuiltCli(app.dbPath, args);

  it('hides the advisor views from a user with one client', async () => {
    await page.getByRole('button', { name: /^Reports/ }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('button').count()).toBe(5);
    expect(await page.getByRole('button', { name: /^(Clients|Firm stress)/ }).count()).toBe(0);
  });

  it('lists clients with search, tags and totals', async () => {
    await seedClients(page);
    await page.reload();
    await page.getByRole('button', { name: /^Clients/ }).click();
    await expect.poll(() => page.getByTestId('client-totals').innerText()).toBe('4 clients · $786,964');
    await page.getByLabel('Search clients').fill('priya');
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(1);
    await page.getByLabel('Search clients').fill('');
    await page.getByRole('group', { name: 'Filter by tag' }).getByRole('button', { name: 'growth' }).click();
    await expect.poll(() => page.getByTestId('client-totals').innerText()).toBe('2 clients · $104,200');
    await page.screenshot({ path: path.join(SHOTS, 'firm-01-clients.png') });
  });

  it('runs a firm-wide stress, ranks the clients, prints their reports and opens one from the ranking', { timeout: 120_000 }, async () => {
    await page.getByRole('button', { name: /^Firm stress/ }).click();
    const picker = page.locator('.scenario-picker');
    await picker.getByRole('checkbox').first().waitFor();
    const wanted = ['AI capex thesis collapses', 'S&P 500 −20%'];
    const labels = picker.locator('label');
    for (let i = 0; i < (await labels.count()); i++)
      await labels
        .nth(i)
        .getByRole('checkbox')
        .setChecked(wanted.includes((await labels.nth(i).innerText()).trim()));
    expect(await picker.locator('legend').innerText()).toBe('Scenarios (2 of at most 20)');
    await page.getByRole('button', { name: 'Stress all clients' }).click();
    // The three households; the sample client is never part of a firm-wide run.
    const rows = page.getByTestId('ranking-row');
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Stressed 3 clients.');

    // The table shows the saved run's numbers, in its order.
    const runs = JSON.parse(cli('batch', '--scenario', 'ai-capex-collapse', '--scenario', 'sp500-minus-20', '--json')) as FirmRun;
    const expected = runs.ranking.clients;
    expect(await rows.locator('td:nth-child(2) button').allInnerTexts()).toEqual(expected.map((c) => c.clientName));
    const top = expected[0];
    expect(await rows.first().locator('td').nth(3).innerText()).toBe(formatMoney(top.pnl, 'USD', 0));
    expect(await rows.first().locator('td').nth(4).innerText()).toBe(signedPercent(top.return));
    await page.screenshot({ path: path.join(SHOTS, 'firm-02-ranking.png'), fullPage: true });

    // One PDF per client and the firm summary, into the folder the shell was started with.
    await page.getByRole('button', { name: 'PDF reports…' }).click();
    const batch = page.getByRole('status', { name: 'Batch progress' });
    await expect.poll(() => batch.innerText(), { timeout: 90_000 }).toMatch(/^Wrote 3 reports and the firm summary to .*reports\.$/);
    const folder = path.join(path.dirname(app.dbPath), 'reports');
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.pdf'))).toHaveLength(4);
    expect(fs.readdirSync(folder).some((f) => f.startsWith('sample-client'))).toBe(false);
    await page.getByLabel('Batch reports').screenshot({ path: path.join(SHOTS, 'firm-02b-batch.png') });

    // Sort by value (largest first), filter by tag.
    await page.getByRole('button', { name: 'Value', exact: true }).click();
    const byValue = [...expected].sort((a, b) => b.value - a.value).map((c) => c.clientName);
    await expect.poll(() => rows.locator('td:nth-child(2) button').allInnerTexts()).toEqual(byValue);
    await page.getByLabel('Filter by tag').selectOption('growth');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByLabel('Filter by tag').selectOption('');

    // Drill down: the client's worst portfolio under its worst scenario, in the Results view.
    const patel = expected.find((c) => c.clientName === 'Patel household')!;
    await rows.filter({ hasText: 'Patel household' }).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Results');
    expect(await page.getByLabel('Portfolio', { exact: true }).inputValue()).toBe(String(patel.portfolios[0].portfolioId));
    await expect
      .poll(() => page.getByTestId('headline-pnl').innerText())
      .toBe(`${formatMoney(patel.pnl, 'USD', 0)} (${signedPercent(patel.return)})`);
    await page.screenshot({ path: path.join(SHOTS, 'firm-03-drill-down.png') });
  });

  it('edits a proposal and compares it without touching the holdings', async () => {
    const before = cli('stress', '--portfolio', 'Main', '--client', 'Patel household', '--scenario', 'ai-capex-collapse', '--json');
    await page.getByRole('button', { name: /^Clients/ }).click();
    await page.getByRole('button', { name: 'Patel household' }).click();
    await page.getByRole('button', { name: 'Propose changes' }).click();
    await page.getByLabel('Quantity of NVDA').fill('100');
    await page.getByLabel('Quantity of NVDA').press('Enter');
    await page.getByLabel('New symbol').fill('IEF');
    await page.getByLabel('New quantity').fill('250');
    await page.getByLabel('New price').fill('96');
    await page.getByRole('button', { name: /^Add to/ }).click();
    const table = page.getByTestId('proposal-comparison');
    await expect.poll(() => table.innerText()).toContain('AI capex thesis collapses');
    await page.screenshot({ path: path.join(SHOTS, 'firm-04-proposal.png'), fullPage: true });
    expect(cli('stress', '--portfolio', 'Main', '--client', 'Patel household', '--scenario', 'ai-capex-collapse', '--json')).toBe(before);
    await page.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('heading', { name: 'Clients' }).waitFor();
    expect(app.problems).toEqual([]);
  });

  it('applies a proposal and undoes it from its notice; deletes a saved run and brings it back', async () => {
    // Lee's stress as the CLI reads it, positions and their ids included (undo puts them back under their own ids).
    const holdings = () => cli('stress', '--portfolio', 'Main', '--client', 'Lee', '--scenario', 'ai-capex-collapse', '--json');
    const before = holdings();
    await page.getByRole('button', { name: /^Clients/ }).click();
    await page.getByRole('button', { name: 'Lee', exact: true }).click();
    await page.getByRole('button', { name: 'Propose changes' }).click();
    await page.getByLabel('Quantity of KO').fill('20');
    await page.getByLabel('Quantity of KO').press('Enter');
    await page.getByRole('button', { name: 'Apply to holdings…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Apply proposal' }).click();
    const applied = page.getByRole('status').filter({ hasText: 'Applied the proposal' });
    await applied.waitFor();
    await expect.poll(holdings).not.toBe(before);
    await applied.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Undid applying the proposal “Proposal”: removed 3, restored 3 positions.').waitFor();
    expect(holdings()).toBe(before);

    await page.getByRole('button', { name: /^Firm stress/ }).click();
    const saved = page.getByLabel('Saved run');
    await saved.waitFor();
    // Run ids (two runs of the same day and scenarios read the same).
    const options = () => saved.locator('option').evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value));
    const oldest = (await options()).at(-1)!;
    await saved.selectOption(oldest);
    await page.getByRole('button', { name: 'Delete run' }).click();
    const deleted = page.getByRole('status').filter({ hasText: 'Deleted the saved run of' });
    await deleted.waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'firm-05-run-deleted.png') });
    await expect.poll(options).not.toContain(oldest);
    await deleted.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(options).toContain(oldest);
    await page.getByText(/^Restored the saved run of/).waitFor();
    await expect.poll(() => page.getByTestId('ranking-row').count()).toBe(3);
    expect(app.problems).toEqual([]);
  });
});
