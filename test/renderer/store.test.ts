import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeServices, type Services } from '../../electron/services/services';
import { useStore } from '../../renderer/src/store/store';
import { apiFor, call, memoryServices } from '../helpers/services';

let services: Services;
const initial = useStore.getState();

beforeEach(() => {
  services = memoryServices({ seedSample: true });
  (globalThis as unknown as { window: unknown }).window = { api: apiFor(services) };
  useStore.setState(initial, true);
});
afterEach(() => closeServices(services));

describe('store against the real command handlers', () => {
  it('loads clients and portfolios and selects the first portfolio', async () => {
    await useStore.getState().loadPortfolios();
    const state = useStore.getState();
    expect(state.clients.map((c) => c.name)).toEqual(['Sample client — Alex Morgan']);
    expect(state.selectedPortfolioId).toBe(state.portfolios[0].id);
    await state.loadHoldings();
    expect(useStore.getState().holdings?.positions).toHaveLength(26);
  });

  it('creates a portfolio under a new client and selects it', async () => {
    await useStore.getState().loadPortfolios();
    const created = await useStore.getState().createPortfolio({ name: 'Retirement', newClientName: 'Lee household' });
    expect(created?.clientName).toBe('Lee household');
    expect(useStore.getState().selectedPortfolioId).toBe(created?.id);
    expect(
      useStore
        .getState()
        .portfolios.map((p) => p.name)
        .sort(),
    ).toEqual(['Growth & AI', 'Retirement']);
  });

  it('shows a refused change as a sentence and changes nothing', async () => {
    await useStore.getState().loadPortfolios();
    const sample = useStore.getState().portfolios[0];
    const ok = await useStore.getState().renamePortfolio(sample.id, '');
    expect(ok).toBe(false);
    expect(useStore.getState().notices.at(-1)).toMatchObject({ kind: 'error', message: expect.stringMatching(/name cannot be empty/) });
    expect(call(services, 'portfolios:list', {})[0].name).toBe('Growth & AI');
  });

  it('deletes a position and puts it back with Undo', async () => {
    await useStore.getState().loadPortfolios();
    await useStore.getState().loadHoldings();
    const nvda = useStore.getState().holdings!.positions.find((p) => p.symbol === 'NVDA')!;
    const before = useStore.getState().holdings!.totalBaseValue;
    await useStore.getState().deletePosition(nvda.id);
    expect(useStore.getState().holdings!.positions.some((p) => p.symbol === 'NVDA')).toBe(false);
    expect(useStore.getState().holdings!.totalBaseValue).toBeCloseTo(before - 400 * 138.79, 6);
    const notice = useStore.getState().notices.at(-1)!;
    expect(notice.action?.label).toBe('Undo');
    notice.action!.run();
    await new Promise((r) => setTimeout(r, 10));
    const back = useStore.getState().holdings!.positions.find((p) => p.symbol === 'NVDA')!;
    expect(back).toMatchObject({ quantity: 400, price: 138.79, costBasis: nvda.costBasis, accountName: nvda.accountName });
    expect(useStore.getState().holdings!.totalBaseValue).toBeCloseTo(before, 6);
  });
});

describe('scenario drafts', () => {
  it('edits a copy with undo and redo, and keeps built-ins read-only', async () => {
    await useStore.getState().loadScenarios();
    await useStore.getState().selectScenario('sp500-minus-20');
    useStore.getState().editDraft((d) => ({ ...d, name: 'changed' }));
    expect(useStore.getState().draft?.name).toBe('S&P 500 −20%');
    await useStore.getState().duplicateScenario('sp500-minus-20');
    const s = useStore.getState();
    s.editDraft((d) => ({ ...d, shocks: [{ ...d.shocks[0], change: -0.3 }] }));
    s.editDraft((d) => ({ ...d, shocks: [{ ...d.shocks[0], change: -0.4 }] }));
    expect(useStore.getState().draft?.shocks[0].change).toBe(-0.4);
    useStore.getState().undoEdit();
    expect(useStore.getState().draft?.shocks[0].change).toBe(-0.3);
    useStore.getState().undoEdit();
    useStore.getState().undoEdit();
    expect(useStore.getState().draft?.shocks[0].change).toBe(-0.2);
    useStore.getState().redoEdit();
    expect(useStore.getState().draft?.shocks[0].change).toBe(-0.3);
    expect(await useStore.getState().saveDraft()).toBe(true);
    expect(call(services, 'scenarios:get', { id: 'sp500-minus-20-copy' }).scenario.shocks[0].change).toBe(-0.3);
  });

  it('keeps proxy choices the contract accepts, and drops one reset to its default', () => {
    const s = () => useStore.getState();
    s().setProxyChoice('industry', 'Semiconductors', ' soxx ');
    s().setProxyChoice('market', 'market', 'vti');
    s().setProxyChoice('sector', 'Information Technology', 'VGT');
    expect(s().proxyChoices).toEqual({
      market: 'VTI',
      sectors: { 'Information Technology': 'VGT' },
      industries: { Semiconductors: 'SOXX' },
    });
    s().setProxyChoice('sector', 'Information Technology', null);
    s().setProxyChoice('market', 'market', '');
    expect(s().proxyChoices).toEqual({ industries: { Semiconductors: 'SOXX' } });
    // What the store holds is a valid stress:run request part.
    expect(
      call(services, 'stress:run', {
        portfolioId: call(services, 'portfolios:list', {})[0].id,
        scenarioId: 'sp500-minus-20',
        proxies: s().proxyChoices,
      }).pnl,
    ).toBeLessThan(0);
  });

  it('deletes a portfolio and puts it back from the notice', async () => {
    await useStore.getState().loadPortfolios();
    const portfolio = useStore.getState().portfolios[0];
    expect(await useStore.getState().deletePortfolio(portfolio.id)).toBe(true);
    expect(useStore.getState().portfolios).toEqual([]);
    const notice = useStore.getState().notices.at(-1)!;
    expect(notice.message).toBe(`Deleted “${portfolio.name}”.`);
    notice.action!.run();
    await new Promise((r) => setTimeout(r, 30));
    expect(useStore.getState().portfolios.map((p) => [p.id, p.name, p.totalValue])).toEqual([
      [portfolio.id, portfolio.name, portfolio.totalValue],
    ]);
    expect(useStore.getState().notices.at(-1)?.message).toBe(`Restored “${portfolio.name}”.`);
  });
});
