import { describe, expect, it } from 'vitest';
import type { Client, PortfolioSummary } from '../../shared/domain/types';
import {
  filterGroups,
  filterNote,
  groupByClient,
  lineCount,
  portfolioLineKey,
  portfolioLines,
} from '../../renderer/src/views/portfolio-groups';

const client = (id: number, name: string, isSample = false): Client => ({
  id,
  name,
  notes: '',
  baseCurrency: 'USD',
  isSample,
  createdAt: '',
  portfolioCount: 0,
  people: [],
  tags: [],
});
const portfolio = (id: number, clientId: number, name: string, totalValue: number): PortfolioSummary => ({
  id,
  clientId,
  clientName: '',
  name,
  baseCurrency: 'USD',
  createdAt: '',
  accountCount: 1,
  positionCount: 2,
  totalValue,
  missingFx: [],
});

// The Lee household has two portfolios, Okafor none, and the sample client one (listed last).
const groups = groupByClient(
  [client(1, 'Sample client', true), client(2, 'Lee household'), client(3, 'Okafor')],
  [portfolio(10, 1, 'Growth & AI', 600), portfolio(20, 2, 'Retirement', 300), portfolio(21, 2, 'College fund', 50)],
);
const keys = (query: string) => portfolioLines(filterGroups(groups, query)).map(portfolioLineKey);

describe('portfolio list', () => {
  it("groups in one pass, keeping the clients' order with the sample last, and totals each client", () => {
    expect(groups.map((g) => [g.client.name, g.totalValue, g.portfolios.map((p) => p.id)])).toEqual([
      ['Lee household', 350, [20, 21]],
      ['Okafor', 0, []],
      ['Sample client', 600, [10]],
    ]);
  });

  it('lays out a client line, then its portfolios, or a note that it has none', () => {
    expect(keys('')).toEqual(['client-2', 'p20', 'p21', 'client-3', 'empty-3', 'client-1', 'p10']);
    expect(lineCount(groups)).toBe(7);
    expect(portfolioLines([])).toEqual([]);
  });

  it('finds a client by name with all its portfolios, or by a portfolio name with only that one', () => {
    expect(keys('LEE ')).toEqual(['client-2', 'p20', 'p21']);
    expect(keys('okafor')).toEqual(['client-3', 'empty-3']);
    expect(keys('college')).toEqual(['client-2', 'p21']);
    expect(keys('zzz')).toEqual([]);
  });

  it("keeps a filtered client's whole total and portfolio count (its Delete removes them all)", () => {
    const [lee] = filterGroups(groups, 'college');
    expect([lee.totalValue, lee.portfolios.length, lee.shown.length]).toEqual([350, 2, 1]);
  });

  it('says how many clients a search shows', () => {
    expect(filterNote(2001, 2001, '  ')).toBe('2,001 clients');
    expect(filterNote(1, 2001, 'client 1987')).toBe('1 of 2,001 clients');
    expect(filterNote(0, 2001, ' zzz ')).toBe('No client or portfolio matches “zzz”');
  });

  it('groups 5,000 clients and 10,000 portfolios', () => {
    const many = Array.from({ length: 5000 }, (_, i) => client(i + 1, `Client ${i + 1}`));
    const owned = Array.from({ length: 10_000 }, (_, i) => portfolio(i + 1, (i % 5000) + 1, `P${i + 1}`, 1));
    const big = groupByClient(many, owned);
    expect(big[4999].portfolios.map((p) => p.id)).toEqual([5000, 10_000]);
    expect(lineCount(big)).toBe(15_000);
  });
});
