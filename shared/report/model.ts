import type { ReferenceData } from '../domain/reference';
import type { FxRate, Portfolio, Position } from '../domain/types';
import { majorCurrency, valuePositions } from '../domain/valuation';
import type { OptionMarket } from '../engine/options-pass';
import {
  NO_THEME,
  positionsHitBy,
  prepareBook,
  runScenario,
  UNCLASSIFIED,
  type AggregateRow,
  type PositionResult,
  type Scenario,
  type Shock,
  type StressResult,
} from '../engine';
import { describeShock } from '../engine/match';
import { AppError } from '../ipc/result';
import { runReplay } from '../history/replay';
import { defaultProxies, type ProxyConfig } from '../history/proxies';
import type { PriceHistory } from '../history/series';
import type { ImportFinding } from '../domain/import-findings';
import { checkHealth, optionValueChecks, scenarioFindings, scenarioHealthOf, type HealthFinding, type HealthReport } from '../health';
import { formatMoney, formatPercent, listNames } from '../format';
import { coverageSentence } from './coverage';
import { dateSpan, longDate, pageSizeOf, shortDate } from './dates';

/** The dimension each scenario page breaks the loss down by. */
export const REPORT_DIMENSIONS = ['sector', 'theme', 'account', 'country', 'assetClass'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** What the person producing a report says about it: firm defaults, overridden per client, then per report. */
export interface ReportSettings {
  clientName: string;
  advisorName: string;
  /** How the client reaches the advisor: a phone number, an e-mail, an address line. */
  advisorContact: string;
  firmName: string;
  /** A data: URL (PNG, JPEG or SVG), or empty. */
  logo: string;
  /** The firm's colour for headings and rules, #rrggbb. */
  accentColor: string;
  /** The firm's own disclosure text, printed under "Important information". */
  disclosure: string;
  notes: string;
  /** The report's date, YYYY-MM-DD (given by the caller: the model has no clock). */
  date: string;
  lookThrough: boolean;
  pageSize: 'A4' | 'Letter';
  /** The locale dates are written in, e.g. en-GB ("3 December 2026") or en-US ("December 3, 2026"). */
  locale: string;
  /** Print the appendix: every position per scenario and the full shock lists. Off by default. */
  appendix: boolean;
  /** The breakdown on each scenario page. */
  groupBy: ReportDimension;
}

export const DEFAULT_ACCENT = '#1f4e9c';

/** One shock as the report lists it, with how many holdings it reaches. */
export interface ReportShock {
  target: Shock['target'];
  value: string;
  change: number;
  text: string;
  note: string;
  holdings: number;
}

export interface ReportScenarioSection {
  scenario: Pick<Scenario, 'id' | 'name' | 'description' | 'kind' | 'event'>;
  /** The scenario's sources as citations: "Bloomberg premarket market report, 27 Jan 2025 — https://…". */
  citations: string[];
  /** "27 January 2025" or "19 February 2020 to 23 March 2020"; empty for scenarios without a date. */
  when: string;
  result: Omit<StressResult, 'positions' | 'aggregates'>;
  /** What the reader must know about this scenario's numbers: its reach, a replay window cut short, its date. */
  findings: HealthFinding[];
  /** The change by the report's dimension: only groups that moved, largest loss first. */
  groups: AggregateRow[];
  /** The five largest moves (losses first), only holdings that moved. */
  contributors: PositionResult[];
  /** Coverage in one sentence. */
  coverage: string;
  /** Shocks that reach at least one holding; the others are only counted. Empty for replays. */
  shocks: ReportShock[];
  unreachedShocks: number;
  /** Every enabled shock, for the appendix (empty unless the appendix is on). */
  allShocks: ReportShock[];
  /** A replay in one or two sentences (window, stand-ins, currencies); empty for shock scenarios. */
  replay: string;
  /** Every position, for the appendix (empty unless the appendix is on). */
  positions: PositionResult[];
}

export interface ReportHolding {
  symbol: string;
  name: string;
  account: string;
  sector: string;
  themes: string;
  value: number;
  weight: number;
}

/** A holding that drives the losses: its largest loss over the scenarios and where. */
export interface ReportDriver {
  symbol: string;
  name: string;
  pnl: number;
  scenarioName: string;
  /** Its share of the portfolio's value. */
  weight: number;
}

/** A concentration the reader should know about, in one sentence; `warn` when it is large. */
export interface ReportConcentration {
  kind: 'holding' | 'theme' | 'overlap';
  sentence: string;
  warn: boolean;
}

/** Everything a client report shows, as data: built once, drawn on screen, in HTML and on paper. */
export interface ReportModel {
  format: 'aftershock-report';
  version: 2;
  title: string;
  settings: ReportSettings;
  portfolio: { name: string; clientName: string; baseCurrency: string; positionCount: number; accountCount: number };
  valueBefore: number;
  summary: { scenarioId: string; name: string; pnl: number; return: number | null; valueAfter: number }[];
  worstScenarioId: string | null;
  drivers: ReportDriver[];
  concentration: ReportConcentration[];
  sections: ReportScenarioSection[];
  holdings: ReportHolding[];
  /** Only the data this portfolio used, in words with long dates. */
  methodology: {
    prices: string | null;
    classifications: string | null;
    fundHoldings: string[];
    fxRates: string[];
    usedLookThrough: boolean;
    usedReplay: boolean;
    usedPropagation: boolean;
    usedRates: boolean;
    usedCurrency: boolean;
  };
  issues: string[];
  /** The data-health verdict on the holdings, shown on the first page. */
  health: HealthReport;
}

/** What the health check needs beyond the holdings: the date and what the database knows about their imports. */
export interface ReportHealthInput {
  staleDays?: number;
  fromHistory?: ReadonlySet<number>;
  importFindings?: readonly ImportFinding[];
}

const zero: Scenario = {
  format: 'aftershock-scenario',
  version: 1,
  id: 'exposure',
  name: 'Exposure',
  description: '',
  kind: 'hypothetical',
  tags: [],
  shocks: [],
};

/** The settings a report has when nobody set anything. */
export function defaultReportSettings(date: string, locale = 'en-GB'): ReportSettings {
  return {
    clientName: '',
    advisorName: '',
    advisorContact: '',
    firmName: '',
    logo: '',
    accentColor: DEFAULT_ACCENT,
    disclosure: '',
    notes: '',
    date,
    lookThrough: true,
    pageSize: pageSizeOf(locale),
    locale,
    appendix: false,
    groupBy: 'sector',
  };
}

/** A source as a citation: its title (publisher, title, date), then its public link. */
export function citation(source: { title: string; url?: string }): string {
  return source.url ? `${source.title}, ${source.url}` : source.title;
}

/** The rates that convert `currency` into `base`, found the way the valuation finds them (direct, inverse, then via USD or EUR). */
export function ratesUsed(currency: string, base: string, rates: readonly FxRate[]): FxRate[] {
  const from = majorCurrency(currency);
  if (from === base) return [];
  const direct = (a: string, b: string): FxRate[] | null => {
    if (a === b) return [];
    const hit = rates.find((r) => (r.currency === a && r.quote === b) || (r.currency === b && r.quote === a));
    return hit ? [hit] : null;
  };
  const straight = direct(from, base);
  if (straight) return straight;
  for (const pivot of ['USD', 'EUR']) {
    const one = direct(from, pivot);
    const two = direct(pivot, base);
    if (one && two) return [...one, ...two];
  }
  return [];
}

const DIMENSION_KEY: Record<ReportDimension, 'sector' | 'theme' | 'account' | 'country' | 'assetClass'> = {
  sector: 'sector',
  theme: 'theme',
  account: 'account',
  country: 'country',
  assetClass: 'assetClass',
};

/** Builds a report from a portfolio snapshot and its scenarios (pure: the date comes in with the settings). */
export function buildReportModel(input: {
  portfolio: Portfolio;
  positions: Position[];
  reference: ReferenceData;
  scenarios: Scenario[];
  settings: ReportSettings;
  /** Price history for historical (replay) scenarios, without it their holdings come out "not tested"; FX pairs' closes to move other currencies. */
  history?: { prices: PriceHistory; proxies: ProxyConfig; fx?: PriceHistory };
  health?: ReportHealthInput;
  /** What revaluing the portfolio's options needs (shared/engine/options-pass.ts); without it they are not tested. */
  optionMarket?: OptionMarket;
}): ReportModel {
  const { portfolio, positions, reference, scenarios, settings } = input;
  const locale = settings.locale;
  const money = (x: number) => formatMoney(x, portfolio.baseCurrency, 0);
  const book = prepareBook(positions, portfolio.baseCurrency, reference, {
    lookThrough: settings.lookThrough,
    optionMarket: input.optionMarket,
  });
  const health = checkHealth({
    positions,
    baseCurrency: portfolio.baseCurrency,
    reference,
    today: settings.date,
    optionValues: optionValueChecks(book),
    ...input.health,
  });
  const dimension = DIMENSION_KEY[settings.groupBy] ?? 'sector';
  const themeNames = new Map((reference.themes ?? []).map((t) => [t.id, t.name]));
  const themeName = (id: string) => themeNames.get(id) ?? id;
  // Each holding's change per scenario (a holding in several accounts counted once), for the drivers.
  const changes: Map<string, { pnl: number; name: string; value: number }>[] = [];
  const sections = scenarios.map((scenario): ReportScenarioSection => {
    const window = scenario.kind === 'historical' ? scenario.event?.window : undefined;
    const full = window
      ? runReplay(book, input.history?.prices ?? new Map(), input.history?.proxies ?? defaultProxies(), {
          ...window,
          scenario,
          by: [dimension],
          fx: input.history?.fx,
        })
      : runScenario(book, scenario, { by: [dimension] });
    // A window the prices do not reach is not a section of zeros: the report is refused with the reason.
    if ('error' in full) throw new AppError('validation', `“${scenario.name}” cannot be replayed: ${full.error}`);
    const { positions: rows, aggregates, ...result } = full;
    const bySymbol = new Map<string, { pnl: number; name: string; value: number }>();
    for (const p of rows) {
      const d = bySymbol.get(p.symbol) ?? { pnl: 0, name: p.name, value: 0 };
      d.pnl += p.pnl;
      d.value += p.value;
      bySymbol.set(p.symbol, d);
    }
    changes.push(bySymbol);
    const enabled = scenario.shocks.map((s, index) => ({ s, index })).filter(({ s }) => s.enabled);
    const shockLines = window
      ? []
      : enabled.map(({ s, index }): ReportShock => ({
          target: s.target,
          value: s.value,
          change: s.change,
          text: describeShock(s.target === 'theme' ? { ...s, value: themeName(s.value) } : s, s.change),
          note: s.note ?? '',
          holdings: new Set(positionsHitBy(book, scenario, index)).size,
        }));
    const reached = shockLines.filter((s) => s.holdings > 0);
    const event = scenario.event;
    const when = event?.window
      ? `${longDate(event.window.from, locale)} to ${longDate(event.window.to, locale)}`
      : event?.date
        ? longDate(event.date, locale)
        : '';
    return {
      scenario: { id: scenario.id, name: scenario.name, description: scenario.description, kind: scenario.kind, event },
      citations: (event?.sources ?? []).map(citation),
      when,
      result,
      findings: scenarioFindings(scenarioHealthOf(scenario, full, book), health.asOf.prices, input.health?.staleDays),
      groups: (aggregates[dimension] ?? [])
        .map((r) => (dimension === 'theme' ? { ...r, key: themeName(r.key) } : r))
        .filter((r) => Math.abs(r.pnl) >= 0.5)
        .sort((a, b) => a.pnl - b.pnl),
      contributors: [...rows]
        .filter((p) => Math.abs(p.pnl) >= 0.5)
        .sort((a, b) => a.pnl - b.pnl)
        .slice(0, 5),
      coverage: coverageSentence(result),
      shocks: reached,
      unreachedShocks: shockLines.length - reached.length,
      allShocks: settings.appendix ? shockLines : [],
      replay: window ? replaySentence(result, locale) : '',
      positions: settings.appendix ? [...rows].sort((a, b) => a.pnl - b.pnl || a.symbol.localeCompare(b.symbol)) : [],
    };
  });
  const summary = sections.map((s) => ({
    scenarioId: s.scenario.id,
    name: s.scenario.name,
    pnl: s.result.pnl,
    return: s.result.return,
    valueAfter: s.result.valueAfter,
  }));
  const worst = summary.reduce<(typeof summary)[number] | null>((w, s) => (s.pnl < (w?.pnl ?? 0) ? s : w), null);

  const valued = valuePositions(positions, portfolio.baseCurrency, reference.fxRates);
  const holdings = valued.positions
    .map((p) => {
      const info = reference.securities[p.symbol];
      return {
        symbol: p.symbol,
        name: p.name || info?.name || '',
        account: p.accountName,
        sector: info?.sector ?? UNCLASSIFIED,
        themes: (info?.themes ?? []).join(', '),
        value: p.baseValue ?? 0,
        weight: p.weight ?? 0,
      };
    })
    .sort((a, b) => b.value - a.value);
  const exposure = runScenario(book, zero, { by: ['theme'], positions: false });
  const total = book.totalValue;

  // Drivers: each holding's largest loss over the scenarios (a holding in several accounts counted once).
  const drivers = new Map<string, ReportDriver>();
  for (const [i, section] of sections.entries()) {
    for (const [symbol, d] of changes[i]) {
      const known = drivers.get(symbol);
      if (d.pnl < -0.5 && (!known || d.pnl < known.pnl))
        drivers.set(symbol, {
          symbol,
          name: d.name,
          pnl: d.pnl,
          scenarioName: section.scenario.name,
          weight: total > 0 ? d.value / total : 0,
        });
    }
  }

  const methodologyFx = [
    ...new Map(
      positions
        .flatMap((p) => ratesUsed(p.currency, portfolio.baseCurrency, reference.fxRates))
        .map((r) => [`${r.currency}/${r.quote}`, r] as const),
    ).values(),
  ].map((r) => `${r.currency}/${r.quote} ${r.rate} on ${longDate(r.asOf, locale)}, ${r.source}`);
  const heldFunds = Object.values(reference.funds).filter((f) => positions.some((p) => p.symbol === f.fund));
  const classifiedAsOf = [...new Set(positions.map((p) => p.symbol))]
    .map((s) => reference.securities[s]?.asOf)
    .filter((d): d is string => !!d)
    .sort();
  const replays = sections.filter((s) => s.result.history?.mode === 'replay');

  return {
    format: 'aftershock-report',
    version: 2,
    title: `Stress test: ${portfolio.name}`,
    settings,
    portfolio: {
      name: portfolio.name,
      clientName: portfolio.clientName,
      baseCurrency: portfolio.baseCurrency,
      positionCount: positions.length,
      accountCount: new Set(positions.map((p) => p.accountId)).size,
    },
    valueBefore: total,
    summary,
    worstScenarioId: worst?.scenarioId ?? null,
    drivers: [...drivers.values()].sort((a, b) => a.pnl - b.pnl).slice(0, 5),
    concentration: concentrationOf(
      holdings,
      (exposure.aggregates.theme ?? []).map((r) => ({ ...r, key: themeName(r.key) })),
      reference,
      total,
      money,
    ),
    sections,
    holdings: settings.appendix ? holdings : [],
    methodology: {
      prices: health.asOf.prices ? dateSpan(health.asOf.prices, locale) : null,
      classifications: classifiedAsOf.length ? longDate(classifiedAsOf[classifiedAsOf.length - 1], locale) : null,
      fundHoldings: settings.lookThrough ? fundLines(heldFunds, locale) : [],
      fxRates: methodologyFx,
      usedLookThrough: settings.lookThrough && heldFunds.length > 0,
      usedReplay: replays.length > 0,
      usedPropagation: sections.some((s) => s.result.coverage.propagated.share > 0),
      usedRates: sections.some((s) => s.shocks.some((x) => x.text.toLowerCase().startsWith('rates'))),
      usedCurrency: methodologyFx.length > 0 || sections.some((s) => s.shocks.some((x) => x.text.toLowerCase().startsWith('currency'))),
    },
    issues: book.issues.map((i) => i.message),
    health,
  };
}

/** Held funds' holdings data, one line per source and date: "SPY, VGT, XLU: the issuers’ published holdings, as of 24 November 2025". */
function fundLines(funds: readonly { fund: string; asOf: string; source: string }[], locale: string): string[] {
  const groups = new Map<string, string[]>();
  for (const f of [...funds].sort((a, b) => a.fund.localeCompare(b.fund))) {
    const source = f.source === f.fund ? 'the issuers’ published holdings' : f.source;
    const key = `${source}, as of ${longDate(f.asOf, locale)}`;
    groups.set(key, [...(groups.get(key) ?? []), f.fund]);
  }
  return [...groups].map(([key, names]) => `${names.join(', ')}: ${key}`);
}

/** A replay in words: its window, stand-ins and untested value. */
function replaySentence(result: Omit<StressResult, 'positions' | 'aggregates'>, locale: string): string {
  const h = result.history;
  if (!h || h.mode !== 'replay') return '';
  const c = result.coverage;
  const parts = [`Each holding moved by its own total return from ${longDate(h.from, locale)} to ${longDate(h.to, locale)}.`];
  if (h.partial) parts.push(h.partial.reason);
  if (c.proxy.share > 0)
    parts.push(`${formatPercent(c.proxy.share, 1)} of the value followed a stand-in fund for lack of its own history.`);
  if (c.noPrice.share > 0) parts.push(`${formatPercent(c.noPrice.share, 1)} was not tested: no price history for it or a stand-in.`);
  if (h.drawdown)
    parts.push(
      `The worst fall inside the window was ${formatPercent(h.drawdown.change, 1).replace('-', '−')} (${shortDate(h.drawdown.peak, locale)} to ${shortDate(h.drawdown.trough, locale)}).`,
    );
  return parts.join(' ');
}

/** Largest holding, largest theme, and holdings owned both directly and through funds. */
function concentrationOf(
  holdings: ReportHolding[],
  themes: AggregateRow[],
  reference: ReferenceData,
  total: number,
  money: (x: number) => string,
): ReportConcentration[] {
  if (!(total > 0)) return [];
  const out: ReportConcentration[] = [];
  const bySymbol = new Map<string, number>();
  for (const h of holdings) bySymbol.set(h.symbol, (bySymbol.get(h.symbol) ?? 0) + h.value);
  const [topSymbol, topValue] = [...bySymbol].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (topSymbol)
    out.push({
      kind: 'holding',
      sentence: `Largest holding: ${topSymbol}, ${formatPercent(topValue / total, 1)} of the portfolio (${money(topValue)}).`,
      warn: topValue / total > 0.1,
    });
  const theme = themes.filter((t) => t.key !== NO_THEME).sort((a, b) => b.value - a.value)[0];
  if (theme)
    out.push({
      kind: 'theme',
      sentence: `Largest theme: ${theme.key}, ${formatPercent(theme.value / total, 1)} of the portfolio counting what funds hold.`,
      warn: theme.value / total > 0.25,
    });
  // Look-through overlap: a security held directly and inside funds the portfolio also holds.
  const fundValue = new Map<string, number>();
  for (const [symbol, value] of bySymbol) if (reference.funds[symbol]) fundValue.set(symbol, value);
  const overlaps = [...bySymbol]
    .filter(([symbol]) => !reference.funds[symbol])
    .map(([symbol, direct]) => {
      const via = [...fundValue].flatMap(([fund, value]) => {
        const w = reference.funds[fund].holdings.find((h) => h.symbol === symbol)?.weight ?? 0;
        return w > 0 ? [{ fund, value: value * w }] : [];
      });
      return { symbol, direct, via, indirect: via.reduce((s, v) => s + v.value, 0) };
    })
    .filter((o) => o.via.length > 0 && o.indirect >= 0.005 * total)
    .sort((a, b) => b.direct + b.indirect - (a.direct + a.indirect))
    .slice(0, 2);
  for (const o of overlaps) {
    const funds = o.via.sort((a, b) => b.value - a.value).map((v) => v.fund);
    const share = (o.direct + o.indirect) / total;
    out.push({
      kind: 'overlap',
      sentence: `${o.symbol} is held directly (${money(o.direct)}) and again through ${listNames(funds)} (${money(o.indirect)} more): ${formatPercent(share, 1)} of the portfolio in all.`,
      warn: share > 0.1,
    });
  }
  return out;
}
