import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { signedPercent } from '../../shared/format';
import { formatMoney } from '../../shared/format';
import { appForSuite, describeE2e, runBuiltCli, SHOTS } from '../helpers/browser';

describeE2e('results in Chromium', () => {
  let page: Page;
  let problems: string[];
  const app = appForSuite('results', { viewport: { width: 1440, height: 1000 }, onOpen: (opened) => ({ page, problems } = opened) });
  /** The engine's own answer, through the CLI on the same database file. */
  const cli = (scenario: string) =>
    JSON.parse(runBuiltCli(app.dbPath, ['stress', '--portfolio', 'Growth & AI', '--scenario', scenario, '--json', '--by', 'theme']));

  it('runs "AI capex thesis collapses" on the sample and shows the engine’s numbers', async () => {
    await page.keyboard.press('Control+4');
    await page.getByLabel('Scenario', { exact: true }).selectOption('ai-capex-collapse');
    const expected = cli('ai-capex-collapse');
    const headline = page.getByTestId('headline-pnl');
    await expect.poll(() => headline.innerText()).toBe(`${formatMoney(expected.pnl, 'USD', 0)} (${signedPercent(expected.return)})`);
    const worst = [...expected.positions].sort((a: { pnl: number }, b: { pnl: number }) => a.pnl - b.pnl)[0];
    const firstRow = page.locator('.vt-row').first();
    expect(await firstRow.locator('.symbol').innerText()).toBe(worst.symbol);
    expect(await firstRow.locator('.vt-cell.num').nth(2).innerText()).toBe(formatMoney(worst.pnl, 'USD'));
    await page.screenshot({ path: path.join(SHOTS, '05-results.png') });
  });

  it('switches the grouping and lists the groups the engine found', async () => {
    await page.getByLabel('Group by').selectOption('theme');
    const chart = page.getByRole('region', { name: 'Loss by theme' });
    await chart.waitFor();
    // Only the groups the scenario moves are drawn; the others are counted under the chart.
    const groups: { key: string; pnl: number }[] = cli('ai-capex-collapse').aggregates.theme;
    const themes = groups.filter((r) => r.pnl !== 0).map((r) => r.key);
    expect(themes.length).toBeLessThan(groups.length);
    await expect
      .poll(() => chart.locator('.recharts-yAxis-tick-labels text').allTextContents())
      .toEqual(themes.slice(0, 14).map((t) => (t.length > 28 ? `${t.slice(0, 27)}…` : t)));
    expect(await chart.getByText(/^Not drawn:/).innerText()).toBe(`Not drawn: ${groups.length - themes.length} groups with no change.`);
  });

  it('explains why a fund position moved', async () => {
    await page.getByLabel('Filter results').fill('QQQ');
    await page.locator('.vt-row').first().click();
    const why = page.getByRole('complementary', { name: /Why QQQ moved/ });
    await why.waitFor();
    expect(await why.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, '06-why-qqq.png') });
    await why.getByRole('button', { name: 'Close explanation' }).click();
    await page.getByLabel('Filter results').fill('');
  });

  it('narrows the table to what one shock hit', async () => {
    // ASML has its own shock in this scenario, so its chip is there whatever the classification data says.
    const chip = page.getByRole('button', { name: /^symbol ASML −11%/ });
    await chip.click();
    await page.getByText('hit by the selected shock').waitFor();
    // ASML itself, and funds whose listed holdings include ASML.
    const symbols = await page.locator('.vt-row .symbol').allInnerTexts();
    expect(symbols).toContain('ASML');
    expect(symbols.every((s) => ['ASML', 'QQQ', 'SPY', 'VGT', 'SMH', 'XLU'].includes(s))).toBe(true);
    await chip.click();
  });

  it('compares three scenarios side by side', async () => {
    await page.getByRole('tab', { name: 'Compare' }).click();
    const heat = page.getByRole('region', { name: 'Heat map' });
    await heat.waitFor();
    await expect.poll(() => heat.locator('thead th').count()).toBe(4);
    const totals = ['ai-capex-collapse', 'deepseek-monday-close', 'tariff-shock-april-2025'].map((id) => cli(id).pnl);
    expect(totals.every((t) => t < 0)).toBe(true);

    // A replayed past window joins them; main replays it from price history, as the CLI does.
    await page.getByRole('checkbox', { name: 'DeepSeek Monday, replayed (27 Jan 2025)' }).check();
    await expect.poll(() => heat.locator('thead th').count(), { timeout: 30_000 }).toBe(5);
    await page.getByLabel('Heat map rows').selectOption('theme');
    const replay = cli('replay-deepseek-monday-2025');
    const top = [...replay.aggregates.theme].sort((a: { pnl: number }, b: { pnl: number }) => a.pnl - b.pnl)[0];
    const row = heat.locator('tbody tr').filter({ has: page.getByRole('cell', { name: top.key, exact: true }) });
    await expect.poll(() => row.locator('td').nth(4).innerText()).toBe(signedPercent(top.return));
    await page.screenshot({ path: path.join(SHOTS, '07-compare.png') });
  });

  it('exports the table as CSV and a chart as SVG and PNG', async () => {
    await page.getByRole('tab', { name: 'One scenario' }).click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe('growth-ai_ai-capex-thesis-collapses.csv');
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toBe('symbol,name,account,value_USD,pnl_USD,return,source,moved_by');
    const chart = page.getByRole('region', { name: /^Loss by/ });
    const [svg] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'SVG' }).click()]);
    const svgText = fs.readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svgText).not.toContain('var(--');
    const [png] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'PNG' }).click()]);
    expect(
      fs
        .readFileSync((await png.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('reads well in the dark theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(SHOTS, '08-results-dark.png') });
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());
    expect(background).toBe('#0e1420');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('previews a client report and exports it as PDF and HTML', async () => {
    await page.keyboard.press('Control+5');
    const settings = page.getByRole('complementary', { name: 'Report settings' });
    await settings.getByLabel('Firm', { exact: true }).fill('Northwind Advisors');
    const preview = page.getByLabel('Report preview');
    await preview.getByText('Northwind Advisors').first().waitFor();
    // Summary, one page per scenario (two by default), methodology and important information.
    await expect.poll(() => preview.locator('section[aria-label]').count()).toBe(4);
    const expected = cli('deepseek-monday-close');
    await preview
      .getByText(`${formatMoney(expected.pnl, 'USD', 0)} (${signedPercent(expected.return)})`)
      .first()
      .waitFor();
    await page.screenshot({ path: path.join(SHOTS, '09-reports.png') });
    const [pdf] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Export PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^sample-client-alex-morgan_growth-ai_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(
      fs
        .readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save HTML' }).click()]);
    expect(fs.readFileSync((await html.path())!, 'utf8')).toContain('Northwind Advisors');
    // The firm name is remembered for this client.
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+5');
    await expect
      .poll(() => page.getByRole('complementary', { name: 'Report settings' }).getByLabel('Firm', { exact: true }).inputValue())
      .toBe('Northwind Advisors');
  });

  it('ran without console errors', () => {
    expect(problems).toEqual([]);
  });
});
