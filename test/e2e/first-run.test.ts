import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PortfolioSummary } from '../../shared/domain/types';
import { describeE2e, openApp, ROOT, shootAndCheck, type AppSession } from '../helpers/browser';
import { FIXTURES } from '../helpers/fixtures';

const SHOTS = path.join(ROOT, 'test-results', 'e2e', 'first-run');

/** Every portfolio as main lists it. */
const listPortfolios = (page: Page) =>
  page.evaluate(() => window.api.invoke('portfolios:list', {})) as Promise<{ ok: true; value: PortfolioSummary[] }>;

describeE2e('first run: import from the first screen into a new portfolio, then stress it', () => {
  let app: AppSession;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await openApp('first-run');
    ({ page, problems } = app);
  });
  afterAll(async () => app?.close());

  it('leads with import, typing holdings in and the sample', async () => {
    const start = page.getByRole('region', { name: 'Get started' });
    await start.getByRole('heading', { name: 'Import from your broker' }).waitFor();
    expect(await start.innerText()).toMatch(/Fidelity, Schwab, Vanguard, Interactive Brokers, Trading 212, DEGIRO, Revolut, Freetrade/);
    await start.getByRole('button', { name: 'Type holdings in' }).waitFor();
    await start.getByRole('button', { name: 'Explore the sample' }).waitFor();
    expect(await shootAndCheck(page, SHOTS, '01-first-screen')).toEqual([]);
  });

  it('does not offer the sample client as the default for a new portfolio', async () => {
    await page.getByRole('button', { name: 'New portfolio' }).click();
    const dialog = page.getByRole('dialog', { name: 'New portfolio' });
    expect(await dialog.getByLabel('Client').locator('option:checked').innerText()).toBe('My portfolios');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('imports a Fidelity file into a new portfolio named from the broker and leaves the sample as it was', async () => {
    const before = (await listPortfolios(page)).value;
    expect(before.map((p) => p.name)).toEqual(['Growth & AI']);
    const started = Date.now();

    await page
      .getByRole('region', { name: 'Get started' })
      .getByLabel('CSV file to import')
      .setInputFiles(path.join(FIXTURES, 'fidelity-positions.csv'));
    await page.getByTestId('import-summary').waitFor();
    const destination = page.getByRole('group', { name: 'Import into' });
    expect(await destination.getByLabel('A new portfolio').isChecked()).toBe(true);
    expect(await destination.getByLabel('Portfolio name').inputValue()).toBe('Fidelity');
    // No portfolio of the user's own yet: nothing to choose between, and the sample is not offered.
    expect(await destination.getByLabel('A portfolio you have').count()).toBe(0);
    const rows = page.getByRole('table', { name: 'Rows of the file' });
    expect(await rows.innerText()).toMatch(/AAPL\s+APPLE INC\s+25\s+\$231\.30\s+\$5,782\.50\s+USD/);
    expect(await shootAndCheck(page, SHOTS, '02-import-preview')).toEqual([]);

    await page.getByRole('button', { name: /^Import \d+ positions? into Fidelity$/ }).click();
    await page.getByText(/Imported \d+ positions from fidelity-positions\.csv into .* of the new portfolio “Fidelity”\./).waitFor();
    await page.getByRole('cell', { name: 'NVDA', exact: true }).waitFor();

    const after = (await listPortfolios(page)).value;
    const sampleBefore = before[0];
    const sampleAfter = after.find((p) => p.id === sampleBefore.id)!;
    expect({ positions: sampleAfter.positionCount, value: sampleAfter.totalValue, accounts: sampleAfter.accountCount }).toEqual({
      positions: sampleBefore.positionCount,
      value: sampleBefore.totalValue,
      accounts: sampleBefore.accountCount,
    });
    const fidelity = after.find((p) => p.name === 'Fidelity')!;
    expect(fidelity.clientName).toBe('My portfolios');
    expect(fidelity.clientId).not.toBe(sampleBefore.clientId);
    expect(fidelity.accountCount).toBe(2);

    // Stress it: one click on a suggested scenario opens its result for the new portfolio.
    const offer = page.getByRole('region', { name: 'Stress it' });
    await offer.getByRole('button', { name: 'AI capex collapse' }).waitFor();
    expect(await shootAndCheck(page, SHOTS, '03-imported-holdings')).toEqual([]);
    await offer.getByRole('button', { name: 'AI capex collapse' }).click();
    await page.getByRole('heading', { name: 'Results' }).waitFor();
    await page.getByTestId('headline-pnl').waitFor();
    expect(await page.getByLabel('Scenario', { exact: true }).inputValue()).toBe('ai-capex-collapse');
    expect(await page.getByLabel('Portfolio', { exact: true }).locator('option:checked').innerText()).toMatch(/^Fidelity/);
    expect(Date.now() - started).toBeLessThan(120_000);
    expect(await shootAndCheck(page, SHOTS, '04-stressed')).toEqual([]);
  });

  it('defaults the next import to the open portfolio of the user’s own, and never lists the sample', async () => {
    await page.keyboard.press('Control+2');
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByLabel('CSV file to import').setInputFiles(path.join(FIXTURES, 'vanguard.csv'));
    await page.getByTestId('import-summary').waitFor();
    const destination = page.getByRole('group', { name: 'Import into' });
    expect(await destination.getByLabel('A portfolio you have').isChecked()).toBe(true);
    const options = await destination.getByLabel('Portfolio to import into').locator('option').allTextContents();
    expect(options).toEqual(['Fidelity (My portfolios)']);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('ran without console errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
