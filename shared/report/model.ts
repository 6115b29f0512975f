import type { ReferenceData } from '../domain/reference';
import type { Portfolio, Position } from '../domain/types';
import { valuePositions } from '../domain/valuation';
import { prepareBook, runScenario, type AggregateRow, type PositionResult, type Scenario, type StressResult } from '../engine';
import { AppError } from '../ipc/result';
import { runReplay } from '../history/replay';
import { defaultProxies, type ProxyConfig } from '../history/proxies';
import type { PriceHistory } from '../history/series';
import type { ImportFinding } from '../domain/import-findings';
import { checkHealth, scenarioFindings, scenarioHealthOf, type HealthFinding, type HealthReport } from '../health';

/** What the person producing a report says about it; remembered per client. */
export interface ReportSettings {
  clientName: string;
  advisorName: string;
  firmName: string;
  /** A data: URL (PNG, JPEG or SVG), or empty. */
  logo: string;
  notes: string;
  /** The report's date, YYYY-MM-DD (given by the caller: the model has no clock). */
  date: string;
  lookThrough: boolean;
}

export interface ReportScenarioSection {
  scenario: Pick<Scenario, 'id' | 'name' | 'description' | 'shocks' | 'event'>;
  result: Omit<StressResult, 'positions' | 'aggregates'>;
  /** What the reader must know about this scenario's numbers: its reach, a replay window cut short, its date. */
  findings: HealthFinding[];
  bySector: AggregateRow[];
  byTheme: AggregateRow[];
  contributors: PositionResult[];
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

/** Everything a client report shows, as data: built once, drawn on screen, in HTML and on paper. */
export interface ReportModel {
  format: 'aftershock-report';
  version: 1;
  title: string;
  settings: ReportSettings;
  portfolio: { name: string; clientName: string; baseCurrency: string; positionCount: number; accountCount: number };
  valueBefore: number;
  summary: { scenarioId: string; name: string; pnl: number; return: number | null; valueAfter: number }[];
  worstScenarioId: string | null;
  sections: ReportScenarioSection[];
  holdings: ReportHolding[];
  exposures: { bySector: AggregateRow[]; byTheme: AggregateRow[]; lookThrough: boolean };
  dataAsOf: { prices: string | null; classifications: string | null; fundHoldings: string[]; fxRates: string[] };
  issues: string[];
  /** The data-health verdict on the holdings, shown in a box on the first page. */
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
}): ReportModel {
  const { portfolio, positions, reference, scenarios, settings } = input;
  const health = checkHealth({ positions, baseCurrency: portfolio.baseCurrency, reference, today: settings.date, ...input.health });
  const book = prepareBook(positions, portfolio.baseCurrency, reference, { lookThrough: settings.lookThrough });
  const sections = scenarios.map((scenario): ReportScenarioSection => {
    const window = scenario.kind === 'historical' ? scenario.event?.window : undefined;
    const full = window
      ? runReplay(book, input.history?.prices ?? new Map(), input.history?.proxies ?? defaultProxies(), {
          ...window,
          scenario,
          by: ['sector', 'theme'],
          fx: input.history?.fx,
        })
      : runScenario(book, scenario, { by: ['sector', 'theme'] });
    // A window the prices do not reach is not a section of zeros: the report is refused with the reason.
    if ('error' in full) throw new AppError('validation', `“${scenario.name}” cannot be replayed: ${full.error}`);
    const { positions: rows, aggregates, ...result } = full;
    return {
      scenario: {
        id: scenario.id,
        name: scenario.name,
        description: scenario.description,
        shocks: scenario.shocks.filter((s) => s.enabled),
        event: scenario.event,
      },
      result,
      findings: scenarioFindings(scenarioHealthOf(scenario, full, book), health.asOf.prices, input.health?.staleDays),
      bySector: aggregates.sector ?? [],
      byTheme: aggregates.theme ?? [],
      contributors: [...rows]
        .filter((p) => p.pnl !== 0)
        .sort((a, b) => a.pnl - b.pnl)
        .slice(0, 10),
      positions: [...rows].sort((a, b) => a.pnl - b.pnl || a.symbol.localeCompare(b.symbol)),
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
        sector: info?.sector ?? 'Unclassified',
        themes: (info?.themes ?? []).join(', '),
        value: p.baseValue ?? 0,
        weight: p.weight ?? 0,
      };
    })
    .sort((a, b) => b.value - a.value);
  const exposure = runScenario(book, zero, { by: ['sector', 'theme'], positions: false });
  const asOfs = positions
    .map((p) => p.asOf)
    .filter((d): d is string => !!d)
    .sort();
  const classifiedAsOf = Object.values(reference.securities)
    .map((s) => s.asOf)
    .filter((d): d is string => !!d)
    .sort();

  return {
    format: 'aftershock-report',
    version: 1,
    title: `Stress test: ${portfolio.name}`,
    settings,
    portfolio: {
      name: portfolio.name,
      clientName: portfolio.clientName,
      baseCurrency: portfolio.baseCurrency,
      positionCount: positions.length,
      accountCount: new Set(positions.map((p) => p.accountId)).size,
    },
    valueBefore: book.totalValue,
    summary,
    worstScenarioId: worst?.scenarioId ?? null,
    sections,
    holdings,
    exposures: { bySector: exposure.aggregates.sector ?? [], byTheme: exposure.aggregates.theme ?? [], lookThrough: settings.lookThrough },
    dataAsOf: {
      prices: asOfs.length ? `${asOfs[0]}${asOfs[0] !== asOfs[asOfs.length - 1] ? ` to ${asOfs[asOfs.length - 1]}` : ''}` : null,
      classifications: classifiedAsOf.length ? classifiedAsOf[classifiedAsOf.length - 1] : null,
      fundHoldings: Object.values(reference.funds)
        .filter((f) => positions.some((p) => p.symbol === f.fund))
        .map((f) => `${f.fund} as of ${f.asOf} (${f.source})`),
      fxRates: reference.fxRates.map((r) => `${r.currency}/${r.quote} ${r.rate} as of ${r.asOf} (${r.source})`),
    },
    issues: book.issues.map((i) => i.message),
    health,
  };
}
