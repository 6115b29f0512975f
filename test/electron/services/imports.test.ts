import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { closeServices, type Services } from '../../../electron/services/services';
import { fixtureText } from '../../helpers/fixtures';
import { snapshotImportTables as snapshot } from '../../helpers/import-tables';
import { call, memoryServices, testServices } from '../../helpers/services';

let services: Services;
let portfolioId: number;
beforeEach(() => {
  services = memoryServices();
  portfolioId = call(services, 'portfolios:create', { name: 'Imported' }).id;
});
afterEach(() => closeServices(services));

const file = (name: string) => ({ portfolioId, fileName: name, text: fixtureText(name) });
const holdings = () =>
  call(services, 'portfolios:holdings', { id: portfolioId }).positions.map(
    (p: { accountName: string; symbol: string; quantity: number }) => `${p.accountName}|${p.symbol}|${p.quantity}`,
  );

describe('imports:commit', () => {
  it('names each security once, the security master’s name where it knows it: blank names are filled at import', () => {
    closeServices(services);
    services = memoryServices({ loadReference: true });
    portfolioId = call(services, 'portfolios:create', { name: 'Imported' }).id;
    const text = 'Symbol,Description,Quantity,Price\nAAPL,,3,200\nNVDA,NVIDIA CORP,2,100\nZZZQ,My own thing,1,5\n';
    call(services, 'imports:commit', { portfolioId, fileName: 'names.csv', text });
    const master = (symbol: string): string => call(services, 'securities:show', { symbol }).classification.name;
    const names = call(services, 'portfolios:holdings', { id: portfolioId }).positions.map(
      (p: { symbol: string; name: string }) => `${p.symbol}|${p.name}`,
    );
    expect(names).toEqual([`AAPL|${master('AAPL')}`, `NVDA|${master('NVDA')}`, 'ZZZQ|My own thing']);
    expect(master('AAPL')).toMatch(/^Apple/);
    // Stored too, not only shown: the row written for AAPL carries the master's name.
    const stored = services.db.prepare("SELECT name FROM positions WHERE symbol = 'AAPL'").get() as { name: string };
    expect(stored.name).toBe(master('AAPL'));
  });

  it('checks for an earlier import of the file under the write lock: one committed meanwhile by another process counts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-import-race-'));
    const open = () => testServices(path.join(dir, 'a.sqlite'));
    const first = open();
    const second = open();
    try {
      const target = call(first, 'portfolios:create', { name: 'Shared' }).id;
      const request = { portfolioId: target, fileName: 'vanguard.csv', text: fixtureText('vanguard.csv') };
      // The other process commits the same file after this one has read it, just before this one writes.
      const transaction = first.db.transaction.bind(first.db);
      let interleaved = false;
      first.db.transaction = ((fn: (...args: unknown[]) => unknown) => {
        if (!interleaved) {
          interleaved = true;
          expect(call(second, 'imports:commit', request)).toMatchObject({ status: 'imported' });
        }
        return transaction(fn);
      }) as typeof first.db.transaction;
      const result = dispatch(first, 'imports:commit', request);
      expect(interleaved).toBe(true);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringMatching(/^vanguard\.csv was already imported into Shared/) },
      });
      expect(call(first, 'imports:list', { portfolioId: target })).toHaveLength(1);
    } finally {
      closeServices(second);
      closeServices(first);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates the portfolio and client it is given inside the import: a refused import leaves neither', () => {
    const clients = () => call(services, 'clients:list', {}).map((c) => c.name);
    const portfolios = () => call(services, 'portfolios:list', {}).map((p) => p.name);
    const before = [clients(), portfolios()];
    const bad = {
      fileName: 'bad.csv',
      text: 'Symbol,Quantity,Price\nAAPL,10,100\nMSFT,lots,400\n',
      newPortfolio: { name: 'New book', clientName: 'New household' },
    };
    expect(dispatch(services, 'imports:commit', bad)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect([clients(), portfolios()]).toEqual(before);
    expect(dispatch(services, 'imports:commit', { ...bad, portfolioId })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('either portfolioId or newPortfolio') },
    });
    const done = call(services, 'imports:commit', { ...bad, skipInvalid: true });
    expect(done).toMatchObject({ status: 'imported', positions: 1 });
    expect(call(services, 'portfolios:list', {}).find((p) => p.name === 'New book')).toMatchObject({ clientName: 'New household' });
  });

  it('writes a positions file into the accounts it names, with an imports record', () => {
    const answer = call(services, 'imports:commit', file('fidelity-positions.csv'));
    expect(answer).toMatchObject({
      status: 'imported',
      positions: 7,
      replaced: 0,
      accounts: ['Individual (Z12345678)', 'ROTH IRA (244123456)'],
    });
    expect(answer.import).toMatchObject({
      fileName: 'fidelity-positions.csv',
      format: 'fidelity-positions',
      kind: 'positions',
      rowCount: 10,
      importedCount: 7,
    });
    expect(answer.import!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const h = call(services, 'portfolios:holdings', { id: portfolioId });
    expect(h.positions.length).toBe(7);
    // Valued as quantity × price (FXAIX 120.456 × 198.11 = 23,863.538), so a cent below the file's 36,672.41.
    expect(Math.round(h.totalBaseValue * 100) / 100).toBe(36672.4);
  });

  it("replaces an account's positions on a positions import and undo restores them", () => {
    const account = call(services, 'accounts:create', { portfolioId, name: 'Individual ...123' });
    const ibm = call(services, 'positions:create', { accountId: account.id, symbol: 'IBM', quantity: 3, price: 200, costBasis: 500 });
    const answer = call(services, 'imports:commit', file('schwab-positions.csv'));
    expect([answer.replaced, answer.positions]).toEqual([1, 5]);
    expect(holdings()).not.toContain('Individual ...123|IBM|3');
    expect(call(services, 'imports:undo', { id: answer.import!.id })).toEqual({ removed: 5, restored: 1 });
    expect(holdings()).toEqual(['Individual ...123|IBM|3']);
    // Back under its own id, so an earlier edit's Undo still finds it.
    expect(call(services, 'positions:list', { accountId: account.id })[0]).toMatchObject({
      id: ibm.id,
      symbol: 'IBM',
      price: 200,
      costBasis: 500,
    });
    expect(call(services, 'imports:list', { portfolioId })[0].undoneAt).not.toBeNull();
  });

  it('undo gives a restored position a new id only when another position took its id meanwhile', () => {
    const account = call(services, 'accounts:create', { portfolioId, name: 'Individual ...123' });
    const [ibm, ko] = ['IBM', 'KO'].map((symbol) =>
      call(services, 'positions:create', { accountId: account.id, symbol, quantity: 3, price: 50 }),
    );
    const answer = call(services, 'imports:commit', file('schwab-positions.csv'));
    // The user deletes the imported rows by hand; with the table empty, a new position takes the first id, IBM's.
    for (const p of call(services, 'positions:list', { accountId: account.id })) call(services, 'positions:delete', { id: p.id });
    const other = call(services, 'accounts:create', { portfolioId, name: 'Other' });
    const taker = call(services, 'positions:create', { accountId: other.id, symbol: 'T', quantity: 1, price: 20 });
    expect(taker.id).toBe(ibm.id);
    expect(call(services, 'imports:undo', { id: answer.import!.id })).toEqual({ removed: 0, restored: 2 });
    const restored = call(services, 'positions:list', { accountId: account.id });
    expect(restored.map((p) => p.symbol).sort()).toEqual(['IBM', 'KO']);
    expect(restored.find((p) => p.symbol === 'KO')!.id).toBe(ko.id);
    expect(restored.find((p) => p.symbol === 'IBM')!.id).toBeGreaterThan(ko.id);
    expect(call(services, 'positions:list', { accountId: other.id })).toEqual([expect.objectContaining({ id: taker.id, symbol: 'T' })]);
  });

  it('undo removes the accounts an import created', () => {
    const answer = call(services, 'imports:commit', file('vanguard.csv'));
    expect(call(services, 'accounts:list', { portfolioId }).map((a) => a.name)).toEqual(['12345678', '87654321']);
    call(services, 'imports:undo', { id: answer.import!.id });
    expect(call(services, 'accounts:list', { portfolioId })).toEqual([]);
  });

  it('derives positions from a transaction history', () => {
    call(services, 'imports:commit', file('schwab-transactions.csv'));
    // No USD cash: a fee is paid before the first deposit, so the history does not start from zero.
    expect(new Set(holdings())).toEqual(new Set(['Schwab|AAPL|20', 'Schwab|NVDA|100', 'Schwab|SCHD|101.2345']));
    expect(call(services, 'portfolios:holdings', { id: portfolioId }).importFindings).toEqual([
      expect.objectContaining({ kind: 'cash-not-derived', account: 'Schwab', symbol: 'USD', fileName: 'schwab-transactions.csv' }),
    ]);
  });

  it('detects the same file imported again and offers replace or skip', () => {
    const first = call(services, 'imports:commit', file('vanguard.csv'));
    const again = dispatch(services, 'imports:commit', file('vanguard.csv'));
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!again.ok && again.error.message).toMatch(
      /^vanguard\.csv was already imported into Imported on \d{4}-\d{2}-\d{2}; choose to replace that import or skip this file\.$/,
    );
    expect(call(services, 'imports:preview', file('vanguard.csv')).previousImport!.id).toBe(first.import!.id);
    expect(call(services, 'imports:commit', { ...file('vanguard.csv'), onDuplicate: 'skip' })).toMatchObject({
      status: 'skipped',
      positions: 0,
    });
    const replaced = call(services, 'imports:commit', { ...file('vanguard.csv'), onDuplicate: 'replace' });
    expect([replaced.status, replaced.replaced, holdings().length]).toEqual(['imported', 3, 3]);
  });

  it('refuses invalid rows with the file, row and column, writing nothing, unless told to leave them out', () => {
    const text = 'Symbol,Quantity,Price\nAAPL,10,100\nMSFT,ten,400\n';
    const before = snapshot(services.db);
    const refused = dispatch(services, 'imports:commit', { portfolioId, fileName: 'mine.csv', text });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message:
          'mine.csv, row 3, column "Quantity": expected a number of shares such as 12.5, found "ten". 1 row cannot be read; fix the file or import without them.',
      },
    });
    expect(snapshot(services.db)).toEqual(before);
    expect(call(services, 'imports:commit', { portfolioId, fileName: 'mine.csv', text, skipInvalid: true })).toMatchObject({
      positions: 1,
    });
  });

  it('refuses undoing an import that a later import of the same accounts depends on', () => {
    const first = call(services, 'imports:commit', file('vanguard.csv'));
    call(services, 'imports:commit', { ...file('vanguard.csv'), onDuplicate: 'replace' });
    expect(dispatch(services, 'imports:undo', { id: first.import!.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'vanguard.csv was imported into the same accounts afterwards; undo that import first.' },
    });
  });

  it('saves a user-fixed mapping as the profile for that layout and reuses it', () => {
    const refused = dispatch(services, 'imports:preview', { portfolioId, fileName: 'odd.csv', text: 'Ticker,Held,Px\nAAPL,10,100\n' });
    expect(!refused.ok && refused.error.message).toMatch(/^odd\.csv: no header line was found/);
    const mapping = { columns: { symbol: 0, quantity: 1, price: 2 }, dateOrder: 'MDY', decimal: '.' };
    const withMapping = dispatch(services, 'imports:commit', {
      portfolioId,
      fileName: 'odd.csv',
      text: 'Ticker,Held,Px\nAAPL,10,100\n',
      mapping,
    });
    expect(withMapping.ok).toBe(true);
    const later = call(services, 'imports:preview', { portfolioId, fileName: 'odd2.csv', text: 'Ticker,Held,Px\nMSFT,2,400\n' });
    expect([later.isSavedMapping, later.preview.positions[0].symbol, later.preview.positions[0].quantity]).toEqual([true, 'MSFT', 2]);
  });

  it('resolves ISIN-only rows through the security master and keeps the ISIN when unknown', () => {
    services.db
      .prepare("INSERT INTO securities (symbol, name, isin, source) VALUES ('AAPL', 'Apple Inc.', 'US0378331005', 'bundled')")
      .run();
    const answer = call(services, 'imports:commit', file('ibkr-trades.csv'));
    expect(answer.preview.positions.map((p) => p.symbol)).toEqual(['AAPL', 'IE00B4L5Y983']);
  });

  it('puts every position into one chosen account when the file names none', () => {
    const answer = call(services, 'imports:commit', { ...file('generic-tab-bom.tsv'), account: 'Taxable' });
    expect(answer.accounts).toEqual(['Taxable']);
    expect(answer.preview.totals).toEqual([{ account: 'Taxable', currency: 'USD', positions: 4, marketValue: 4082.45 }]);
  });

  it('keeps the findings of an import in effect in the holdings, and undo removes them', () => {
    const text =
      'Date,Action,Symbol,Description,Quantity,Price,Amount\n01/02/2024,Buy,AAPL,APPLE INC,10,100,-1000\n' +
      '01/03/2024,Sell,TSLA,TESLA INC,5,200,1000\n';
    const answer = call(services, 'imports:commit', { portfolioId, fileName: 'partial.csv', text, format: 'schwab-transactions' });
    const held = call(services, 'portfolios:holdings', { id: portfolioId });
    expect(held.positions.map((p) => `${p.symbol} ${p.quantity} ${p.isShortIntended}`)).toEqual(['AAPL 10 false']);
    expect(held.importFindings.map((f) => `${f.kind} ${f.symbol} ${f.importId}`)).toEqual([
      `history-clamped TSLA ${answer.import!.id}`,
      `cash-not-derived USD ${answer.import!.id}`,
    ]);
    call(services, 'imports:undo', { id: answer.import!.id });
    expect(call(services, 'portfolios:holdings', { id: portfolioId }).importFindings).toEqual([]);
    expect(services.db.prepare('SELECT COUNT(*) FROM import_findings').pluck().get()).toBe(0);
  });

  it("applies the user's choice per symbol: an opening quantity, or a short kept and marked intended", () => {
    const text =
      'Date,Action,Symbol,Description,Quantity,Price,Amount\n01/02/2024,Sell,AAPL,APPLE INC,4,100,400\n' +
      '01/03/2024,Sell,TSLA,TESLA INC,5,200,1000\n';
    const request = {
      portfolioId,
      fileName: 'choices.csv',
      text,
      format: 'schwab-transactions',
      openings: { AAPL: { kind: 'opening' as const, quantity: 10 }, TSLA: { kind: 'short' as const } },
    };
    const preview = call(services, 'imports:preview', request).preview;
    expect(preview.shortfalls.map((s) => `${s.symbol} ${s.decision.kind} ${s.quantity}`)).toEqual(['AAPL opening 6', 'TSLA short -5']);
    call(services, 'imports:commit', request);
    const positions = call(services, 'portfolios:holdings', { id: portfolioId }).positions;
    expect(positions.map((p) => `${p.symbol} ${p.quantity} ${p.isShortIntended} ${p.costBasis}`)).toEqual([
      'AAPL 6 false null',
      'TSLA -5 true null',
    ]);
  });

  it('previews a history whose every holding is closed (so choices can be made) but refuses to import nothing', () => {
    const text = 'Date,Action,Symbol,Description,Quantity,Price,Amount\n01/03/2024,Sell,TSLA,TESLA INC,5,200,1000\n';
    const request = { portfolioId, fileName: 'closed.csv', text, format: 'schwab-transactions' };
    expect(call(services, 'imports:preview', request).preview.shortfalls.map((s) => s.symbol)).toEqual(['TSLA']);
    const before = snapshot(services.db);
    const refused = dispatch(services, 'imports:commit', request);
    expect(!refused.ok && refused.error.message).toBe(
      'closed.csv: every holding in this history sells more than it shows bought, so treated as closed nothing is left to import. Enter the quantities held before the file starts, or import a positions export.',
    );
    expect(snapshot(services.db)).toEqual(before);
  });

  it('refuses a malformed choice at the contract, writing nothing', () => {
    const before = snapshot(services.db);
    const refused = dispatch(services, 'imports:commit', {
      ...file('schwab-transactions.csv'),
      openings: { AAPL: { kind: 'opening', quantity: -3 } },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(!refused.ok && refused.error.message).toMatch(/quantity/);
    expect(snapshot(services.db)).toEqual(before);
  });

  it('rejects oversize and malformed requests at the contract', () => {
    expect(dispatch(services, 'imports:commit', { portfolioId, fileName: '', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(dispatch(services, 'imports:pick', {})).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
