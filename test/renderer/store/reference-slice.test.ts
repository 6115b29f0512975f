import { afterEach, describe, expect, it } from 'vitest';
import { closeServices, type Services } from '../../../electron/services/services';
import { useStore } from '../../../renderer/src/store/store';
import { apiFor, call, memoryServices } from '../../helpers/services';
import { fixtureFetch, OWN_YAHOO_FIXTURES } from '../../helpers/yahoo-fetch';

let services: Services;
const initial = useStore.getState();
afterEach(() => closeServices(services));

describe('reference slice against the real handlers', () => {
  it('follows the market refresh to the end, then shows what it changed', async () => {
    services = memoryServices({ marketFetch: fixtureFetch([OWN_YAHOO_FIXTURES]).fetch, loadReference: true });
    (globalThis as unknown as { window: unknown }).window = { api: apiFor(services) };
    useStore.setState(initial, true);
    const portfolio = call(services, 'portfolios:create', { name: 'Refresh' });
    const account = call(services, 'accounts:create', { portfolioId: portfolio.id, name: 'A' });
    call(services, 'positions:create', { accountId: account.id, symbol: 'NVDA', quantity: 10, price: 10 });
    await useStore.getState().loadPortfolios();
    await useStore.getState().loadReference();
    expect(useStore.getState().reference?.securities.NVDA).toMatchObject({ name: 'Nvidia', sources: { name: 'bundled' } });

    const seen: string[] = [];
    const stop = useStore.subscribe((state, before) => state.market !== before.market && seen.push(state.market!.state));
    await useStore.getState().startMarketRefresh();
    stop();
    expect(seen[0]).toBe('running');
    expect(seen.at(-1)).toBe('done');
    expect(useStore.getState().market).toMatchObject({ state: 'done', updated: ['NVDA'] });
    // Nothing else asked: the slice reloaded what the refresh changed.
    expect(useStore.getState().reference?.securities.NVDA).toMatchObject({ name: 'NVIDIA Corporation', sources: { name: 'market-data' } });
  });
});
