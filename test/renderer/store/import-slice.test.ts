import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeServices, type Services } from '../../../electron/services/services';
import { useStore } from '../../../renderer/src/store/store';
import { fixtureText } from '../../helpers/fixtures';
import { apiFor, call, memoryServices } from '../../helpers/services';

let services: Services;
const initial = useStore.getState();

/** Fresh services with one portfolio, as the renderer sees them; `pickImportFile` stands for the desktop's native dialog. */
async function start(options: Parameters<typeof memoryServices>[0] = {}) {
  services = memoryServices({ seedSample: false, ...options });
  (globalThis as unknown as { window: unknown }).window = { api: apiFor(services) };
  useStore.setState(initial, true);
  call(services, 'portfolios:create', { name: 'Book' });
  await useStore.getState().loadPortfolios();
}
beforeEach(() => start());
afterEach(() => closeServices(services));

describe('import screen state against the real command handlers', () => {
  it('previews a file, commits it, and undoes it from the notice', async () => {
    const s = () => useStore.getState();
    s().openImport();
    await s().previewFile({ fileName: 'vanguard.csv', text: fixtureText('vanguard.csv') });
    expect(s().importStage).toBe('preview');
    expect(s().importAnswer?.preview.totals.map((t) => t.marketValue)).toEqual([22098.56, 10277.1]);
    const answer = await s().commitPreviewed({});
    expect([answer?.positions, s().importStage, s().holdings?.positions.length]).toEqual([3, 'closed', 3]);
    const notice = s().notices.at(-1)!;
    expect(notice.message).toBe('Imported 3 positions from vanguard.csv into 12345678, 87654321.');
    notice.action!.run();
    await new Promise((r) => setTimeout(r, 20));
    expect(s().holdings?.positions.length).toBe(0);
    expect(s().notices.at(-1)?.message).toBe('Undid the import of vanguard.csv: removed 3, restored 0 positions.');
  });

  it('on first run imports into a new portfolio named from the broker under the user’s own client, never the sample', async () => {
    closeServices(services);
    services = memoryServices({ seedSample: true });
    (globalThis as unknown as { window: unknown }).window = { api: apiFor(services) };
    useStore.setState(initial, true);
    await useStore.getState().loadPortfolios();
    const s = () => useStore.getState();
    const [sample] = s().portfolios;
    expect(s().selectedPortfolioId).toBe(sample.id);
    s().openImport();
    expect(s().importTarget).toEqual({ kind: 'new', name: null, clientId: null, clientName: null });
    await s().previewFile({ fileName: 'vanguard.csv', text: fixtureText('vanguard.csv') });
    await s().commitPreviewed({});
    const made = s().portfolios.find((p) => p.id !== sample.id)!;
    expect([made.name, made.clientName, s().selectedPortfolioId, s().view]).toEqual(['Vanguard', 'My portfolios', made.id, 'holdings']);
    const after = s().portfolios.find((p) => p.id === sample.id)!;
    expect([after.positionCount, after.totalValue]).toEqual([sample.positionCount, sample.totalValue]);
    expect(s().notices.at(-1)?.message).toBe(
      'Imported 3 positions from vanguard.csv into 12345678, 87654321 of the new portfolio “Vanguard”.',
    );
    expect(s().lastImport).toEqual({ portfolioId: made.id, fileName: 'vanguard.csv' });
  });

  it('previews and imports a file that names no currency in the currency the user chose', async () => {
    const s = () => useStore.getState();
    s().openImport();
    const file = { fileName: 'positions.csv', text: 'Symbol,Quantity,Price\nSAP,10,200\n' };
    await s().previewFile(file);
    // Into the existing portfolio: its currency (USD) is offered, said in the preview.
    expect(s().importAnswer?.preview.currencyAssumed).toEqual({ currency: 'USD', source: 'portfolio' });
    await s().chooseImportCurrency('EUR');
    expect([s().importCurrency, s().importAnswer?.preview.currencyAssumed, s().importAnswer?.preview.totals]).toEqual([
      'EUR',
      undefined,
      [{ account: 'Imported', currency: 'EUR', positions: 1, marketValue: 2000 }],
    ]);
    await s().commitPreviewed({});
    expect(s().holdings?.positions.map((p) => [p.symbol, p.currency])).toEqual([['SAP', 'EUR']]);
    // Another file starts without the choice.
    s().openImport();
    await s().previewFile({ ...file, fileName: 'other.csv' });
    expect(s().importCurrency).toBeNull();
    // A listing's market says its currency: SAP.DE trades in euros, so nothing is assumed or asked.
    await s().previewFile({ fileName: 'xetra.csv', text: 'Symbol,Quantity,Price\nSAP.DE,10,200\n' });
    expect([s().importAnswer?.preview.currencyAssumed, s().importAnswer?.preview.totals]).toEqual([
      undefined,
      [{ account: 'Imported', currency: 'EUR', positions: 1, marketValue: 2000 }],
    ]);
  });

  it('asks main for the native dialog, which the browser shell and tests do not have', async () => {
    const s = () => useStore.getState();
    s().openImport();
    await s().pickAndPreview();
    expect(s().importProblem).toBe(
      'Choosing a file through a system dialog works in the desktop app; here, use the file picker or drop the file.',
    );
  });

  it('previews what main read from the native dialog', async () => {
    closeServices(services);
    await start({ pickImportFile: () => ({ fileName: 'vanguard.csv', text: fixtureText('vanguard.csv') }) });
    const s = () => useStore.getState();
    s().openImport();
    await s().pickAndPreview();
    expect([s().importStage, s().importAnswer?.preview.format]).toEqual(['preview', 'vanguard']);
  });

  it('previews again with each choice for a history that starts mid-way, and imports with the choices', async () => {
    const s = () => useStore.getState();
    const text =
      'Date,Action,Symbol,Description,Quantity,Price,Amount\n01/02/2024,Sell,SNAXX,SCHWAB MONEY ULTRA,100,1,100\n' +
      '01/03/2024,Sell,TSLA,TESLA INC,5,200,1000\n';
    s().openImport();
    await s().previewFile({ fileName: 'partial.csv', text });
    const decided = () => s().importAnswer!.preview.shortfalls.map((x) => `${x.symbol} ${x.decision.kind} ${x.quantity}`);
    expect(decided()).toEqual(['SNAXX closed 0', 'TSLA closed 0']);
    await s().chooseOpening('Imported:SNAXX', { kind: 'opening', quantity: 150 });
    await s().chooseOpening('Imported:TSLA', { kind: 'short' });
    expect(decided()).toEqual(['SNAXX opening 50', 'TSLA short -5']);
    await s().chooseOpening('Imported:TSLA', null);
    expect(decided()).toEqual(['SNAXX opening 50', 'TSLA closed 0']);
    await s().commitPreviewed({});
    expect(s().holdings?.positions.map((p) => `${p.symbol} ${p.quantity}`)).toEqual(['SNAXX 50']);
    expect(s().holdings?.importFindings.map((f) => f.kind)).toEqual(['history-opening-entered', 'history-clamped', 'cash-not-derived']);
    // A new file starts without the previous file's choices.
    s().openImport();
    await s().previewFile({ fileName: 'again.csv', text });
    expect(decided()).toEqual(['SNAXX closed 0', 'TSLA closed 0']);
  });

  it('keeps a refusal as a sentence and stays on the file step', async () => {
    const s = () => useStore.getState();
    s().openImport();
    await s().previewFile({ fileName: 'empty.csv', text: '' });
    expect([s().importStage, s().importProblem]).toEqual([
      'choose',
      'empty.csv: the file is empty; export the holdings again and pick the CSV file.',
    ]);
  });

  it('undoes an edit of a position from the notice', async () => {
    const s = () => useStore.getState();
    const account = call(services, 'accounts:create', { portfolioId: s().selectedPortfolioId!, name: 'Roth' });
    const position = call(services, 'positions:create', { accountId: account.id, symbol: 'NVDA', quantity: 10, price: 100 });
    await s().loadHoldings();
    await s().updatePosition(position.id, { quantity: 12 });
    expect(s().holdings?.positions[0].quantity).toBe(12);
    s().notices.at(-1)!.action!.run();
    await new Promise((r) => setTimeout(r, 20));
    expect(s().holdings?.positions[0]).toMatchObject({ quantity: 10, price: 100, symbol: 'NVDA' });
  });
});
