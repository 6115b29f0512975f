import type { Services } from '../../electron/services/services';
import type { ScenarioInput } from '../../shared/engine';
import { call } from './services';

/** Saves a user scenario of a market shock and a symbol shock, independent of any classification data. */
export function saveScenario(services: Services, id: string, shocks: ScenarioInput['shocks']): string {
  call(services, 'scenarios:save', { scenario: { format: 'aftershock-scenario', version: 1, id, name: id, kind: 'hypothetical', shocks } });
  return id;
}

/** A client with one portfolio, one account and the given positions (symbol, quantity, price). */
export function addClient(
  services: Services,
  name: string,
  holdings: [string, number, number][],
  extra: { tags?: string[]; baseCurrency?: string; portfolio?: string } = {},
) {
  const client = call(services, 'clients:create', { name, tags: extra.tags, baseCurrency: extra.baseCurrency });
  const portfolio = call(services, 'portfolios:create', { clientId: client.id, name: extra.portfolio ?? 'Main' });
  const account = call(services, 'accounts:create', { portfolioId: portfolio.id, name: 'Brokerage' });
  for (const [symbol, quantity, price] of holdings) call(services, 'positions:create', { accountId: account.id, symbol, quantity, price });
  return { client, portfolio, account };
}

/** Five NVDA 20 Jun 2025 150 calls at $14.57 a share, volatility 50%: the options of the AI bull's story. */
export function addNvdaCalls(services: Services, accountId: number) {
  return call(services, 'positions:create', { accountId, symbol: 'NVDA 06/20/2025 150 C', quantity: 5, price: 1457, volatility: 0.5 });
}
