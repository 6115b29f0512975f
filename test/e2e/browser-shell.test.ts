import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { commandNames } from '../../shared/ipc/contract';
import { appForSuite, describeE2e, SHOTS } from '../helpers/browser';

describeE2e('browser shell in Chromium', () => {
  let page: Page;
  let problems: string[];
  appForSuite('shell', { onOpen: (app) => ({ page, problems } = app) });

  it('shows the sample client and portfolio on first run', async () => {
    await page.getByRole('button', { name: 'Growth & AI' }).waitFor();
    expect(await page.getByText('Sample client — Alex Morgan').isVisible()).toBe(true);
    expect(await page.locator('tr', { hasText: 'Growth & AI' }).innerText()).toMatch(/3\s+26\s+\$626,964\.29/);
    await page.screenshot({ path: path.join(SHOTS, '01-portfolios.png') });
  });

  it('exposes one invoke on window.api, which sends only declared commands, and no Node', async () => {
    const surface = await page.evaluate(() => ({
      api: Object.keys(window.api).sort(),
      frozen: Object.isFrozen(window.api),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
      electron: typeof (window as unknown as { electron?: unknown }).electron,
      module: typeof (window as unknown as { module?: unknown }).module,
      buffer: typeof (window as unknown as { Buffer?: unknown }).Buffer,
      allFunctions: Object.values(window.api).every((v) => typeof v === 'function'),
    }));
    expect(surface.api).toEqual(['invoke']);
    const refused = await page.evaluate(() => (window.api.invoke as (name: string) => Promise<unknown>)('clients:drop'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(commandNames.length).toBeGreaterThan(70);
    expect(surface).toMatchObject({
      frozen: true,
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
      module: 'undefined',
      buffer: 'undefined',
      allFunctions: true,
    });
  });

  it('creates a portfolio for a new client, adds an account and a position', async () => {
    await page.getByRole('button', { name: 'New portfolio' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Retirement');
    await dialog.getByLabel('Client').selectOption('new');
    await dialog.getByLabel('New client’s name').fill('Lee household');
    await dialog.getByRole('button', { name: 'Create portfolio' }).click();
    await page.getByRole('article', { name: 'Client Lee household' }).waitFor();
    await page.getByRole('button', { name: 'Retirement' }).click();

    await page.getByText('This portfolio has no accounts yet').waitFor();
    await page.screenshot({ path: path.join(SHOTS, '02-empty-portfolio.png') });
    await page.getByRole('button', { name: 'Add account' }).first().click();
    await page.getByLabel('Account name').fill('Roth IRA');
    await page.getByRole('dialog').getByRole('button', { name: 'Add account' }).click();
    await page.getByText('No positions yet').waitFor();

    await page.getByRole('button', { name: 'Add position' }).first().click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Symbol').fill('nvda');
    await form.getByLabel('Quantity').fill('10');
    await form.getByLabel('Price').fill('abc');
    await form.getByRole('button', { name: 'Add position' }).click();
    await form.getByText('Price must be a number of zero or more.').waitFor();
    await form.getByLabel('Price').fill('138.79');
    await form.getByRole('button', { name: 'Add position' }).click();
    await page.getByRole('cell', { name: 'NVDA', exact: true }).waitFor();
    expect(await page.getByTestId('total-value').innerText()).toBe('$1,387.90');
  });

  it('switches to the sample portfolio and sorts and filters its holdings', async () => {
    const picker = page.getByLabel('Portfolio', { exact: true });
    await picker.selectOption({ label: 'Growth & AI (Sample client — Alex Morgan)' });
    await page.getByText('26 positions in 3 accounts').waitFor();
    expect(await page.getByTestId('total-value').innerText()).toBe('$626,964.29');
    const firstSymbol = () => page.locator('tbody tr td.symbol').first().innerText();
    expect(await firstSymbol()).toBe('NVDA');
    await page.screenshot({ path: path.join(SHOTS, '03-holdings.png') });
    await page.getByRole('button', { name: /^Symbol/ }).click();
    expect(await firstSymbol()).toBe('AAPL');
    await page.getByLabel('Filter positions').fill('roth');
    await page.getByText('8 of 26').waitFor();
  });

  it('edits a copy of a built-in scenario and sees the result change live', async () => {
    await page.keyboard.press('Control+3');
    await page.getByRole('heading', { name: 'Scenarios', exact: true }).waitFor();
    await page.getByRole('button', { name: /^S&P 500 −20%/ }).click();
    const pnl = page.getByTestId('preview-pnl');
    await page.getByRole('heading', { name: 'S&P 500 −20%', level: 2 }).waitFor();
    const before = await pnl.innerText();
    expect(before).toMatch(/^−\$\d{2,3},\d{3} \(−\d+(\.\d+)?%\)$/);
    expect(await page.getByLabel('Shock 1 size in percent').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Duplicate to edit' }).click();
    await page.getByRole('textbox', { name: 'Scenario name' }).waitFor();
    // Live while typing: no Enter and no leaving the field, the result follows the typed size.
    await page.getByLabel('Shock 1 size in percent').fill('-10');
    const amount = (text: string) => Number(text.replace(/[^0-9.]/g, '').replace(/\.(?=.*\.)/g, ''));
    await expect.poll(async () => amount((await pnl.innerText()).split(' ')[0]) / amount(before.split(' ')[0])).toBeCloseTo(0.5, 2);
    expect(await page.getByLabel('Shock 1 size in percent').inputValue()).toBe('-10');
    await page.screenshot({ path: path.join(SHOTS, '04-scenario-editor.png') });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved “S&P 500 −20% (copy)”.').waitFor();
  });

  it('navigates between the views with Ctrl+number', async () => {
    await page.keyboard.press('Control+5');
    await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
    await page.keyboard.press('Control+4');
    await page.getByRole('heading', { name: 'Results', exact: true }).waitFor();
    await page.keyboard.press('Control+1');
    await page.getByRole('heading', { name: 'Portfolios', exact: true }).waitFor();
  });

  it('renders only the visible rows of a 1,000-position portfolio and scrolls to the last one', async () => {
    const id = await page.evaluate(async () => {
      const invoke = window.api.invoke as unknown as (name: string, r: unknown) => Promise<{ ok: boolean; value: { id: number } }>;
      const value = async (answer: Promise<{ ok: boolean; value: { id: number } }>) => {
        const result = await answer;
        if (!result.ok) throw new Error(JSON.stringify(result));
        return result.value;
      };
      const portfolio = await value(invoke('portfolios:create', { name: 'Thousand' }));
      const account = await value(invoke('accounts:create', { portfolioId: portfolio.id, name: 'Big' }));
      for (let i = 0; i < 1000; i++)
        await value(
          invoke('positions:create', { accountId: account.id, symbol: `T${String(i).padStart(4, '0')}`, quantity: 1, price: 1000 + i }),
        );
      return portfolio.id;
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Portfolios', exact: true }).waitFor();
    await page.keyboard.press('Control+2');
    await page.getByLabel('Portfolio', { exact: true }).selectOption(String(id));
    await page.getByText('1,000 positions', { exact: true }).waitFor();
    const rows = page.locator('table.holdings tbody tr[tabindex]');
    await rows.first().waitFor();
    expect(await rows.count()).toBeLessThan(80);
    // Sorted by value, largest first: T0999 heads the list and T0000 ends it.
    expect(await rows.first().locator('td.symbol').innerText()).toBe('T0999');
    await page.getByTestId('holdings-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page.locator('tr', { hasText: 'T0000' }).waitFor();
    expect(await rows.count()).toBeLessThan(80);
    await page.screenshot({ path: path.join(SHOTS, '06-holdings-1000.png') });
  });

  it('deletes that portfolio after asking, and puts it back from the notice', async () => {
    await page.keyboard.press('Control+1');
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Thousand', exact: true }) });
    await row.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.innerText()).toContain(
      'This removes 1 account and 1,000 positions from this computer. You can undo it from the notice that follows.',
    );
    await dialog.getByRole('button', { name: 'Delete portfolio' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Deleted “Thousand”.' });
    await notice.waitFor();
    await expect.poll(() => row.count()).toBe(0);
    await notice.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Restored “Thousand”.').waitFor();
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: 'Thousand', exact: true }).click();
    await page.getByText('1,000 positions', { exact: true }).waitFor();
  });

  it('ran without console errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
