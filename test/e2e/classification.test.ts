import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { appForSuite, describeE2e, SHOTS } from '../helpers/browser';

describeE2e('classification, exposure and market data in Chromium', () => {
  let page: Page;
  let problems: string[];
  appForSuite('reference', {
    viewport: { width: 1600, height: 1000 },
    onOpen: async (app) => {
      ({ page, problems } = app);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: /^Holdings/ })
        .click();
    },
  });

  it('shows sector, industry and themes per holding, and exposure with its Unclassified list', async () => {
    const nvda = page.getByRole('button', { name: 'Classification of NVDA' });
    await expect.poll(() => nvda.innerText()).toMatch(/Information Technology · Semiconductors/);
    expect(await nvda.innerText()).toMatch(/semiconductors/);
    const exposure = page.getByRole('region', { name: 'Exposure' });
    await expect.poll(() => exposure.innerText()).toMatch(/Information Technology/);
    expect(await page.getByTestId('unclassified').innerText()).toBe('Unclassified: nothing — every holding has a sector.');
    await page.getByLabel('Exposure by').selectOption('theme');
    await expect.poll(() => exposure.innerText()).toMatch(/ai-energy/);
    await page.screenshot({ path: path.join(SHOTS, '10-classification-exposure.png'), fullPage: true });
  });

  it('saves an override from the classify dialog and marks it as yours', async () => {
    await page.getByRole('button', { name: 'Classification of VST' }).click();
    const dialog = page.getByRole('dialog', { name: 'Classify VST' });
    await dialog.getByLabel(/^Industry/).fill('Nuclear & gas generation');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const vst = page.getByRole('button', { name: 'Classification of VST' });
    await expect.poll(() => vst.innerText()).toMatch(/Utilities · Nuclear & gas generation/);
    expect(await vst.getAttribute('title')).toMatch(/Industry: you/);
  });

  it('answers "Update market data" calmly when there is no network', async () => {
    await page.getByRole('button', { name: 'Update market data' }).click();
    const status = page.getByRole('status').filter({ hasText: /offline|updated/ });
    await status.waitFor({ timeout: 30_000 });
    expect(await status.innerText()).toMatch(/could not reach Yahoo Finance|Market data updated/);
    await page.screenshot({ path: path.join(SHOTS, '11-market-offline.png') });
    expect(problems).toEqual([]);
  });
});
