import type { Client, PortfolioSummary } from '../../../shared/domain/types';
import { countOf, formatCount } from '../../../shared/format';
import { groupBy } from '../../../shared/group-by';

export interface ClientGroup {
  client: Client;
  portfolios: PortfolioSummary[];
  totalValue: number;
}

/** Groups portfolios under their clients (clients without portfolios included), sample client last. */
export function groupByClient(clients: readonly Client[], portfolios: readonly PortfolioSummary[]): ClientGroup[] {
  // One pass over the portfolios, not one per client: thousands of clients would make it quadratic.
  const byClient = groupBy(portfolios, (p) => p.clientId);
  return clients
    .map((client) => {
      const own = byClient.get(client.id) ?? [];
      return { client, portfolios: own, totalValue: own.reduce((sum, p) => sum + p.totalValue, 0) };
    })
    .sort((a, b) => Number(a.client.isSample) - Number(b.client.isSample));
}

/** A client group as the list shows it: all its portfolios (for its total and its Delete), and those matching the search. */
export interface ShownGroup extends ClientGroup {
  shown: PortfolioSummary[];
}

/** More clients than this and the Portfolios view offers a search. */
export const FILTER_FROM_CLIENTS = 5;

/** The groups matching a search: a client by its name (with all its portfolios), else by the names of some of its portfolios (only those). */
export function filterGroups(groups: readonly ClientGroup[], query: string): ShownGroup[] {
  const q = query.trim().toLowerCase();
  if (!q) return groups.map((g) => ({ ...g, shown: g.portfolios }));
  return groups.flatMap((g) => {
    if (g.client.name.toLowerCase().includes(q)) return [{ ...g, shown: g.portfolios }];
    const shown = g.portfolios.filter((p) => p.name.toLowerCase().includes(q));
    return shown.length > 0 ? [{ ...g, shown }] : [];
  });
}

/** A line of the long (windowed) portfolio list: a client, then its portfolios, or a note that it has none. */
export type PortfolioLine =
  | { kind: 'client'; group: ShownGroup }
  | { kind: 'portfolio'; group: ShownGroup; portfolio: PortfolioSummary }
  | { kind: 'empty'; group: ShownGroup };

/** The portfolio list as one flat list of lines, so a windowed table counts and measures lines, not clients. */
export function portfolioLines(groups: readonly ShownGroup[]): PortfolioLine[] {
  return groups.flatMap((group): PortfolioLine[] => [
    { kind: 'client', group },
    ...(group.portfolios.length === 0
      ? [{ kind: 'empty' as const, group }]
      : group.shown.map((portfolio) => ({ kind: 'portfolio' as const, group, portfolio }))),
  ]);
}

/** A portfolio line's key, stable while searching. */
export function portfolioLineKey(line: PortfolioLine): string {
  return line.kind === 'portfolio' ? `p${line.portfolio.id}` : `${line.kind}-${line.group.client.id}`;
}

/** How many lines `portfolioLines` makes of these groups (counted without building them). */
export function lineCount(groups: readonly ClientGroup[]): number {
  return groups.reduce((sum, g) => sum + 1 + Math.max(1, g.portfolios.length), 0);
}

/** Beside the search box: how many clients are listed, of how many, or that nothing matches. */
export function filterNote(shown: number, total: number, query: string): string {
  if (!query.trim()) return countOf(total, 'client');
  return shown ? `${formatCount(shown)} of ${countOf(total, 'client')}` : `No client or portfolio matches “${query.trim()}”`;
}

export const BASE_CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK'] as const;

/** How a portfolio is named in a picker: its own name first, so a cut-off option still says which portfolio it is. */
export function portfolioLabel(p: { name: string; clientName: string }): string {
  return `${p.name} (${p.clientName})`;
}
