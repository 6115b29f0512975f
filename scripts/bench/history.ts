import { prepareBook, scenarioSchema } from '../../shared/engine';
import { DEFAULT_SECTOR_FUNDS, defaultProxies, portfolioRisk, runPropagated, runReplay, type PriceSeries } from '../../shared/history';
import { syntheticBook } from './books';
import { measure, type Figure } from './harness';

/** Weekday dates from 2020-04-06, `count` of them. */
function weekdays(count: number): string[] {
  const out: string[] = [];
  const d = new Date('2020-04-06T00:00:00Z');
  while (out.length < count) {
    if (d.getUTCDay() % 6 !== 0) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/**
 * Five years of daily closes for every security, fund, sector fund and SPY of the synthetic book, from a
 * one-factor-plus-sector model so regressions have something to find.
 */
function syntheticHistory(symbols: { symbol: string; sector: string | null }[], days: number, seed = 3) {
  let s = seed;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32 - 0.5) * 2;
  const dates = weekdays(days + 1);
  const market = Array.from({ length: days }, () => 0.01 * rnd());
  const sectors = new Map(Object.keys(DEFAULT_SECTOR_FUNDS).map((k) => [k, Array.from({ length: days }, () => 0.008 * rnd())]));
  const closesOf = (returns: (t: number) => number): PriceSeries => {
    const closes = [100];
    for (let t = 0; t < days; t++) closes.push(closes[t] * (1 + returns(t)));
    return { dates, closes };
  };
  const history = new Map<string, PriceSeries>();
  history.set(
    'SPY',
    closesOf((t) => market[t]),
  );
  for (const [sector, fund] of Object.entries(DEFAULT_SECTOR_FUNDS))
    history.set(
      fund,
      closesOf((t) => market[t] + sectors.get(sector)![t]),
    );
  for (const { symbol, sector } of symbols) {
    const beta = 0.5 + Math.abs(rnd());
    const own = sectors.get((sector ?? '').toLowerCase());
    history.set(
      symbol.toUpperCase(),
      closesOf((t) => beta * market[t] + (own ? own[t] : 0) + 0.012 * rnd()),
    );
  }
  return history;
}

/** Replay, propagation and risk on a 5,000-position book with five years of daily history. */
export function historyBenchmarks(): Figure[] {
  const { positions, reference } = syntheticBook(5_000, 11);
  const book = prepareBook(positions, 'USD', reference);
  const history = syntheticHistory(
    Object.values(reference.securities).map((c) => ({ symbol: c.symbol, sector: c.sector })),
    5 * 252,
  );
  const themeMembers: Record<string, string[]> = {};
  for (const c of Object.values(reference.securities)) for (const t of c.themes) (themeMembers[t] ??= []).push(c.symbol);
  const config = defaultProxies(themeMembers);
  const dates = history.get('SPY')!.dates;
  const scenario = scenarioSchema.parse({
    format: 'aftershock-scenario',
    version: 1,
    id: 'bench-propagate',
    name: 'Bench propagate',
    kind: 'hypothetical',
    shocks: [
      { target: 'sector', value: 'Information Technology', change: -0.12 },
      { target: 'theme', value: 'semiconductors', change: -0.15 },
      { target: 'market', change: -0.04 },
    ],
  });
  const keys = book.keys.length;
  const figures: Figure[] = [];
  figures.push(
    measure(
      `replay one year on 5,000 positions (${keys} securities, ${history.size} series × ${dates.length} days), every position`,
      () =>
        void runReplay(book, history, config, { from: dates[dates.length - 253], to: dates[dates.length - 1], by: ['sector', 'theme'] }),
      { runs: 7 },
    ),
  );
  figures.push(
    measure(
      'replay one day on 5,000 positions',
      () => void runReplay(book, history, config, { from: dates[dates.length - 2], to: dates[dates.length - 1] }),
      { runs: 7 },
    ),
  );
  figures.push(
    measure(
      `propagate 3 shocks (XLK, semiconductors basket, SPY) to every unnamed security, 756-day window`,
      () => void runPropagated(book, scenario, history, config, { asOf: dates[dates.length - 1], by: ['sector', 'theme'] }),
      { runs: 5 },
    ),
  );
  figures.push(
    measure(
      'risk figures (2-year window, VaR/CVaR 1 and 10 days) on 5,000 positions',
      () => void portfolioRisk(book, history, config, { asOf: dates[dates.length - 1] }),
      { runs: 7 },
    ),
  );
  return figures;
}
