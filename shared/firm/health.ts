import type { ImportFinding } from '../domain/import-findings';
import type { ReferenceData } from '../domain/reference';
import { checkHealth, optionValueChecks, spanOf, type DateSpan, type HealthReport } from '../health';
import { prepareBook } from '../engine';
import { parseOccSymbol } from '../domain/options';
import type { OptionMarket } from '../engine/options-pass';
import type { ClientRanking, FirmClientInput } from './ranking';

/** A ranking row's data health, short: the verdict, counts and the blocking and warning sentences. */
export interface RowHealth {
  verdict: HealthReport['verdict'];
  blocking: number;
  warnings: number;
  /** Blocking findings first, then warnings, one sentence each. */
  sentences: string[];
}

export interface RankingHealthOptions {
  today: string;
  staleDays?: number;
  /** Positions a transaction history created, across the firm. */
  fromHistory?: ReadonlySet<number>;
  /** What each portfolio's imports decided (history treated as closed, market values kept…), by portfolio id. */
  importFindings?: ReadonlyMap<number, readonly ImportFinding[]>;
  /** What revaluing options needs: a portfolio holding options has them checked against the model's value. */
  optionMarket?: OptionMarket;
}

const VERDICT_ORDER: HealthReport['verdict'][] = ['ok', 'review', 'blocked'];

/** Summarises one health report for a ranking row. */
export function rowHealth(report: HealthReport): RowHealth {
  return {
    verdict: report.verdict,
    blocking: report.counts.blocking,
    warnings: report.counts.warning,
    sentences: report.findings.filter((f) => f.severity !== 'info').map((f) => f.sentence),
  };
}

/** Adds each portfolio's and client's data health to ranked client rows ("needs review" in the firm ranking). */
export function withHealth(
  rows: readonly ClientRanking[],
  clients: readonly FirmClientInput[],
  reference: ReferenceData,
  options: RankingHealthOptions,
): ClientRanking[] {
  const inputs = new Map(clients.map((c) => [c.id, c]));
  return rows.map((row) => {
    const client = inputs.get(row.clientId);
    if (!client || row.error !== null) return row;
    const byPortfolio = new Map(
      client.portfolios.map((p) => [
        p.id,
        rowHealth(
          checkHealth({
            positions: p.positions,
            baseCurrency: client.baseCurrency,
            reference,
            ...options,
            importFindings: options.importFindings?.get(p.id),
            // Only a portfolio holding options needs its book for them (most hold none).
            optionValues:
              options.optionMarket && p.positions.some((x) => parseOccSymbol(x.symbol) !== null)
                ? optionValueChecks(prepareBook(p.positions, client.baseCurrency, reference, { optionMarket: options.optionMarket }))
                : undefined,
          }),
        ),
      ]),
    );
    const portfolios = row.portfolios.map((p) => ({ ...p, health: byPortfolio.get(p.portfolioId) }));
    const all = [...byPortfolio.entries()];
    const health: RowHealth = {
      verdict: all.reduce<HealthReport['verdict']>(
        (v, [, h]) => (VERDICT_ORDER.indexOf(h.verdict) > VERDICT_ORDER.indexOf(v) ? h.verdict : v),
        'ok',
      ),
      blocking: all.reduce((n, [, h]) => n + h.blocking, 0),
      warnings: all.reduce((n, [, h]) => n + h.warnings, 0),
      sentences: all.flatMap(([id, h]) =>
        all.length > 1 ? h.sentences.map((s) => `${client.portfolios.find((p) => p.id === id)!.name}: ${s}`) : h.sentences,
      ),
    };
    return { ...row, portfolios, health };
  });
}

/** The dates a firm run's numbers rest on: the span of every holding's price date and of the held funds' holdings. */
export function rankingAsOf(
  clients: readonly FirmClientInput[],
  reference: ReferenceData,
): { prices: DateSpan | null; fundHoldings: DateSpan | null } {
  const positions = clients.flatMap((c) => c.portfolios.flatMap((p) => p.positions));
  const funds = new Set(positions.map((p) => p.symbol));
  return {
    prices: spanOf(positions.filter((p) => p.assetClass !== 'cash').map((p) => p.asOf)),
    fundHoldings: spanOf(
      Object.values(reference.funds)
        .filter((f) => funds.has(f.fund))
        .map((f) => f.asOf),
    ),
  };
}
