import { describe, expect, it } from 'vitest';
import type { ClientSummary } from '../../../shared/domain/types';
import type { ClientRanking } from '../../../shared/firm/ranking';
import {
  clientLineKey,
  clientLines,
  filterClients,
  isAdvisor,
  nextSort,
  rankingLineKey,
  rankingLines,
  rankingRows,
  runName,
  splitList,
} from '../../../renderer/src/views/firm/firm-table';

const row = (
  clientId: number,
  clientName: string,
  value: number,
  pnl: number,
  tags: string[] = [],
  error: string | null = null,
): ClientRanking => ({
  clientId,
  clientName,
  baseCurrency: 'USD',
  tags,
  value,
  pnl,
  return: value ? pnl / value : 0,
  outcomes: [],
  worstScenarioId: pnl < 0 ? 's1' : null,
  coverage: 1,
  portfolios: [],
  issues: [],
  error,
});
// In ranking order, as the engine hands them over.
const ranked = [
  row(1, 'Okafor', 1000, -300, ['growth']),
  row(2, 'Patel', 20000, -3000, ['growth']),
  row(3, 'Lee', 10000, -500, ['income']),
  row(4, 'Broken', 0, 0, [], 'Broken could not be stressed.'),
];
const names = (rows: { clientName: string }[]) => rows.map((r) => r.clientName);
const options = {
  query: '',
  tag: '',
  sort: { key: 'rank' as const, descending: false },
  scenarioName: (id: string | null) => id ?? 'nothing held',
};

describe('firm ranking table', () => {
  it('keeps the ranking order and numbers by default', () => {
    expect(rankingRows(ranked, options).map((r) => [r.clientName, r.rank])).toEqual([
      ['Okafor', 1],
      ['Patel', 2],
      ['Lee', 3],
      ['Broken', 4],
    ]);
  });

  it('sorts by any column, errors always last', () => {
    expect(names(rankingRows(ranked, { ...options, sort: { key: 'value', descending: true } }))).toEqual([
      'Patel',
      'Lee',
      'Okafor',
      'Broken',
    ]);
    expect(names(rankingRows(ranked, { ...options, sort: { key: 'pnl', descending: false } }))).toEqual([
      'Patel',
      'Lee',
      'Okafor',
      'Broken',
    ]);
    expect(names(rankingRows(ranked, { ...options, sort: { key: 'client', descending: false } }))).toEqual([
      'Lee',
      'Okafor',
      'Patel',
      'Broken',
    ]);
  });

  it('filters by name and tag', () => {
    expect(names(rankingRows(ranked, { ...options, query: 'pa' }))).toEqual(['Patel']);
    expect(names(rankingRows(ranked, { ...options, tag: 'growth' }))).toEqual(['Okafor', 'Patel']);
  });

  it("lays out one line per client, and the opened client's portfolios and issues under it", () => {
    const portfolio = (portfolioId: number, portfolioName: string) => ({ ...row(0, '', 100, -10), portfolioId, portfolioName });
    const patel = { ...ranked[1], portfolios: [portfolio(21, 'Taxable'), portfolio(22, 'IRA')], issues: ['No EUR rate.'] };
    const rows = rankingRows([ranked[0], patel, ranked[2]], options);
    const lines = (openId: number | null) => rankingLines(rows, openId).map(rankingLineKey);
    expect(lines(null)).toEqual(['client-1', 'client-2', 'client-3']);
    expect(lines(2)).toEqual(['client-1', 'client-2', 'p21', 'p22', 'issues-2', 'client-3']);
    expect(lines(1)).toEqual(['client-1', 'client-2', 'client-3']); // nothing to show under Okafor
    expect(lines(99)).toEqual(lines(null)); // opened, then filtered away
  });

  it('flips the direction on a second click; value starts largest first', () => {
    expect(nextSort({ key: 'rank', descending: false }, 'value')).toEqual({ key: 'value', descending: true });
    expect(nextSort({ key: 'return', descending: false }, 'return')).toEqual({ key: 'return', descending: true });
  });
});

describe('client list', () => {
  const client = (
    id: number,
    name: string,
    baseCurrency: string,
    totalValue: number,
    extra: Partial<ClientSummary> = {},
  ): ClientSummary => ({
    id,
    name,
    notes: '',
    baseCurrency,
    people: [],
    tags: [],
    isSample: false,
    createdAt: '',
    portfolioCount: 1,
    totalValue,
    positionCount: 1,
    missingFx: [],
    ...extra,
  });
  const clients = [
    client(1, 'Patel', 'USD', 20000, { people: ['Priya Patel'], tags: ['growth'] }),
    client(2, 'Weber', 'EUR', 5000, { notes: 'Retiring in 2030' }),
    client(3, 'Lee', 'USD', 1000, { tags: ['growth'] }),
  ];

  it('searches names, people and notes, filters by tag and totals per currency', () => {
    expect(filterClients(clients, 'priya', '').shown.map((c) => c.id)).toEqual([1]);
    expect(filterClients(clients, 'retiring', '').shown.map((c) => c.id)).toEqual([2]);
    expect(filterClients(clients, '', 'growth').totals).toEqual([{ currency: 'USD', clients: 2, value: 21000 }]);
    expect(filterClients(clients, '', '').totals).toEqual([
      { currency: 'EUR', clients: 1, value: 5000 },
      { currency: 'USD', clients: 2, value: 21000 },
    ]);
  });

  it("puts the opened client's portfolios right under it", () => {
    expect(clientLines(clients, 2).map(clientLineKey)).toEqual(['client-1', 'client-2', 'portfolios-2', 'client-3']);
    expect(clientLines(clients, null).map((line) => line.client.name)).toEqual(['Patel', 'Weber', 'Lee']);
    expect(clientLines([], 2)).toEqual([]);
  });

  it('shows advisor views only with more than one client of your own', () => {
    expect(isAdvisor([{ isSample: true }, { isSample: false }])).toBe(false);
    expect(isAdvisor([{ isSample: false }, { isSample: false }])).toBe(true);
    expect(splitList(' growth, ,hnw ')).toEqual(['growth', 'hnw']);
  });
});

describe('runName', () => {
  const run = { id: 7, runDate: '2026-12-05', createdAt: '', scenarioIds: ['ai', 'dot-com'], tag: null, clientCount: 3 };
  const names: Record<string, string> = { ai: 'AI capex', 'dot-com': 'Dot-com bust', gfc: 'GFC' };
  const name = (id: string) => names[id] ?? id;

  it('names a run by its day, local time and scenarios, not by its id', () => {
    const at = new Date(2026, 11, 5, 9, 5);
    expect(runName({ ...run, createdAt: at.toISOString() }, name)).toBe('2026-12-05 09:05 · AI capex, Dot-com bust');
  });

  it('counts the scenarios past two, adds the tag, and leaves out a time it cannot read', () => {
    expect(runName({ ...run, scenarioIds: ['ai', 'dot-com', 'gfc'], tag: 'growth' }, name)).toBe(
      '2026-12-05 · AI capex, Dot-com bust + 1 more scenario · growth',
    );
    expect(runName({ ...run, scenarioIds: ['ai', 'x', 'y', 'z'] }, name)).toBe('2026-12-05 · AI capex, x + 2 more scenarios');
  });
});
