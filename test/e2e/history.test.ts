import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { signedPercent } from '../../shared/format';
import { formatMoney, formatPercent } from '../../shared/format';
import { appForSuite, describeE2e, ROOT, runBuiltCli, SHOTS } from '../helpers/browser';

describeE2e('history-driven stress in Chromium', () => {
  let page: Page;
  let problems: string[];
  const app = appForSuite('history', { viewport: { width: 1440, height: 1000 }, onOpen: (opened) => ({ page, problems } = opened) });
  /** The engine's own answer through the CLI on the same database file. */
  const cli = (...args: string[]) => JSON.parse(runBuiltCli(app.dbPath, [...args, '--portfolio', 'Growth & AI', '--json']));
  const headline = (result: { pnl: number; return: number }) => `${formatMoney(result.pnl, 'USD', 0)} (${signedPercent(result.return)})`;

  it('propagates "AI capex thesis collapses" to unshocked holdings with a band, as the CLI does', async () => {
    await page.keyboard.press('Control+4');
    await page.getByLabel('Scenario', { exact: true }).selectOption('ai-capex-collapse');
    const plain = cli('stress', '--scenario', 'ai-capex-collapse');
    await expect.poll(() => page.getByTestId('headline-pnl').innerText()).toBe(headline(plain));
    await page.getByLabel('Propagate to unshocked holdings').check();
    const propagated = cli('stress', '--scenario', 'ai-capex-collapse', '--propagate');
    await expect.poll(() => page.getByTestId('headline-pnl').innerText()).toBe(headline(propagated));
    expect(await page.getByTestId('headline-band').innerText()).toBe(
      `band ${formatMoney(propagated.band.low, 'USD', 0)} to ${formatMoney(propagated.band.high, 'USD', 0)}`,
    );
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: /Loss by sector \(bars: low–high band\)/ })
          .locator('.recharts-errorBar')
          .count(),
      )
      .toBeGreaterThan(0);
    // The banner quotes the backtest's figures from resources/backtest-summary.json.
    const summary = JSON.parse(fs.readFileSync(path.join(ROOT, 'resources', 'backtest-summary.json'), 'utf8'));
    expect(await page.getByTestId('track-record').innerText()).toBe(
      `On ${summary.overall.days} stress days since ${summary.from.slice(0, 4)}, moves estimated this way were off by ${(summary.overall.mae * 100).toFixed(1)} points on average (assuming no move: ${(summary.overall.maeZero * 100).toFixed(1)}); the band contained the actual move ${Math.round(summary.overall.coverage * 100)}% of the time.`,
    );
    await page.screenshot({ path: path.join(SHOTS, '20-propagated.png') });
  });

  it('explains a propagated move with its betas and band', async () => {
    await page.getByLabel('Filter results').fill('AAPL');
    await page.locator('.vt-row').first().click();
    const why = page.getByRole('complementary', { name: /Why AAPL moved/ });
    await why.waitFor();
    await expect.poll(() => why.locator('tbody td').nth(3).innerText()).toMatch(/^propagated Propagated: β −?\d\.\d\d to SMH × −10%/i);
    expect(await why.getByTestId('why-band').innerText()).toMatch(
      /^95% band \(estimation and residual\): −\d+(\.\d+)?% to [−+]?\d+(\.\d+)?%/,
    );
    await why.scrollIntoViewIfNeeded();
    await why.screenshot({ path: path.join(SHOTS, '21-why-propagated.png') });
    await why.getByRole('button', { name: 'Close explanation' }).click();
    await page.getByLabel('Filter results').fill('');
  });

  it('propagates through a proxy fund the user picks, as the CLI does with --proxy, and goes back to the default', async () => {
    const note = page.getByRole('region', { name: 'How history was used' });
    await note.getByText('Change the proxy funds').click();
    // A value that is not a ticker is held back by the form itself.
    await note.getByLabel('Proxy for industry Semiconductors').fill('S&P!');
    expect(await note.getByLabel('Proxy for industry Semiconductors').evaluate((el) => (el as HTMLInputElement).validity.valid)).toBe(
      false,
    );
    await note.getByLabel('Proxy for industry Semiconductors').fill('SOXX');
    await note.getByLabel('Proxy for industry Semiconductors').press('Enter');
    const withSoxx = cli('stress', '--scenario', 'ai-capex-collapse', '--propagate', '--proxy', 'industry:Semiconductors=SOXX');
    await expect.poll(() => page.getByTestId('headline-pnl').innerText()).toBe(headline(withSoxx));
    expect(await note.locator('strong').innerText()).toMatch(/^Propagated from SOXX −10%/);
    await page.screenshot({ path: path.join(SHOTS, '21b-proxy-chosen.png') });
    await note.getByRole('button', { name: 'Default' }).click();
    const propagated = cli('stress', '--scenario', 'ai-capex-collapse', '--propagate');
    await expect.poll(() => page.getByTestId('headline-pnl').innerText()).toBe(headline(propagated));
    await page.getByLabel('Propagate to unshocked holdings').uncheck();
  });

  it('replays DeepSeek Monday from the preset list and shows the worst fall and coverage', async () => {
    await page.getByRole('tab', { name: 'Replay' }).click();
    await page.getByLabel('Replay preset').selectOption('replay-deepseek-monday-2025');
    const replay = cli('replay', '--from', '2025-01-24', '--to', '2025-01-27');
    await expect.poll(() => page.getByTestId('headline-pnl').innerText()).toBe(headline(replay));
    const note = page.getByLabel('How history was used');
    expect(await note.innerText()).toContain('Replayed 2025-01-24 → 2025-01-27');
    expect(await page.locator('.stat').nth(3).innerText()).toContain(`${formatPercent(replay.coverage.explicit.share, 1)} own history`);
    // The words under the bar are the partition, in the CLI's order, and add up to 100%.
    const words = await page.getByTestId('coverage-words').innerText();
    const shares = [...words.matchAll(/([\d.]+)%/g)].map((m) => Number(m[1]));
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.2);
    expect(words).toContain(`${formatPercent(replay.coverage.explicit.share, 1)} by its own history`);
    expect(
      await page
        .getByRole('img', { name: /^Coverage: By its own history/ })
        .first()
        .locator('.seg')
        .count(),
    ).toBe(shares.length);
    await page.screenshot({ path: path.join(SHOTS, '22-replay.png') });
  });

  it('refuses a window past the prices with the dates they cover, and says when a window is covered only in part', async () => {
    await page.getByLabel('Replay from').fill('2025-06-01');
    await page.getByLabel('Replay to').fill('2026-11-30');
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').first().innerText())
      .toBe('Prices run to 2025-04-04: update market data or pick an earlier window than 2025-06-01 → 2026-11-30.');
    expect(await page.getByTestId('headline-pnl').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, '22a-replay-refused.png') });
    await page.getByLabel('Replay from').fill('2025-03-03');
    await page.getByLabel('Replay to').fill('2025-06-30');
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('replay-partial').innerText())
      .toBe('Prices run to 2025-04-04: replayed 2025-03-03 → 2025-04-04 only, not the whole 2025-03-03 → 2025-06-30.');
    await page.screenshot({ path: path.join(SHOTS, '22b-replay-partial.png') });
  });

  it('refuses a custom window that ends before it starts, then replays a custom one', async () => {
    await page.getByLabel('Replay from').fill('2022-06-30');
    await page.getByLabel('Replay to').fill('2022-01-03');
    expect(await page.getByRole('button', { name: 'Replay', exact: true }).isDisabled()).toBe(true);
    expect(await page.locator('.replay-picker').innerText()).toContain('The end date must be after the start date.');
    await page.getByLabel('Replay to').fill('2022-12-30');
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    const replay = cli('replay', '--from', '2022-06-30', '--to', '2022-12-30');
    await expect.poll(() => page.getByTestId('headline-pnl').innerText()).toBe(headline(replay));
  });

  it('shows risk figures for the portfolio', async () => {
    await page.getByRole('tab', { name: 'Risk' }).click();
    const risk = cli('risk');
    await expect.poll(() => page.getByTestId('risk-volatility').innerText()).toBe(formatPercent(risk.volatility, 2));
    expect(await page.getByRole('table', { name: 'VaR and CVaR' }).locator('tbody tr').count()).toBe(4);
    await page.screenshot({ path: path.join(SHOTS, '23-risk.png') });
    expect(problems).toEqual([]);
  });
});
