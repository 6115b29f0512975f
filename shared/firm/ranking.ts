import type { ReferenceData } from '../domain/reference';
import type { FxRate, Position } from '../domain/types';
import { fxRate } from '../domain/valuation';
import type { OptionMarket } from '../engine/options-pass';
import { compileScenario, groupReturns, prepareBook, returnOn, runScenario, type Scenario, type StressResult } from '../engine';
import { movedShare } from '../report/coverage';
import { countOf, listNames } from '../format';
import type { RowHealth } from './health';
import type { DateSpan } from '../health';

/** One portfolio of a client, with its positions, as the firm-wide run takes it. */
export interface FirmPortfolioInput {
  id: number;
  name: string;
  positions: readonly Position[];
}

/** One client (household) for the firm-wide run. */
export interface FirmClientInput {
  id: number;
  name: string;
  baseCurrency: string;
  tags: readonly string[];
  portfolios: readonly FirmPortfolioInput[];
}

/** What one scenario does to a client or a portfolio: P&L in the client's base currency and its share of value. */
export interface ScenarioOutcome {
  scenarioId: string;
  pnl: number;
  /** Null when the value is zero or negative (no percentage of it means anything). */
  return: number | null;
  /** Share of value moved by an explicit or market shock (the rest was not shocked). */
  shockedShare: number;
}

/** The ranking numbers shared by clients and portfolios: value, outcome per scenario and the worst of them. */
export interface RankedRow {
  value: number;
  outcomes: ScenarioOutcome[];
  /** The scenario with the largest loss (the first listed among equals); null without scenarios or without value. */
  worstScenarioId: string | null;
  /** P&L and return under the worst scenario (negative for a loss); return null when the value is zero or negative. */
  pnl: number;
  return: number | null;
  /** Share of value the worst scenario shocked explicitly or through the market shock. */
  coverage: number;
}

export interface PortfolioRanking extends RankedRow {
  portfolioId: number;
  portfolioName: string;
  /** Data health ("needs review"); absent in runs saved before it existed. */
  health?: RowHealth;
}

export interface ClientRanking extends RankedRow {
  clientId: number;
  clientName: string;
  baseCurrency: string;
  tags: string[];
  portfolios: PortfolioRanking[];
  /** Notes from the engine (missing FX, unclassified holdings), one sentence each. */
  issues: string[];
  /** Data health over the client's portfolios ("needs review"); absent in runs saved before it existed. */
  health?: RowHealth;
  /** Set when the client could not be stressed at all; the row then holds zeros and ranks last. */
  error: string | null;
}

export interface FirmRanking {
  scenarios: { id: string; name: string }[];
  /** Largest loss (as a share of value) first; clients with an error last. */
  clients: ClientRanking[];
  /** Value and worst-case P&L summed per base currency (money in different currencies is never added). */
  totals: { currency: string; clients: number; value: number; pnl: number }[];
  /** The dates the numbers rest on (absent in runs saved before they were recorded). */
  asOf?: { prices: DateSpan | null; fundHoldings: DateSpan | null };
  /** Every currency's totals in the firm's reporting currency at the run's rates (absent in runs saved before). */
  firmTotal?: FirmTotal;
}

/** The firm's totals in one reporting currency, converted at the exchange rates of the run. */
export interface FirmTotal {
  currency: string;
  clients: number;
  value: number;
  pnl: number;
  /** The rate each other currency was converted at: `rate` units of `currency` for one unit of it. */
  rates: { currency: string; rate: number }[];
  /** Currencies without a rate to the reporting currency: their clients are left out of the total (and counted here). */
  missing: { currency: string; clients: number }[];
}

/** The firm's reporting currency: the base currency of most clients, the first alphabetically on a tie. */
export function reportingCurrency(totals: FirmRanking['totals']): string | null {
  return [...totals].sort((a, b) => b.clients - a.clients || a.currency.localeCompare(b.currency))[0]?.currency ?? null;
}

/**
 * Adds the per-currency totals in one reporting currency (the firm's unless named) at the given rates; a currency
 * with no rate is left out of the sum and listed. Undefined when there is nothing to total.
 */
export function firmTotal(
  totals: FirmRanking['totals'],
  fxRates: readonly FxRate[],
  currency = reportingCurrency(totals),
): FirmTotal | undefined {
  if (currency === null) return undefined;
  const total: FirmTotal = { currency, clients: 0, value: 0, pnl: 0, rates: [], missing: [] };
  for (const t of totals) {
    const rate = fxRate(t.currency, currency, fxRates);
    if (rate === null) {
      total.missing.push({ currency: t.currency, clients: t.clients });
      continue;
    }
    if (t.currency !== currency) total.rates.push({ currency: t.currency, rate });
    total.clients += t.clients;
    total.value += t.value * rate;
    total.pnl += t.pnl * rate;
  }
  return total;
}

function outcomeOf(result: StressResult): ScenarioOutcome {
  const shocked = movedShare(result.coverage);
  return { scenarioId: result.scenarioId, pnl: result.pnl, return: result.return, shockedShare: shocked };
}

/** Picks the worst scenario of a row's outcomes and fills in its P&L, return and coverage. */
function rankedRow(value: number, outcomes: ScenarioOutcome[]): RankedRow {
  let worst: ScenarioOutcome | null = null;
  // Nothing held, nothing at stake: no scenario is the worst.
  if (value !== 0) for (const o of outcomes) if (worst === null || o.pnl < worst.pnl) worst = o;
  return {
    value,
    outcomes,
    worstScenarioId: worst?.scenarioId ?? null,
    pnl: worst?.pnl ?? 0,
    return: worst ? worst.return : returnOn(0, value),
    coverage: worst?.shockedShare ?? 0,
  };
}

/**
 * Stresses every portfolio of one client under every scenario, in the client's base currency, and sums
 * the portfolios into the client's row. A failure becomes the row's error instead of stopping the run.
 */
export function rankClient(
  client: FirmClientInput,
  scenarios: readonly Scenario[],
  reference: ReferenceData,
  options: { lookThrough?: boolean; optionMarket?: OptionMarket } = {},
): ClientRanking {
  const base = { clientId: client.id, clientName: client.name, baseCurrency: client.baseCurrency, tags: [...client.tags] };
  try {
    const issues = new Set<string>();
    const portfolios = client.portfolios.map((portfolio): PortfolioRanking => {
      const book = prepareBook(portfolio.positions, client.baseCurrency, reference, options);
      for (const issue of book.issues) issues.add(`${portfolio.name}: ${issue.message}`);
      const outcomes = scenarios.map((s) => outcomeOf(runScenario(book, s, { positions: false, by: [] })));
      return { portfolioId: portfolio.id, portfolioName: portfolio.name, ...rankedRow(book.totalValue, outcomes) };
    });
    const totals = clientTotals(portfolios, scenarios);
    portfolios.sort(byLoss);
    return { ...base, ...totals, portfolios, issues: [...issues], error: null };
  } catch (error) {
    return {
      ...base,
      ...rankedRow(0, []),
      portfolios: [],
      issues: [],
      error: `${client.name} could not be stressed: ${(error as Error).message}`,
    };
  }
}

/** Largest loss share first, then largest money loss, then by name; rows without a return (value ≤ 0) apart, after the rest. */
function byLoss(
  a: RankedRow & { clientName?: string; portfolioName?: string },
  b: RankedRow & { clientName?: string; portfolioName?: string },
): number {
  const apart = Number(a.return === null) - Number(b.return === null);
  return (
    apart ||
    (a.return ?? 0) - (b.return ?? 0) ||
    a.pnl - b.pnl ||
    (a.clientName ?? a.portfolioName ?? '').localeCompare(b.clientName ?? b.portfolioName ?? '')
  );
}

/** Orders client rows into the firm ranking and totals them per currency. */
export function summariseFirm(rows: readonly ClientRanking[], scenarios: readonly Scenario[]): FirmRanking {
  const ok = rows.filter((r) => r.error === null).sort(byLoss);
  const failed = rows.filter((r) => r.error !== null).sort((a, b) => a.clientName.localeCompare(b.clientName));
  const totals = new Map<string, FirmRanking['totals'][number]>();
  for (const r of ok) {
    const t = totals.get(r.baseCurrency) ?? { currency: r.baseCurrency, clients: 0, value: 0, pnl: 0 };
    t.clients += 1;
    t.value += r.value;
    t.pnl += r.pnl;
    totals.set(r.baseCurrency, t);
  }
  return {
    scenarios: scenarios.map((s) => ({ id: s.id, name: s.name })),
    clients: [...ok, ...failed],
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

/** A sentence naming the first position the engine cannot value, or null when every position is usable. */
function badPosition(client: FirmClientInput): string | null {
  for (const portfolio of client.portfolios) {
    if (!Array.isArray(portfolio.positions))
      return `${client.name} could not be stressed: portfolio "${portfolio.name}" has no list of positions.`;
    for (const p of portfolio.positions) {
      const usable =
        Number.isFinite(p.quantity) && (p.price === null ? Number.isFinite(p.marketValue ?? Number.NaN) : Number.isFinite(p.price));
      if (!usable || typeof p.symbol !== 'string' || typeof p.currency !== 'string') {
        return `${client.name} could not be stressed: ${p.symbol || 'a position'} in "${portfolio.name}" has no valid quantity, price or value.`;
      }
    }
  }
  return null;
}

/**
 * Ranks clients of one base currency through one shared book: every security, fund look-through and scenario
 * is evaluated once for the whole firm, then each position's P&L is added to its portfolio. The numbers are
 * those of runScenario on each portfolio alone (the tests hold it to that).
 */
function rankCurrency(
  clients: readonly FirmClientInput[],
  currency: string,
  scenarios: readonly Scenario[],
  reference: ReferenceData,
  lookThrough: boolean,
  optionMarket?: OptionMarket,
): ClientRanking[] {
  const portfolios = clients.flatMap((c) => c.portfolios);
  const all = portfolios.flatMap((p) => p.positions);
  const ownerOf = new Int32Array(all.length);
  let at = 0;
  portfolios.forEach((p, i) => p.positions.forEach(() => (ownerOf[at++] = i)));
  const ids = Float64Array.from(all, (p) => p.id).sort();
  for (let i = 1; i < ids.length; i++) if (ids[i] === ids[i - 1]) throw new Error('position ids repeat across portfolios');
  const book = prepareBook(all, currency, reference, { lookThrough, optionMarket });
  // The book keeps the positions' order, leaving out those it cannot value: walk both lists side by side.
  const slot = new Int32Array(book.positions.length);
  for (let i = 0, b = 0; i < all.length && b < slot.length; i++) if (all[i].id === book.positions[b].id) slot[b++] = ownerOf[i];
  // Positions left out (no exchange rate) are few: their owners by id.
  const excludedIds = new Set(book.excluded.map((e) => e.id));
  const excludedOwner = new Map<number, number>();
  if (excludedIds.size) all.forEach((p, i) => excludedIds.has(p.id) && excludedOwner.set(p.id, ownerOf[i]));
  const value = new Float64Array(portfolios.length);
  book.positions.forEach((p, i) => (value[slot[i]] += p.value));
  const pnl = scenarios.map(() => new Float64Array(portfolios.length));
  const shocked = scenarios.map(() => new Float64Array(portfolios.length));
  // Coverage is a share of the gross value (as runScenario counts it).
  const gross = new Float64Array(portfolios.length);
  book.positions.forEach((p, i) => (gross[slot[i]] += Math.abs(p.value)));
  scenarios.forEach((scenario, s) => {
    const { returns, moved } = groupReturns(book, compileScenario(scenario));
    for (let i = 0; i < book.positions.length; i++) {
      const g = book.positionGroup[i];
      const v = book.positions[i].value;
      pnl[s][slot[i]] += v * returns[g];
      shocked[s][slot[i]] += Math.abs(v) * moved[g];
    }
  });
  const issuesOf = portfolioIssues(book, portfolios, slot, excludedOwner);
  let index = 0;
  return clients.map((client): ClientRanking => {
    const issues: string[] = [];
    const rows = client.portfolios.map((portfolio): PortfolioRanking => {
      const k = index++;
      issues.push(...issuesOf[k].map((m) => `${portfolio.name}: ${m}`));
      const outcomes = scenarios.map((s, i) => ({
        scenarioId: s.id,
        pnl: pnl[i][k],
        return: returnOn(pnl[i][k], value[k]),
        shockedShare: gross[k] === 0 ? 0 : shocked[i][k] / gross[k],
      }));
      return { portfolioId: portfolio.id, portfolioName: portfolio.name, ...rankedRow(value[k], outcomes) };
    });
    return {
      clientId: client.id,
      clientName: client.name,
      baseCurrency: currency,
      tags: [...client.tags],
      ...clientTotals(rows, scenarios),
      portfolios: rows.sort(byLoss),
      issues,
      error: null,
    };
  });
}

/** The engine's notes for each portfolio of a shared book: positions left out for FX, unclassified holdings. */
function portfolioIssues(
  book: ReturnType<typeof prepareBook>,
  portfolios: readonly FirmPortfolioInput[],
  slot: Int32Array,
  excludedOwner: Map<number, number>,
): string[][] {
  const missing = portfolios.map(() => new Set<string>());
  const unclassified = portfolios.map(() => new Set<string>());
  for (const e of book.excluded) missing[excludedOwner.get(e.id)!].add(e.currency);
  book.positions.forEach((p, i) => {
    if (!p.key.isClassified && p.key.assetClass !== 'cash') unclassified[slot[i]].add(p.symbol);
  });
  return portfolios.map((_, i) => [
    ...(missing[i].size
      ? [`No exchange rate to ${book.baseCurrency} for ${[...missing[i]].sort().join(', ')}: those positions are left out.`]
      : []),
    ...(unclassified[i].size
      ? [
          `${countOf(unclassified[i].size, 'holding')} ${unclassified[i].size === 1 ? 'has' : 'have'} no sector, industry or theme (${listNames([...unclassified[i]].sort(), 5)}).`,
        ]
      : []),
  ]);
}

/** Sums portfolio rows into a client's value, outcomes and worst scenario. */
function clientTotals(portfolios: readonly PortfolioRanking[], scenarios: readonly Scenario[]): RankedRow {
  const value = portfolios.reduce((sum, p) => sum + p.value, 0);
  const outcomes = scenarios.map((s, i): ScenarioOutcome => {
    let pnl = 0;
    let shocked = 0;
    for (const p of portfolios) {
      pnl += p.outcomes[i].pnl;
      shocked += p.outcomes[i].shockedShare * p.value;
    }
    return { scenarioId: s.id, pnl, return: returnOn(pnl, value), shockedShare: value === 0 ? 0 : shocked / value };
  });
  return rankedRow(value, outcomes);
}

/**
 * Ranks every client under the scenarios: the firm-wide stress in one call. Clients whose data cannot be
 * stressed get an error row; if a shared book still fails, its clients are stressed one by one.
 */
export function rankFirm(
  clients: readonly FirmClientInput[],
  scenarios: readonly Scenario[],
  reference: ReferenceData,
  options: { lookThrough?: boolean; optionMarket?: OptionMarket } = {},
): FirmRanking {
  const rows: ClientRanking[] = [];
  const byCurrency = new Map<string, FirmClientInput[]>();
  for (const client of clients) {
    const problem = badPosition(client);
    if (problem)
      rows.push({
        clientId: client.id,
        clientName: client.name,
        baseCurrency: client.baseCurrency,
        tags: [...client.tags],
        ...rankedRow(0, []),
        portfolios: [],
        issues: [],
        error: problem,
      });
    else byCurrency.set(client.baseCurrency, [...(byCurrency.get(client.baseCurrency) ?? []), client]);
  }
  for (const [currency, group] of byCurrency) {
    try {
      rows.push(...rankCurrency(group, currency, scenarios, reference, options.lookThrough ?? true, options.optionMarket));
    } catch {
      rows.push(...group.map((c) => rankClient(c, scenarios, reference, options)));
    }
  }
  return summariseFirm(rows, scenarios);
}

/** Clients carrying a tag (case-insensitive); all clients when the tag is empty. */
export function clientsWithTag<T extends { tags: readonly string[] }>(clients: readonly T[], tag: string | undefined): T[] {
  const wanted = tag?.trim().toLowerCase();
  return wanted ? clients.filter((c) => c.tags.includes(wanted)) : [...clients];
}
