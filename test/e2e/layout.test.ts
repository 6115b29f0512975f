import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { addHouseholds, appForSuite, describeE2e, LAYOUT_SIZES, SHOTS, shootAndCheck } from '../helpers/browser';

const FOLDER = path.join(SHOTS, 'layout');

/** Three more clients through window.api, as the UI would add them, so the advisor views (Clients, Firm stress) show. */
const seedClients = (page: Page) =>
  addHouseholds(page, [
    {
      name: 'Patel household',
      holdings: [
        ['NVDA', 300, 120],
        ['AMD', 100, 150],
        ['BND', 100, 72],
      ],
    },
    {
      name: 'Lee',
      holdings: [
        ['JNJ', 100, 150],
        ['KO', 200, 60],
      ],
    },
    { name: 'Weber family', baseCurrency: 'EUR', holdings: [['SAP.DE', 40, 230]] },
  ]);

/**
 * WCAG contrast of the text of each visible element matching `selector` on the background of its closest ancestor
 * matching `on` (itself by default), in the current theme.
 */
function contrasts(page: Page, selector: string, on?: string): Promise<{ text: string; ratio: number }[]> {
  return page.evaluate(
    ([selector, on]) => {
      const channels = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (css: string) => {
        const [r, g, b] = channels(css).map((c) => {
          const v = c / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return [...document.querySelectorAll<HTMLElement>(selector)]
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => {
          const back = on ? e.closest<HTMLElement>(on)! : e;
          const [hi, lo] = [luminance(getComputedStyle(e).color), luminance(getComputedStyle(back).backgroundColor)].sort((x, y) => y - x);
          return { text: e.innerText, ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100 };
        });
    },
    [selector, on] as const,
  );
}

/** Charts on screen without a title on both axes, by the card they are in. */
function chartsWithoutAxisTitles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main .recharts-wrapper')]
      .filter((chart) => chart.querySelectorAll('.recharts-label').length < 2)
      .map((chart) => chart.closest('[aria-label]')?.getAttribute('aria-label') ?? 'a chart'),
  );
}

const nav = (page: Page, view: string) =>
  page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: new RegExp(`^${view}`) })
    .click();

describeE2e('layout: every view at 1280×720 and 1440×900, light and dark', () => {
  let page: Page;
  appForSuite('layout', {
    onOpen: async (app) => {
      page = app.page;
      fs.mkdirSync(FOLDER, { recursive: true });
      await seedClients(page);
      await page.reload();
      await page.getByRole('button', { name: 'Growth & AI' }).waitFor();
    },
  });

  it('Portfolios', async () => {
    expect(await shootAndCheck(page, FOLDER, '01-portfolios')).toEqual([]);
    // Every client's card has the same columns: each heading starts at the same place from one card to the next.
    const columns = await page.evaluate(() =>
      [...document.querySelectorAll('.client-card > .table thead tr')].map((row) =>
        [...row.querySelectorAll('th')].map((th) => Math.round(th.getBoundingClientRect().left)).join(' '),
      ),
    );
    expect(columns.length).toBeGreaterThan(1);
    expect(new Set(columns).size).toBe(1);
  });

  it('Holdings', async () => {
    await page.getByRole('button', { name: 'Growth & AI' }).click();
    await page.getByText('26 positions in 3 accounts').waitFor();
    expect(await shootAndCheck(page, FOLDER, '02-holdings')).toEqual([]);
  });

  it('Scenarios, and the editor of a copy, with the live result in view while the last shock is edited', async () => {
    await nav(page, 'Scenarios');
    await page.getByRole('button', { name: /^AI capex thesis collapses/ }).click();
    await page.getByTestId('preview-pnl').waitFor();
    const found = await shootAndCheck(page, FOLDER, '03-scenario');
    await page.getByRole('button', { name: 'Duplicate to edit' }).click();
    await page.getByRole('textbox', { name: 'Scenario name' }).waitFor();
    found.push(...(await shootAndCheck(page, FOLDER, '04-scenario-editor')));
    for (const size of LAYOUT_SIZES) {
      await page.setViewportSize(size);
      await page.getByLabel('Shock 4 size in percent').scrollIntoViewIfNeeded();
      await page.getByLabel('Shock 4 size in percent').focus();
      const box = (await page.getByTestId('preview-pnl').boundingBox())!;
      if (box.y < 0 || box.y + box.height > size.height) found.push(`live result out of view at ${size.width}x${size.height}: y ${box.y}`);
      await page.screenshot({ path: path.join(FOLDER, `04-scenario-editor-last-shock-${size.width}x${size.height}.png`) });
    }
    await page.setViewportSize(LAYOUT_SIZES[1]);
    expect(found).toEqual([]);
  });

  it('Results: one scenario, replay, risk and compare', async () => {
    await nav(page, 'Results');
    await page.getByTestId('headline-pnl').waitFor();
    // A chart's tooltip reads in both themes (recharts would print its items near-black on the dark panel).
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.getByRole('region', { name: 'Loss by sector' }).locator('.recharts-bar-rectangle').first().hover();
      await page.locator('.recharts-tooltip-item').first().waitFor();
      const tooltip = await contrasts(
        page,
        '.recharts-default-tooltip :is(.recharts-tooltip-item, .recharts-tooltip-label)',
        '.recharts-default-tooltip',
      );
      expect(tooltip.length).toBeGreaterThan(1);
      expect(tooltip.filter((t) => t.ratio < 4.5)).toEqual([]);
      await page.screenshot({ path: path.join(FOLDER, `05-results-tooltip-${theme}.png`) });
    }
    await page.mouse.move(0, 0);
    await page.emulateMedia({ colorScheme: 'light' });
    const found = await shootAndCheck(page, FOLDER, '05-results');
    expect(await page.locator('main .recharts-wrapper').count()).toBe(2);
    found.push(...(await chartsWithoutAxisTitles(page)));
    await page.getByRole('tab', { name: 'Replay' }).click();
    await page.getByLabel('Replay preset').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    await page.getByTestId('headline-pnl').waitFor();
    await page.getByRole('button', { name: 'Replay', exact: true }).waitFor();
    found.push(...(await shootAndCheck(page, FOLDER, '06-replay')));
    await page.getByRole('tab', { name: 'Risk' }).click();
    await page.getByRole('button', { name: 'Compute' }).click();
    await page.getByText('Value at risk and expected shortfall').waitFor();
    await page.getByRole('button', { name: 'Compute' }).waitFor();
    // Pictures beside the tables: the drawdown and the distribution of daily returns with VaR and CVaR marked.
    await page.getByRole('region', { name: 'Drawdown from the running peak' }).locator('.recharts-area').waitFor();
    const marks = await page
      .getByRole('region', { name: /^Daily returns/ })
      .locator('svg.recharts-surface')
      .textContent();
    expect(marks).toMatch(/VaR \d+\.\d+%.*CVaR \d+\.\d+%|CVaR \d+\.\d+%.*VaR \d+\.\d+%/);
    found.push(...(await shootAndCheck(page, FOLDER, '07-risk')));
    found.push(...(await chartsWithoutAxisTitles(page)));
    await page.getByRole('tab', { name: 'Compare' }).click();
    await page.getByText('Total loss per scenario').waitFor();
    found.push(...(await shootAndCheck(page, FOLDER, '08-compare')));
    found.push(...(await chartsWithoutAxisTitles(page)));
    expect(found).toEqual([]);
  });

  it('Reports', async () => {
    await nav(page, 'Reports');
    await page.getByText('Portfolio stress test').waitFor();
    expect(await shootAndCheck(page, FOLDER, '09-reports')).toEqual([]);
  });

  it('Clients', async () => {
    await nav(page, 'Clients');
    await page.getByRole('cell', { name: 'Patel household' }).waitFor();
    expect(await shootAndCheck(page, FOLDER, '10-clients')).toEqual([]);
  });

  it('Firm stress, after a run', async () => {
    await nav(page, 'Firm stress');
    await page.getByRole('checkbox', { name: 'US dollar +10%' }).check();
    await page.getByRole('button', { name: 'Stress all clients' }).click();
    await page.getByRole('table', { name: 'Client ranking' }).waitFor({ timeout: 60_000 });
    // Clients in dollars and in euros: one firm total in the currency of most clients, beside the per-currency cards.
    expect(await page.getByTestId('firm-total').innerText()).toMatch(
      /^Firm worst case, 3 clients, in USD\n−\$[\d,]+\nof \$[\d,]+ .* EUR \d\.\d{4}/,
    );
    expect([...(await shootAndCheck(page, FOLDER, '11-firm')), ...(await chartsWithoutAxisTitles(page))]).toEqual([]);
    // Coming back after a restart: the latest run is open, named by its time and scenarios, with its scenarios ticked.
    await page.reload();
    await nav(page, 'Firm stress');
    await page.getByRole('table', { name: 'Client ranking' }).waitFor();
    const ticked = page.getByRole('group', { name: /^Scenarios/ }).getByRole('checkbox', { checked: true });
    await expect.poll(() => ticked.count()).toBe(3);
    expect(await page.getByLabel('Saved run').locator('option:checked').innerText()).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} · AI capex thesis collapses, Black Monday \(19 Oct 1987\) \+ 1 more scenario · 3 clients$/,
    );
  });

  it('primary buttons and the active tab read at WCAG AA (4.5:1) in both themes', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      const found = await contrasts(page, 'button.primary:not(:disabled), .tab.active');
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((b) => b.ratio < 4.5)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
