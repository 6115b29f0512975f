import type { ClientSummary } from '../../../../shared/domain/types';
import type { ClientChange } from '../../../../shared/firm/compare';
import type { ClientRanking, PortfolioRanking } from '../../../../shared/firm/ranking';
import type { FirmRunSummary } from '../../../../shared/firm/runs';
import { countOf } from '../../../../shared/format';

export const SORT_KEYS = ['rank', 'client', 'value', 'pnl', 'return', 'worst', 'coverage'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  descending: boolean;
}

export type RankedClient = ClientRanking & { rank: number };

/** Ranking rows as the table shows them: filtered by name and tag, sorted by a column (errors always last). */
export function rankingRows(
  clients: readonly ClientRanking[],
  options: { query: string; tag: string; sort: Sort; scenarioName: (id: string | null) => string },
): RankedClient[] {
  const query = options.query.trim().toLowerCase();
  const ranked = clients.map((c, i) => ({ ...c, rank: i + 1 }));
  const shown = ranked.filter(
    (c) => (!query || c.clientName.toLowerCase().includes(query)) && (!options.tag || c.tags.includes(options.tag)),
  );
  const value = (c: RankedClient): number | string => {
    switch (options.sort.key) {
      case 'client':
        return c.clientName.toLowerCase();
      case 'worst':
        return options.scenarioName(c.worstScenarioId);
      case 'rank':
        return c.rank;
      case 'return':
        // A row without a return (value ≤ 0) sorts after every loss, whichever way.
        return c.return ?? (options.sort.descending ? -Infinity : Infinity);
      default:
        return c[options.sort.key];
    }
  };
  const sign = options.sort.descending ? -1 : 1;
  return shown.sort((a, b) => {
    if ((a.error === null) !== (b.error === null)) return a.error === null ? -1 : 1;
    const x = value(a);
    const y = value(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * order || a.rank - b.rank;
  });
}

/** A line of the ranking table: a client, or under the opened client one of its portfolios and then its issues. */
export type RankingLine =
  | { kind: 'client'; client: RankedClient }
  | { kind: 'portfolio'; client: RankedClient; portfolio: PortfolioRanking }
  | { kind: 'issues'; client: RankedClient };

/** The ranking table's lines, one per client and the opened client's portfolios and issues under it (a windowed table counts lines, not clients). */
export function rankingLines(clients: readonly RankedClient[], openId: number | null): RankingLine[] {
  return clients.flatMap((client): RankingLine[] =>
    client.clientId !== openId
      ? [{ kind: 'client', client }]
      : [
          { kind: 'client', client },
          ...client.portfolios.map((portfolio) => ({ kind: 'portfolio' as const, client, portfolio })),
          ...(client.issues.length > 0 || (client.health?.sentences.length ?? 0) > 0 ? [{ kind: 'issues' as const, client }] : []),
        ],
  );
}

/** A ranking line's key, stable while sorting and filtering. */
export function rankingLineKey(line: RankingLine): string {
  return line.kind === 'portfolio' ? `p${line.portfolio.portfolioId}` : `${line.kind}-${line.client.clientId}`;
}

/** A line of the client list: a client, or the portfolios of the opened client under it. */
export interface ClientLine {
  kind: 'client' | 'portfolios';
  client: ClientSummary;
}

/** The client list's lines: one per client shown, and the opened client's portfolios right under it. */
export function clientLines(clients: readonly ClientSummary[], openId: number | null): ClientLine[] {
  return clients.flatMap((client): ClientLine[] =>
    client.id === openId
      ? [
          { kind: 'client', client },
          { kind: 'portfolios', client },
        ]
      : [{ kind: 'client', client }],
  );
}

/** A client-list line's key, stable while searching. */
export function clientLineKey(line: ClientLine): string {
  return `${line.kind}-${line.client.id}`;
}

/** The next sort after clicking a column: the same column flips, a new one starts ascending (losses first). */
export function nextSort(current: Sort, key: SortKey): Sort {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: key === 'value' };
}

/** Change against an earlier run, by client id. */
export function changesById(changes: readonly ClientChange[] | null): Map<number, ClientChange> {
  return new Map((changes ?? []).map((c) => [c.clientId, c]));
}

/** Clients matching a search (name, people, notes) and a tag, with totals per base currency. */
export function filterClients(clients: readonly ClientSummary[], query: string, tag: string) {
  const q = query.trim().toLowerCase();
  const shown = clients.filter(
    (c) =>
      (!tag || c.tags.includes(tag)) && (!q || [c.name, c.notes, ...c.people, ...c.tags].some((text) => text.toLowerCase().includes(q))),
  );
  const totals = new Map<string, { currency: string; clients: number; value: number }>();
  for (const c of shown) {
    const t = totals.get(c.baseCurrency) ?? { currency: c.baseCurrency, clients: 0, value: 0 };
    t.clients += 1;
    t.value += c.totalValue;
    totals.set(c.baseCurrency, t);
  }
  return { shown, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}

/** Every tag in use, sorted. */
export function allTags(clients: readonly { tags: readonly string[] }[]): string[] {
  return [...new Set(clients.flatMap((c) => c.tags))].sort();
}

/** Whether to show the advisor views: more than one client of the user's own (the bundled sample does not count). */
export function isAdvisor(clients: readonly { isSample: boolean }[]): boolean {
  return clients.filter((c) => !c.isSample).length > 1;
}

/** "a, b , c" → ["a", "b", "c"]; empty pieces dropped. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A saved run's name: the day and the local time it ran, then its scenarios (the first two by name, the rest
 * counted), then the tag it was limited to.
 */
export function runName(run: FirmRunSummary, scenarioName: (id: string) => string): string {
  const at = new Date(run.createdAt);
  const time = Number.isNaN(at.getTime()) ? '' : ` ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const names = run.scenarioIds.slice(0, 2).map(scenarioName);
  const more = run.scenarioIds.length - names.length;
  const scenarios = names.join(', ') + (more > 0 ? ` + ${countOf(more, 'more scenario')}` : '');
  return `${run.runDate}${time} · ${scenarios}${run.tag ? ` · ${run.tag}` : ''}`;
}
