import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { appForSuite, describeE2e, SHOTS } from '../helpers/browser';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

describeE2e('data health in Chromium: a T-bill typed in at percent of par', () => {
  let page: Page;
  const app = appForSuite('health', {
    viewport: { width: 1440, height: 900 },
    onOpen: async (opened) => {
      page = opened.page;
      // Typed in through the app's own commands, as the Holdings dialogs would: 20,000 face of a T-bill at 98.84.
      await page.evaluate(async () => {
        const portfolio = await window.api.invoke('portfolios:create', { name: 'T-bills' });
        if (!portfolio.ok) throw new Error(portfolio.error.message);
        const account = await window.api.invoke('accounts:create', { portfolioId: portfolio.value.id, name: 'Brokerage' });
        if (!account.ok) throw new Error(account.error.message);
        const today = new Date().toISOString().slice(0, 10);
        // Five days old: current by the default threshold (7 days), stale by one of 3.
        const fiveDaysAgo = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
        for (const p of [
          { symbol: '912797KX4', assetClass: 'bond' as const, quantity: 20_000, price: 98.84, asOf: today },
          { symbol: 'AAPL', assetClass: 'equity' as const, quantity: 10, price: 200, asOf: today },
          { symbol: 'MSFT', assetClass: 'equity' as const, quantity: 5, price: 400, asOf: fiveDaysAgo },
        ]) {
          const made = await window.api.invoke('positions:create', { accountId: account.value.id, ...p });
          if (!made.ok) throw new Error(made.error.message);
        }
      });
      await page.reload();
      await page.getByRole('button', { name: 'T-bills' }).waitFor();
    },
  });

  it('shows the badge and the finding in Holdings', async () => {
    await page.keyboard.press('Control+2');
    const picker = page.getByLabel('Portfolio', { exact: true });
    await picker.selectOption({ label: await picker.locator('option', { hasText: 'T-bills' }).innerText() });
    const badge = page.getByTestId('health-badge');
    await expect.poll(() => badge.innerText()).toMatch(/^Data: 1 blocking finding/);
    // A blocked portfolio opens its list at once.
    await expect.poll(() => badge.getAttribute('aria-expanded')).toBe('true');
    const list = page.locator('.health-list');
    await expect
      .poll(() => list.innerText())
      .toContain('912797KX4 (20,000 at 98.84) looks priced in percent of par: its value may be 100× too high.');
    expect(await list.getByTestId('health-dates').innerText()).toMatch(
      /^Prices as of \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} · fund holdings as of none used$/,
    );
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: path.join(SHOTS, `health-holdings-${width}-${scheme}.png`) });
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('flags prices by the age the user chooses, and goes back to the default', async () => {
    const list = page.locator('.health-list');
    await expect.poll(() => list.innerText()).toContain('Prices more than 7 days old are flagged (the default).');
    expect(await list.innerText()).not.toContain('more than 3 days old');
    await list.getByRole('button', { name: 'Change' }).click();
    const days = list.getByLabel('Flag prices older than, in days (every portfolio)');
    await days.fill('0');
    expect(await list.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    expect(await list.innerText()).toContain('A whole number of days from 1 to 3,650.');
    await days.fill('3');
    await list.getByRole('button', { name: 'Save' }).click();
    // The check runs again with the new threshold: MSFT's five-day-old price is now stale.
    await expect.poll(() => list.innerText()).toMatch(/1 price is more than 3 days old \(oldest \d{4}-\d{2}-\d{2}, 5 days before/);
    expect(await list.innerText()).toContain('Prices more than 3 days old are flagged.');
    await page.screenshot({ path: path.join(SHOTS, 'health-stale-days-1440.png') });
    await list.getByRole('button', { name: 'Change' }).click();
    await list.getByRole('button', { name: 'Use 7 (default)' }).click();
    await expect.poll(() => list.innerText()).toContain('Prices more than 7 days old are flagged (the default).');
    expect(await list.innerText()).not.toContain('more than 3 days old');
  });

  it('puts a banner above the result', async () => {
    await page.keyboard.press('Control+4');
    await page.getByLabel('Scenario', { exact: true }).selectOption('sp500-minus-20');
    const banner = page.getByTestId('health-banner');
    await expect
      .poll(() => banner.innerText())
      .toMatch(/^These numbers are wrong until 1 finding is fixed: 912797KX4 \(20,000 at 98\.84\) looks priced in percent of par/);
    await expect
      .poll(() => page.getByTestId('result-dates').innerText())
      .toMatch(/^Prices as of \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} · fund holdings as of none used$/);
    await banner.getByRole('button', { name: 'Show all' }).click();
    await banner.locator('.health-list').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: path.join(SHOTS, `health-results-1440-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('boxes the finding on the report’s first page and asks before the PDF goes out', async () => {
    await page.keyboard.press('Control+5');
    const preview = page.getByLabel('Report preview');
    const box = preview.getByTestId('report-health');
    await expect.poll(() => box.innerText()).toContain('Blocking: 912797KX4 (20,000 at 98.84) looks priced in percent of par');
    expect(await box.innerText()).toMatch(/^Data quality: some figures in this report are wrong until these are fixed/);
    // The box is on the summary, the report's first page.
    expect(await preview.getByRole('region', { name: 'Summary' }).getByTestId('report-health').count()).toBe(1);
    await page.getByRole('button', { name: 'Export PDF' }).click();
    const dialog = page.getByRole('dialog', { name: 'This report has wrong numbers in it' });
    await dialog.waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'health-report-confirm.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByRole('button', { name: 'Export PDF' }).click();
    const [pdf] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      dialog.getByRole('button', { name: 'Export PDF with findings' }).click(),
    ]);
    const file = (await pdf.path())!;
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPoppler) {
      const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
      expect(first.replace(/\s+/g, ' ')).toContain('912797KX4 (20,000 at 98.84) looks priced in percent of par');
    }
  });

  it('ran without console errors', () => {
    expect(app.problems).toEqual([]);
  });
});
