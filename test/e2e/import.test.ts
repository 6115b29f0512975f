import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { appForSuite, describeE2e, SHOTS } from '../helpers/browser';
import { FIXTURES } from '../helpers/fixtures';

describeE2e('importing a broker CSV in the browser shell', () => {
  let page: Page;
  let problems: string[];
  /** A new empty portfolio of this name, opened in Holdings. */
  const openNewPortfolio = async (name: string) => {
    await page.evaluate((portfolio) => window.api.invoke('portfolios:create', { name: portfolio }), name);
    await page.reload();
    await page.getByRole('button', { name }).click();
  };
  /** Opens the import dialog and picks a CSV file of these lines. */
  const importLines = async (fileName: string, lines: string[]) => {
    await page.getByRole('button', { name: 'Import…' }).click();
    await page
      .getByLabel('CSV file to import')
      .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  };
  appForSuite('import', {
    onOpen: async (app) => {
      ({ page, problems } = app);
      await openNewPortfolio('Schwab book');
      await page.getByText('This portfolio has no accounts yet').waitFor();
    },
  });

  it('picks a Schwab positions file, previews it and imports the positions', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByLabel('CSV file to import').setInputFiles(path.join(FIXTURES, 'schwab-positions.csv'));
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toBe(
      'schwab-positions.csv: Schwab positions (positions) · 5 new · 0 duplicate · 0 invalid · 2 skipped',
    );
    expect(await page.getByRole('table', { name: 'Totals per account' }).innerText()).toMatch(/Individual \.\.\.123\s+5\s+\$37,025\.75/);
    expect(await page.getByRole('table', { name: 'Rows of the file' }).innerText()).toContain('total, note or footer line');
    await page.screenshot({ path: path.join(SHOTS, '10-import-preview.png') });

    await page.getByRole('button', { name: 'Import 5 positions into Schwab book' }).click();
    // Holdings, not the preview's rows (the import screen lies outside main and lists symbols too).
    await page.getByRole('main').getByRole('cell', { name: 'VOO', exact: true }).waitFor();
    expect(await page.getByTestId('total-value').innerText()).toBe('$37,025.75');
    expect(await page.locator('tbody tr td.symbol').allInnerTexts()).toEqual(['AAPL', 'VOO', 'USD', 'SWVXX', 'TSLA']);
    await page.getByText('Imported 5 positions from schwab-positions.csv into Individual ...123.').waitFor();
    await page.screenshot({ path: path.join(SHOTS, '11-imported-holdings.png') });
  });

  it('offers replace or skip when the same file is dropped again, and undoes an import', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    const bytes = fs.readFileSync(path.join(FIXTURES, 'schwab-positions.csv')).toString('base64');
    await page.getByTestId('import-drop-zone').evaluate((zone, b64) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'schwab-positions.csv', { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, bytes);
    await page.getByText(/This file was already imported into this portfolio on \d{4}-\d{2}-\d{2}\./).waitFor();
    await page.getByRole('button', { name: 'Skip this file' }).click();
    await page.getByText('schwab-positions.csv was already imported; nothing changed.').waitFor();

    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByLabel('CSV file to import').setInputFiles(path.join(FIXTURES, 'vanguard.csv'));
    await page.getByRole('button', { name: 'Import 3 positions into Schwab book' }).click();
    await page.getByRole('main').getByRole('cell', { name: 'VTIAX', exact: true }).waitFor();
    expect(await page.getByTestId('total-value').innerText()).toBe('$69,401.41');
    // The Undo of this import's own notice (the Schwab import's notice may still be showing its own Undo).
    await page.getByRole('status').filter({ hasText: 'from vanguard.csv' }).getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Undid the import of vanguard.csv: removed 3, restored 0 positions.').waitFor();
    expect(await page.getByTestId('total-value').innerText()).toBe('$37,025.75');
  });

  it('edits and deletes the imported rows from the keyboard', async () => {
    await page.getByRole('row', { name: /^TSLA in Individual/ }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit TSLA' });
    await dialog.getByLabel('Quantity').fill('-12');
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: '−12', exact: true }).waitFor();
    // The save is done (holdings and their health reloaded) when its notice shows.
    await page.getByText('Saved TSLA.').waitFor();
    await page.getByRole('row', { name: /^TSLA in Individual/ }).focus();
    await page.keyboard.press('Delete');
    await page.getByText('Deleted TSLA from Individual ...123.').waitFor();
    expect(await page.locator('tbody tr td.symbol').allInnerTexts()).toEqual(['AAPL', 'VOO', 'USD', 'SWVXX']);
  });

  it('refuses a file it cannot read with the file, row and column', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    await page
      .getByLabel('CSV file to import')
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('Symbol,Quantity,Price\nAAPL,ten,100\n') });
    await page
      .getByRole('alert')
      .getByText(
        'bad.csv, row 2, column "Quantity": expected a number of shares such as 12.5, found "ten". No row could be read, so nothing was imported.',
      )
      .waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('lets the user name the columns of a file it cannot recognise, and remembers them for that layout', async () => {
    const odd = (rows: string) => ({ name: 'odd.csv', mimeType: 'text/csv', buffer: Buffer.from(`Sym;Held;Px\n${rows}`) });
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByLabel('CSV file to import').setInputFiles(odd('MSFT;2;400\n'));
    await page
      .getByRole('alert')
      .getByText(/^odd\.csv: no header line was found/)
      .waitFor();
    const editor = page.locator('details.mapping');
    // Every column starts at its guess (a column of tickers, then numbers), under the file's first rows, with the positions they make.
    expect(await editor.getByRole('table', { name: 'First rows of the file' }).innerText()).toMatch(/Sym\s+Held\s+Px\s+MSFT\s+2\s+400/);
    expect(await editor.getByRole('table', { name: 'Positions with these columns' }).innerText()).toMatch(
      /MSFT\s+—\s+2\s+\$400\.00\s+\$800\.00\s+USD/,
    );
    // The editor lists every field in IMPORT_FIELDS order: symbol is the 3rd, quantity the 6th, price the 7th.
    await editor.locator('select').nth(2).selectOption({ label: 'Sym' });
    await editor.locator('select').nth(5).selectOption({ label: 'Held' });
    await editor.locator('select').nth(6).selectOption({ label: 'Px' });
    await page.screenshot({ path: path.join(SHOTS, '12-import-hand-mapping.png') });
    await page.getByRole('button', { name: 'Preview with these columns' }).click();
    await page
      .getByTestId('import-summary')
      .getByText(/Generic CSV \(positions\) · 1 new/)
      .waitFor();
    await page.getByRole('button', { name: 'Import 1 position into Schwab book' }).click();
    await page.getByRole('main').getByRole('cell', { name: 'MSFT', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByLabel('CSV file to import').setInputFiles(odd('MSFT;3;410\nIBM;1;200\n'));
    await page
      .getByTestId('import-summary')
      .getByText(/2 new .* your saved column mapping was used/)
      .waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('imports a 6,000-row file through a trimmed preview', async () => {
    // 6,000 positions of 2 shares at $1.50 each: $18,000.00 in one account (the Holdings table renders every row).
    const lines = ['Account,Symbol,Quantity,Price', ...Array.from({ length: 6_000 }, (_, i) => `Big,S${i},2,$1.50`)];
    await openNewPortfolio('Big book');
    await importLines('big.csv', lines);
    await page
      .getByTestId('import-summary')
      .getByText(/Generic CSV \(positions\) · 6,000 new/)
      .waitFor({ timeout: 30_000 });
    await page.getByText('Showing every row with a problem and the first new rows; 5,500 more new rows are not listed.').waitFor();
    expect(await page.getByRole('table', { name: 'Totals per account' }).innerText()).toMatch(/Big\s+6,000\s+\$18,000\.00/);
    await page.getByRole('button', { name: 'Import 6,000 positions into Big book' }).click();
    await page.getByText('6,000 positions in 1 account').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('total-value').innerText()).toBe('$18,000.00');
  });

  it('asks per holding what a sale beyond what the history shows held means, and imports with the choice', async () => {
    const history = [
      'Date,Action,Symbol,Description,Quantity,Price,Amount',
      '01/02/2024,Sell,SNAXX,SCHWAB MONEY ULTRA,100,1,100',
      '01/03/2024,Buy,AAPL,APPLE INC,10,100,-1000',
      '01/04/2024,Sell,TSLA,TESLA INC,5,200,1000',
    ];
    await openNewPortfolio('History book');
    await importLines('history.csv', history);
    await page.getByText(/This history sells more of 2 holdings than it shows bought/).waitFor();
    const snaxx = page.getByTestId('shortfall-SNAXX');
    expect(await snaxx.getByLabel('Decision for SNAXX').inputValue()).toBe('closed');
    await snaxx.getByLabel('Decision for SNAXX').selectOption({ label: 'Enter the opening quantity' });
    await snaxx.getByLabel('Opening quantity of SNAXX').fill('150');
    await snaxx.getByLabel('Opening quantity of SNAXX').press('Enter');
    await snaxx.getByRole('cell', { name: '50', exact: true }).waitFor();
    await page.getByTestId('shortfall-TSLA').getByLabel('Decision for TSLA').selectOption({ label: 'Keep as a short' });
    await page.getByTestId('shortfall-TSLA').getByRole('cell', { name: '−5', exact: true }).waitFor();
    expect(await page.getByTestId('import-findings').innerText()).toMatch(
      /SNAXX: the history sells 100 more than it shows bought \(first on 2024-01-02\); opening quantity 150 entered, now 50\./,
    );
    await page.screenshot({ path: path.join(SHOTS, '13-import-history-choices.png') });
    await page.getByRole('button', { name: 'Import 3 positions into History book' }).click();
    await page.getByRole('main').getByRole('cell', { name: 'SNAXX', exact: true }).waitFor();
    expect(await page.locator('tbody tr td.symbol').allInnerTexts()).toEqual(['AAPL', 'SNAXX', 'TSLA']);
  });

  it('asks the currency of a file that names none, and previews it in the one chosen', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    await page
      .getByLabel('CSV file to import')
      .setInputFiles({ name: 'no-currency.csv', mimeType: 'text/csv', buffer: Buffer.from('Symbol,Quantity,Price\nSAP,10,200\n') });
    const question = page.getByTestId('import-currency');
    await question.waitFor();
    // Into an existing portfolio its currency is offered; any other can be chosen.
    expect(await question.getByLabel('Currency of the file').inputValue()).toBe('USD');
    await question.getByLabel('Currency of the file').selectOption('EUR');
    await page.getByRole('table', { name: 'Totals per account' }).getByText('€2,000.00').waitFor();
    expect(await question.getByLabel('Currency of the file').inputValue()).toBe('EUR');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('ran without console errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
