import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { signedPercent } from '../../shared/format';
import { formatMoney } from '../../shared/format';
import { appForSuite, describeE2e, runBuiltCli, SHOTS } from '../helpers/browser';
import { tempDir } from '../helpers/temp';

const STORY =
  'Jan 27 (Reuters) - NVIDIA slid 10% premarket, ASML was down 11% and Siemens Energy slid 20%, while Nasdaq 100 futures tumbled 3.4% and S&P 500 futures fell 2%. Infineon Technologies AG fell 6.5% in Frankfurt.';

describeE2e('a scenario drafted from a news story, in Chromium', () => {
  let page: Page;
  let problems: string[];
  const app = appForSuite('news', { viewport: { width: 1280, height: 720 }, onOpen: (opened) => ({ page, problems } = opened) });
  const tmp = tempDir('e2e-news');
  /** The CLI on the same database: the engine's own answer for a scenario id or file. */
  const cli = (...args: string[]) => runBuiltCli(app.dbPath, args);
  const stress = (scenario: string) => JSON.parse(cli('stress', '--portfolio', 'Growth & AI', '--scenario', scenario, '--json'));

  it('reads a loaded .html page as text, never as a page', async () => {
    await page.keyboard.press('Control+3');
    await page.getByRole('button', { name: 'New scenario ▾' }).click();
    await page.getByRole('menuitem', { name: 'From a news story…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New scenario from a news story' });
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'story.html',
      mimeType: 'text/html',
      buffer: Buffer.from(
        '<html><body><script>window.__ran = true</script><p>Chip stocks <b>fell</b> 9%.</p><img src=x onerror="window.__ran = true"></body></html>',
      ),
    });
    await expect.poll(() => dialog.getByLabel('News story').inputValue()).toBe('Chip stocks fell 9%.');
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran ?? false)).toBe(false);
  });

  it('says in one sentence when a story reports no moves', async () => {
    const dialog = page.getByRole('dialog', { name: 'New scenario from a news story' });
    await dialog.getByLabel('News story').fill('Markets were closed for the holiday; trading resumes on Tuesday.');
    await dialog.getByRole('button', { name: 'Find the moves' }).click();
    expect(await dialog.getByRole('alert').innerText()).toBe(
      'No reported moves found: the text names no price move with a size (such as “Nvidia slid 10%”).',
    );
  });

  it('drafts the moves of a pasted story and shows the sample portfolio’s loss live', async () => {
    const dialog = page.getByRole('dialog', { name: 'New scenario from a news story' });
    await dialog.getByLabel('News story').fill(STORY);
    await dialog.getByLabel('Publisher (optional)').fill('Reuters');
    await dialog.getByLabel('Story date').fill('2025-01-27');
    await dialog.getByLabel('Scenario name (optional)').fill('DeepSeek premarket');
    await dialog.getByRole('button', { name: 'Find the moves' }).click();
    const moves = dialog.locator('.news-proposal');
    await expect.poll(() => moves.count()).toBe(6);
    expect(await moves.nth(0).locator('mark').innerText()).toBe('NVIDIA slid 10%');
    expect(await moves.nth(0).locator('.news-target').innerText()).toBe('→ NVDA — Nvidia');
    expect(await moves.nth(3).locator('.news-target').innerText()).toBe('→ QQQ — Invesco QQQ Trust');
    expect(await moves.nth(4).locator('.news-target').innerText()).toBe('→ market (S&P 500)');
    expect(await moves.nth(5).innerText()).toContain('not matched: Infineon Technologies AG (−6.5%)');

    // The same story through the CLI writes the same scenario; its result is what the dialog must show.
    const story = path.join(tmp, 'story.txt');
    const file = path.join(tmp, 'story.json');
    fs.writeFileSync(story, STORY);
    cli('scenarios', 'from-text', story, '--date', '2025-01-27', '--publisher', 'Reuters', '--name', 'DeepSeek premarket', '--out', file);
    const expected = stress(file);
    const pnl = dialog.getByTestId('draft-pnl');
    await expect.poll(() => pnl.innerText()).toBe(`${formatMoney(expected.pnl, 'USD', 0)} (${signedPercent(expected.return)})`);
    await page.screenshot({ path: path.join(SHOTS, 'news-draft.png') });

    // Switching NVIDIA off changes the loss; switching it back restores it.
    await dialog.getByLabel('Use NVIDIA (−10%)').uncheck();
    await expect.poll(() => pnl.innerText()).not.toBe(`${formatMoney(expected.pnl, 'USD', 0)} (${signedPercent(expected.return)})`);
    await dialog.getByLabel('Use NVIDIA (−10%)').check();
    await expect.poll(() => pnl.innerText()).toBe(`${formatMoney(expected.pnl, 'USD', 0)} (${signedPercent(expected.return)})`);

    // The unmatched name gets a theme from the picker, which switches it on; emptying the pick leaves it out again.
    const infineon = dialog.getByLabel('Use Infineon Technologies AG (−6.5%)');
    expect(await infineon.isDisabled()).toBe(true);
    await dialog.getByLabel('Target kind for Infineon Technologies AG').selectOption('theme');
    await dialog.getByLabel('Target for Infineon Technologies AG').fill('semiconductors');
    await expect.poll(() => infineon.isChecked()).toBe(true);
    await expect.poll(() => pnl.innerText()).not.toBe(`${formatMoney(expected.pnl, 'USD', 0)} (${signedPercent(expected.return)})`);
    await moves.nth(5).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'news-draft-picker.png') });
    expect(await moves.nth(5).locator('.news-target').innerText()).toBe('→ theme Semiconductors (your pick)');
    await dialog.getByLabel('Target for Infineon Technologies AG').fill('');
    await expect.poll(() => infineon.isDisabled()).toBe(true);
    await expect.poll(() => pnl.innerText()).toBe(`${formatMoney(expected.pnl, 'USD', 0)} (${signedPercent(expected.return)})`);
  });

  it('offers propagation to holdings the story does not name, through the existing estimate', async () => {
    const dialog = page.getByRole('dialog', { name: 'New scenario from a news story' });
    const propagation = dialog.getByLabel(/Also move holdings the story does not name/);
    await propagation.check();
    await dialog.getByText('Growth & AI · propagated').waitFor();
    await propagation.uncheck();
    await expect.poll(() => dialog.getByText('Growth & AI · propagated').count()).toBe(0);
  });

  it('saves an ordinary scenario and shows its loss on the sample portfolio in Results', async () => {
    const dialog = page.getByRole('dialog', { name: 'New scenario from a news story' });
    await dialog.getByRole('button', { name: 'Save and see results' }).click();
    await page.getByRole('heading', { name: 'Results', level: 1 }).waitFor();
    expect(await page.getByLabel('Scenario', { exact: true }).inputValue()).toBe('deepseek-premarket');
    const expected = stress('deepseek-premarket');
    expect(expected.scenarioName).toBe('DeepSeek premarket');
    await expect
      .poll(() => page.getByTestId('headline-pnl').innerText())
      .toBe(`${formatMoney(expected.pnl, 'USD', 0)} (${signedPercent(expected.return)})`);
    const saved = JSON.parse(cli('scenarios', 'show', 'deepseek-premarket', '--json'));
    expect(saved.shocks[0]).toMatchObject({
      target: 'symbol',
      value: 'NVDA',
      change: -0.1,
      note: expect.stringContaining('NVIDIA slid 10% premarket'),
    });
    expect(saved.event.sources[0].title).toBe('Reuters, 2025-01-27');
    expect(problems).toEqual([]);
  });
});
