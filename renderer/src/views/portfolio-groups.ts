import type { Client, PortfolioSummary } from '../../../shared/domain/types';

export interface ClientGroup {
  client: Client;
  portfolios: PortfolioSummary[];
  totalValue: number;
}

/** Groups portfolios under their clients (clients without portfolios included), sample client last. */
export function groupByClient(clients: readonly Client[], portfolios: readonly PortfolioSummary[]): ClientGroup[] {
  return clients
    .map((client) => {
      const own = portfolios.filter((p) => p.clientId === client.id);
      return { client, portfolios: own, totalValue: own.reduce((sum, p) => sum + p.totalValue, 0) };
    })
    .sort((a, b) => Number(a.client.isSample) - Number(b.client.isSample));
}

export const BASE_CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK'] as const;
