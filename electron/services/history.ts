import type { Database } from 'better-sqlite3';
import { staleHistoryFinding } from '../../shared/health';
import { type Book, type Scenario, type StressResult } from '../../shared/engine';
import {
  defaultProxies,
  fxSymbolsFor,
  historySymbols,
  portfolioRisk,
  runPropagated,
  runReplay,
  type PortfolioRisk,
  type PriceHistory,
  type ProxyConfig,
} from '../../shared/history';
import type { ProxyChoices, RequestOf } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { listCloseSeries } from '../db/prices';
import { indexFund, STAND_IN_CURRENCY } from '../../shared/domain/index-funds';
import { majorCurrency } from '../../shared/domain/valuation';
import { listSecurityThemes } from '../db/themes';
import { staleDays } from './health-settings';
import type { Services } from './services';
import { bookOf, DEFAULT_BY, resolveScenario } from './book';

const lowerKeys = (record: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k.trim().toLowerCase(), v.toUpperCase()]));

/** The default proxies with theme memberships as stored (bundled and user tags), and the run's own choices on top. */
export function proxyConfig(db: Database, choices: ProxyChoices = {}): ProxyConfig {
  const members: Record<string, string[]> = {};
  for (const row of listSecurityThemes(db, null)) (members[row.themeId.toLowerCase()] ??= []).push(row.symbol);
  const base = defaultProxies(members);
  return {
    ...base,
    market: choices.market?.toUpperCase() ?? base.market,
    sectorFunds: { ...base.sectorFunds, ...lowerKeys(choices.sectors) },
    industryFunds: { ...base.industryFunds, ...lowerKeys(choices.industries) },
  };
}

/** Price history of every security a book reaches, of the stand-ins of its index funds, of every proxy a run may use and of the symbols the scenario shocks, up to `to`. */
export function loadHistory(db: Database, book: Book, config: ProxyConfig, to?: string, scenario?: Scenario): PriceHistory {
  const named = scenario?.shocks.filter((s) => s.target === 'symbol').map((s) => s.value) ?? [];
  return listCloseSeries(db, historySymbols(book.keys, config, named), to);
}

/** Daily closes of the FX pairs that can move each of a book's other currencies against its base, and its index funds' stand-ins into their currencies, up to `to`, by Yahoo pair symbol. */
export function loadFxHistory(db: Database, book: Book, to?: string): PriceHistory {
  const symbols = new Set(book.currencies.flatMap((c) => fxSymbolsFor(c, book.baseCurrency)));
  // And the dollar against each currency an index fund trades in: its stand-in's dollar closes are read in that currency.
  for (const key of book.keys) {
    const fund = indexFund(key.match.symbol);
    if (fund) for (const s of fxSymbolsFor(STAND_IN_CURRENCY, majorCurrency(fund.currency))) symbols.add(s);
  }
  return symbols.size ? listCloseSeries(db, [...symbols], to) : new Map();
}

/**
 * The date to load closes up to for a window ending `to`: some days past it, so a replay can tell a window the prices
 * cover (one ending on a weekend or holiday) from one past their end. The replay itself reads nothing after `to`.
 */
export function historyThrough(to: string): string {
  return new Date(Date.parse(`${to}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
}

/** Replays a window on a portfolio's holdings (a historical scenario, or dates from the picker); a window the prices do not reach is refused. */
export function replayPortfolio(services: Services, request: RequestOf<'stress:replay'> & { scenario?: Scenario }): StressResult {
  if (request.from >= request.to)
    throw new AppError('validation', `The replay window must end after it starts (${request.from} → ${request.to}).`);
  const book = bookOf(services.db, request.portfolioId, request.lookThrough, services.today());
  const config = proxyConfig(services.db, request.proxies);
  const history = loadHistory(services.db, book, config, historyThrough(request.to));
  const fx = loadFxHistory(services.db, book, request.to);
  const result = runReplay(book, history, config, {
    from: request.from,
    to: request.to,
    scenario: request.scenario,
    by: request.by ?? [...DEFAULT_BY],
    fx,
  });
  if ('error' in result) throw new AppError('validation', result.error);
  return result;
}

/** Runs a scenario by id or inline: historical ones replay their window; hypothetical ones may propagate. */
export function stressWithHistory(services: Services, request: RequestOf<'stress:run'>): StressResult | null {
  const scenario = resolveScenario(services, request);
  if (scenario.kind === 'historical') {
    const window = scenario.event!.window!;
    return replayPortfolio(services, { ...request, from: window.from, to: window.to, scenario });
  }
  if (!request.propagate) return null;
  const book = bookOf(services.db, request.portfolioId, request.lookThrough, services.today());
  const config = proxyConfig(services.db, request.proxies);
  const history = loadHistory(services.db, book, config, request.asOf, scenario);
  const asOf = request.asOf ?? latestDate(history, config.market, services.today());
  return runPropagated(book, scenario, history, config, { asOf, by: request.by ?? [...DEFAULT_BY] });
}

/** The market series' last date, or today's if it has none. */
function latestDate(history: PriceHistory, market: string, today: string): string {
  const s = history.get(market.toUpperCase());
  return s?.dates[s.dates.length - 1] ?? today;
}

/** Volatility, beta, drawdown and VaR/CVaR of a portfolio from history up to `asOf` (default: the latest close). */
export function riskOfPortfolio(services: Services, request: RequestOf<'stress:risk'>): PortfolioRisk {
  const book = bookOf(services.db, request.portfolioId, request.lookThrough, services.today());
  const config = proxyConfig(services.db);
  const history = new Map(loadHistory(services.db, book, config, request.asOf));
  const benchmark = (request.benchmark ?? config.market).toUpperCase();
  if (!history.has(benchmark)) for (const [k, v] of listCloseSeries(services.db, [benchmark], request.asOf)) history.set(k, v);
  // Holdings in other currencies count their returns in the base currency: the pairs' closes too.
  const fx = loadFxHistory(services.db, book, request.asOf);
  const asOf = request.asOf ?? latestDate(history, benchmark, services.today());
  const risk = portfolioRisk(book, history, config, { asOf, benchmark, fx });
  if ('error' in risk) throw new AppError('validation', risk.error);
  const stale = staleHistoryFinding('Risk figures', risk.window.to, request.asOf ?? services.today(), staleDays(services));
  return { ...risk, findings: stale ? [stale] : [] };
}
