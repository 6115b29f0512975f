import { optionLabel, parseOccSymbol } from '../domain/options';
import { optionPositionValue } from '../engine/options-pass';
import type { ImportFinding, ImportFindingKind } from '../domain/import-findings';
import type { ReferenceData } from '../domain/reference';
import type { Position } from '../domain/types';
import type { Book, Scenario, StressResult } from '../engine';
import { fxRate, localValue, majorCurrency } from '../domain/valuation';
import { tradingCurrencyMismatch, type AssetsCurrency } from '../domain/index-funds';
import { countOf, formatCount, formatMoney, formatPercent, formatQuantity, listNames } from '../format';
import { groupBy } from '../group-by';
import { daysBetween, type DateSpan, spanOf } from './dates';

export const SEVERITIES = ['blocking', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One thing the user should know before trusting (or sending) a portfolio's numbers. */
export interface HealthFinding {
  /** Stable id of the rule, e.g. 'value-not-positive', for tests and filters. */
  code: string;
  severity: Severity;
  /** What is wrong, in one sentence with the figures. */
  sentence: string;
  /** What the user can do about it. */
  fix: string;
  /** The holdings it concerns (position ids; empty for portfolio-wide findings). */
  positionIds: number[];
  symbols: string[];
}

/** The verdict on a portfolio (and optionally one scenario run on it): findings worst first, and the dates behind its numbers. */
export interface HealthReport {
  verdict: 'ok' | 'review' | 'blocked';
  findings: HealthFinding[];
  counts: Record<Severity, number>;
  /** The stale-price threshold the check used, in days. */
  staleDays: number;
  asOf: {
    /** The span of the holdings' price dates. */
    prices: DateSpan | null;
    /** The span of the held funds' holdings dates (look-through data). */
    fundHoldings: DateSpan | null;
    /** The scenario's event date or window end. */
    scenario: string | null;
  };
}

/** What one scenario's run says about its reach and its window, for the scenario-specific findings. */
export interface ScenarioHealthInput {
  name: string;
  /** Event date or window end (YYYY-MM-DD), null when the scenario has none. */
  asOf: string | null;
  /** Share (0–1) of the book's value no shock, fund look-through, proxy or propagation moved. */
  notMovedShare?: number;
  /** A replay whose prices do not cover the whole window: the days it did cover. */
  replayCovered?: { from: string; to: string; requested: { from: string; to: string } } | null;
  /**
   * Index funds held that trade in one currency and hold assets priced in others, when the scenario shocks a currency:
   * the shock reaches them through the currency they trade in (see tradingCurrencyMismatch).
   */
  currencyThroughTrading?: { symbol: string; currency: string; assets: AssetsCurrency }[];
}

export interface HealthInput {
  positions: readonly Position[];
  baseCurrency: string;
  reference: ReferenceData;
  /** The user's local date, YYYY-MM-DD (the check has no clock). */
  today: string;
  importFindings?: readonly ImportFinding[];
  /** Positions that came from a transaction history (a negative one there is a history that starts mid-way). */
  fromHistory?: ReadonlySet<number>;
  /** Prices older than this many days are stale (default 7). */
  staleDays?: number;
  scenario?: ScenarioHealthInput;
  /** Each option the engine revalues: its value in the portfolio and the model's at its underlying's price. */
  optionValues?: readonly OptionValueCheck[];
}

/** An option's value as held (quantity × price per contract) and as the model gives it, both in its own currency. */
export interface OptionValueCheck {
  positionId: number;
  symbol: string;
  /** "NVDA 15 Jan 2027 150 C". */
  label: string;
  underlying: string;
  value: number;
  modelValue: number;
  multiplier: number;
  currency: string;
}

export const DEFAULT_STALE_DAYS = 7;
/** An option held at a value this many times from the model's (either way) is flagged: its P&L follows the model. */
const OPTION_VALUE_APART = 5;
/** …and, short of the per-share slip, when the gap is at least this share of the book's gross value. */
const OPTION_GAP_SHARE = 0.005;
const FUND_HOLDINGS_MAX_DAYS = 365;
const VALUE_MISMATCH = 0.01;
const UNCLASSIFIED_WARNING = 0.1;
const NOT_MOVED_WARNING = 0.5;
const CUSIP = /^[0-9]{3}[0-9A-Z]{5}[0-9]$/;

/** Severity of what an import decided, as a finding: what the user must confirm is a warning, the rest information. */
const IMPORT_SEVERITY: Record<ImportFindingKind, Severity> = {
  'history-clamped': 'warning',
  'cash-not-derived': 'warning',
  'history-opening-entered': 'info',
  'short-kept': 'info',
  'market-value-kept': 'info',
  'par-quoted-bond': 'info',
  'named-by-description': 'warning',
};
const IMPORT_FIX: Record<ImportFindingKind, string> = {
  'history-clamped': 'If you still hold any of them, enter the quantity in Holdings (or re-import with the opening quantity).',
  'cash-not-derived': "Enter the account's cash balance in Holdings.",
  'history-opening-entered': 'Nothing to do if the opening quantity is right.',
  'short-kept': 'Nothing to do if the short is intended.',
  'market-value-kept': "Nothing to do if the statement's value is right; edit the price otherwise.",
  'par-quoted-bond': 'Nothing to do if the face value is the quantity.',
  'named-by-description': 'Change the symbol to its ticker (such as VOD.L) in Holdings.',
};

/** What the user must know of several holdings' import decisions of one kind, in one line. */
const IMPORT_GROUP: Record<ImportFindingKind, string> = {
  'history-clamped': 'sold beyond what the imported history shows bought were treated as closed (the history starts mid-way)',
  'cash-not-derived': 'got no cash balance: the imported history starts mid-way and has no balance column',
  'history-opening-entered': 'were imported with the opening quantities you entered',
  'short-kept': 'were kept as short positions, as you chose or the file marks them',
  'market-value-kept': "keep the statement's market value where quantity × price differs by more than 1%",
  'par-quoted-bond': 'were read as priced in percent of par (value and cost basis use price / 100)',
  'named-by-description':
    'are known only by the description the broker gave them (no ticker or ISIN in the file), so they are unclassified',
};

/** One finding for an import decision, or for several of the same kind (their sentences stay in the import's preview). */
function importFinding(group: readonly ImportFinding[], positions: readonly Position[]): HealthFinding {
  const kind = group[0].kind;
  const held = positions.filter((p) => group.some((f) => f.symbol === p.symbol && f.account === p.accountName));
  const files = [...new Set(group.map((f) => f.fileName))];
  const sentence =
    group.length === 1
      ? `${group[0].sentence} (import of ${group[0].fileName})`
      : `${group.length} ${kind === 'cash-not-derived' ? 'accounts' : 'holdings'} (${listNames(
          group.map((f) => f.symbol),
          5,
        )}) ${IMPORT_GROUP[kind]} (import of ${listNames(files, 2)}).`;
  return {
    code: `import-${kind}`,
    severity: IMPORT_SEVERITY[kind],
    sentence,
    fix: IMPORT_FIX[kind],
    positionIds: held.map((p) => p.id),
    symbols: [...new Set(group.map((f) => f.symbol))],
  };
}

/**
 * Each position's value in the base currency (null without a rate), the total and the currencies without a rate: what
 * valuePositions gives, without copying every position (the firm ranking checks thousands of portfolios).
 */
function baseValues(positions: readonly Position[], baseCurrency: string, reference: ReferenceData) {
  const rates = new Map<string, number | null>();
  const of = (p: Position): number | null => {
    let rate = rates.get(p.currency);
    if (rate === undefined) rates.set(p.currency, (rate = fxRate(p.currency, baseCurrency, reference.fxRates)));
    return rate === null ? null : localValue(p) * rate;
  };
  const totalBaseValue = positions.reduce((sum, p) => sum + (of(p) ?? 0), 0);
  const missingFx = [...rates]
    .filter(([, rate]) => rate === null)
    .map(([currency]) => currency)
    .sort();
  return { of, totalBaseValue, missingFx };
}

/** Checks a portfolio (and optionally one scenario on it) for numbers that would be wrong or misleading (docs/stress-semantics.md; rule one). */
export function checkHealth(input: HealthInput): HealthReport {
  const { positions, baseCurrency, reference, today } = input;
  const staleDays = input.staleDays ?? DEFAULT_STALE_DAYS;
  const valued = baseValues(positions, baseCurrency, reference);
  const money = (v: number) => formatMoney(v, baseCurrency);
  const findings: HealthFinding[] = [];
  const add = (f: Omit<HealthFinding, 'positionIds' | 'symbols'>, held: readonly Position[] = []) =>
    findings.push({ ...f, positionIds: held.map((p) => p.id), symbols: [...new Set(held.map((p) => p.symbol))] });

  if (positions.length > 0 && valued.totalBaseValue <= 0) {
    add({
      code: 'value-not-positive',
      severity: 'blocking',
      sentence: `The portfolio's total value is ${money(valued.totalBaseValue)}: percentage returns and rankings mean nothing for it.`,
      fix: 'Check the short and negative positions listed here, or import a positions export instead of a history.',
    });
  }
  if (valued.missingFx.length) {
    const held = positions.filter((p) => valued.missingFx.includes(p.currency));
    add(
      {
        code: 'missing-fx',
        severity: 'blocking',
        sentence: `No exchange rate from ${valued.missingFx.join(', ')} to ${baseCurrency}: ${countOf(held.length, 'holding')} ${held.length === 1 ? 'is' : 'are'} left out of every total.`,
        fix: 'Refresh market data, or enter the rate in Reference data.',
      },
      held,
    );
  }
  const parQuoted = positions.filter(
    (p) =>
      p.assetClass !== 'cash' &&
      p.price !== null &&
      p.price >= 50 &&
      p.price <= 150 &&
      (CUSIP.test(p.symbol) || p.assetClass === 'bond') &&
      Math.abs(p.quantity) >= 1000,
  );
  if (parQuoted.length) {
    add(
      {
        code: 'par-quoted-price',
        severity: 'blocking',
        sentence: `${listNames(parQuoted.map((p) => `${p.symbol} (${formatQuantity(p.quantity)} at ${p.price})`))} ${parQuoted.length === 1 ? 'looks' : 'look'} priced in percent of par: ${parQuoted.length === 1 ? 'its value' : 'their values'} may be 100× too high.`,
        fix: 'Edit the price to per $1 of face (e.g. 98.84 → 0.9884), or re-import the file.',
      },
      parQuoted,
    );
  }
  // What a gap between an option's held and model value weighs in the book, in the base currency.
  const grossValue = positions.reduce((sum, p) => sum + Math.abs(valued.of(p) ?? 0), 0);
  const share = (c: OptionValueCheck) =>
    (Math.abs(c.modelValue - c.value) * (fxRate(c.currency, baseCurrency, reference.fxRates) ?? 1)) / (grossValue || 1);
  optionValueFindings(input.optionValues ?? [], positions, share, add);
  const shorts = positions.filter((p) => p.quantity < 0 && p.assetClass !== 'cash' && !p.isShortIntended);
  const fromHistory = shorts.filter((p) => input.fromHistory?.has(p.id));
  const otherShorts = shorts.filter((p) => !input.fromHistory?.has(p.id));
  if (fromHistory.length) {
    add(
      {
        code: 'history-made-negative',
        severity: 'blocking',
        sentence: `${listNames(fromHistory.map((p) => `${p.symbol} (${formatQuantity(p.quantity)})`))} went negative because the imported history sells more than it shows bought: it probably starts after they were bought.`,
        fix: 'Enter the quantity you hold in Holdings, delete the position if it is closed, or re-import with the opening quantities.',
      },
      fromHistory,
    );
  }
  if (otherShorts.length) {
    add(
      {
        code: 'short-unmarked',
        severity: 'warning',
        sentence: `${countOf(otherShorts.length, 'short position')} (${listNames(otherShorts.map((p) => p.symbol))}) ${otherShorts.length === 1 ? 'is' : 'are'} not marked as intended.`,
        fix: 'Check the quantities; a short moves the opposite way to its shock.',
      },
      otherShorts,
    );
  }
  const unpriced = positions.filter((p) => p.assetClass !== 'cash' && (p.price === null || p.price === 0) && !p.marketValue);
  if (unpriced.length) {
    add(
      {
        code: 'no-price',
        severity: 'warning',
        sentence: `${listNames(unpriced.map((p) => p.symbol))} ${unpriced.length === 1 ? 'has' : 'have'} no price, so ${unpriced.length === 1 ? 'it counts' : 'they count'} as $0 in every result.`,
        fix: 'Enter the price in Holdings, or refresh market data.',
      },
      unpriced,
    );
  }
  const mismatched = positions.filter((p) => {
    if (p.price === null || p.marketValue === null || p.assetClass === 'cash') return false;
    const computed = p.quantity * p.price;
    return Math.abs(computed - p.marketValue) > VALUE_MISMATCH * Math.max(Math.abs(p.marketValue), Math.abs(computed));
  });
  if (mismatched.length) {
    add(
      {
        code: 'value-mismatch',
        severity: 'warning',
        sentence: `${listNames(
          mismatched.map(
            (p) =>
              `${p.symbol}: quantity × price ${formatMoney(p.quantity * p.price!, p.currency)} against the statement's ${formatMoney(p.marketValue!, p.currency)}`,
          ),
          2,
        )} (more than 1% apart; the price is used).`,
        fix: 'Correct the quantity or price in Holdings so they match the statement.',
      },
      mismatched,
    );
  }
  const sameHolding = groupBy(positions, (p) => `${p.accountId}\u0000${p.symbol}\u0000${p.currency}`);
  const duplicated = [...sameHolding.values()].filter((ps) => ps.length > 1).flat();
  if (duplicated.length) {
    add(
      {
        code: 'duplicate-position',
        severity: 'warning',
        sentence: `${listNames([...new Set(duplicated.map((p) => `${p.symbol} in ${p.accountName}`))])} ${duplicated.length === 2 ? 'appears' : 'appear'} more than once in the same account.`,
        fix: 'Delete the copy, or merge the lots if both are real.',
      },
      duplicated,
    );
  }

  const priced = positions.filter((p) => p.assetClass !== 'cash');
  const prices = spanOf(priced.map((p) => p.asOf));
  const stale = priced.filter((p) => p.asOf && daysBetween(p.asOf, today) > staleDays);
  if (stale.length) {
    const oldest = stale.reduce((a, p) => (p.asOf! < a ? p.asOf! : a), today);
    add(
      {
        code: 'stale-prices',
        severity: 'warning',
        sentence: `${countOf(stale.length, 'price')} ${stale.length === 1 ? 'is' : 'are'} more than ${countOf(staleDays, 'day')} old (oldest ${oldest}, ${countOf(daysBetween(oldest, today), 'day')} before ${today}).`,
        fix: 'Refresh market data or re-import a current positions file.',
      },
      stale,
    );
  }
  const undated = priced.filter((p) => !p.asOf);
  if (undated.length) {
    add(
      {
        code: 'undated-prices',
        severity: 'info',
        sentence: `${countOf(undated.length, 'price')} ${undated.length === 1 ? 'has' : 'have'} no date, so how current ${undated.length === 1 ? 'it is' : 'they are'} cannot be checked.`,
        fix: 'Refresh market data to date them.',
      },
      undated,
    );
  }
  const heldFunds = [...new Set(positions.map((p) => p.symbol))].map((s) => reference.funds[s]).filter((f) => f !== undefined);
  const fundHoldings = spanOf(heldFunds.map((f) => f.asOf));
  const oldFunds = heldFunds.filter((f) => daysBetween(f.asOf, today) > FUND_HOLDINGS_MAX_DAYS);
  if (oldFunds.length) {
    add(
      {
        code: 'stale-fund-holdings',
        severity: 'warning',
        sentence: `Fund holdings used for look-through are over 12 months old: ${listNames(oldFunds.map((f) => `${f.fund} (${f.asOf})`))}.`,
        fix: "Refresh market data, or switch look-through off for these funds' results.",
      },
      positions.filter((p) => oldFunds.some((f) => f.fund === p.symbol)),
    );
  }
  const gross = positions.reduce((s, p) => s + Math.abs(valued.of(p) ?? 0), 0);
  // Cash and bonds have no GICS sector by nature; only equity-like holdings without one are unreachable by sector shocks.
  // An option is classified by its underlying.
  const classifiedAs = (symbol: string) => parseOccSymbol(symbol)?.underlying ?? symbol;
  const unclassified = positions.filter(
    (p) =>
      p.assetClass !== 'cash' &&
      p.assetClass !== 'bond' &&
      !reference.securities[classifiedAs(p.symbol)]?.sector &&
      !reference.funds[classifiedAs(p.symbol)],
  );
  const unclassifiedValue = unclassified.reduce((s, p) => s + Math.abs(valued.of(p) ?? 0), 0);
  if (unclassified.length && gross > 0) {
    const share = unclassifiedValue / gross;
    add(
      {
        code: 'unclassified',
        severity: share >= UNCLASSIFIED_WARNING ? 'warning' : 'info',
        sentence: `${formatPercent(share, 1)} of the value (${listNames(unclassified.map((p) => p.symbol))}) has no sector, so sector and theme shocks cannot reach it.`,
        fix: 'Classify these holdings in Holdings, or refresh market data.',
      },
      unclassified,
    );
  }
  for (const group of groupBy(input.importFindings ?? [], (f) => f.kind).values()) findings.push(importFinding(group, positions));
  if (input.scenario) findings.push(...scenarioFindings(input.scenario, prices, staleDays));

  findings.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const counts = { blocking: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    verdict: counts.blocking ? 'blocked' : counts.warning ? 'review' : 'ok',
    findings,
    counts,
    staleDays,
    asOf: { prices, fundHoldings, scenario: input.scenario?.asOf ?? null },
  };
}

/** Each option the engine revalues, with its held value and the model's at its underlying's price, for checkHealth. */
export function optionValueChecks(book: Pick<Book, 'options' | 'positions' | 'groups'>): OptionValueCheck[] {
  const symbolOf = new Map(book.positions.map((p) => [p.id, p.symbol]));
  return book.options
    .filter((h) => h.notTested === null)
    .map((h) => ({
      positionId: h.positionId,
      symbol: symbolOf.get(h.positionId) ?? h.contract.underlying,
      label: optionLabel(h.contract),
      underlying: h.contract.underlying,
      value: h.localValue,
      modelValue: optionPositionValue(h, h.underlyingPrice!),
      multiplier: h.contract.multiplier,
      currency: book.groups[h.group].currency,
    }));
}

/**
 * Options held at a value far from the model's at their underlying's price. Their stress P&L is the model's change in
 * value, so a held value far from it makes their return (and the portfolio's value before the shock) disagree with
 * that P&L. About the contract's multiplier apart (×100) is the classic slip of a premium per share entered as the price
 * per contract: blocking, as a bond at percent of par is.
 */
function optionValueFindings(
  checks: readonly OptionValueCheck[],
  positions: readonly Position[],
  shareOfBook: (c: OptionValueCheck) => number,
  add: (f: Omit<HealthFinding, 'positionIds' | 'symbols'>, held?: readonly Position[]) => void,
): void {
  const held = (ids: readonly OptionValueCheck[]) => positions.filter((p) => ids.some((c) => c.positionId === p.id));
  const apart = checks.filter((c) => {
    const ratio = Math.abs(c.modelValue / c.value);
    return c.value !== 0 && Number.isFinite(ratio) && (ratio >= OPTION_VALUE_APART || ratio <= 1 / OPTION_VALUE_APART);
  });
  const perShare = apart.filter((c) => {
    const ratio = Math.abs(c.modelValue / c.value);
    return ratio >= c.multiplier / 3 && ratio <= c.multiplier * 3;
  });
  // Any other gap only when it weighs in the book: a far out-of-the-money option's market price often sits well
  // above the model's at one volatility (the smile), for a few dollars.
  const others = apart.filter((c) => !perShare.includes(c) && shareOfBook(c) >= OPTION_GAP_SHARE);
  const text = (c: OptionValueCheck) =>
    `${c.label} (${formatMoney(c.value, c.currency)} held, ${formatMoney(c.modelValue, c.currency)} by the model)`;
  if (perShare.length) {
    const one = perShare.length === 1;
    add(
      {
        code: 'option-price-per-share',
        severity: 'blocking',
        sentence: `${listNames(perShare.map(text))} ${one ? 'is' : 'are'} held at about 1/${formatQuantity(perShare[0].multiplier)} of what the model gives at ${one ? 'its underlying’s' : 'their underlyings’'} price: the price looks like the premium per share, not the price per contract.`,
        fix: 'Enter the price per contract (the premium × shares per contract), or check the quantity and shares per contract.',
      },
      held(perShare),
    );
  }
  if (others.length) {
    const one = others.length === 1;
    add(
      {
        code: 'option-value-apart',
        severity: 'warning',
        sentence: `${listNames(others.map(text))} ${one ? 'is' : 'are'} held at a value more than ${OPTION_VALUE_APART}× from the model's: ${one ? 'its' : 'their'} stress P&L follows the model, so ${one ? 'its' : 'their'} return is not meaningful.`,
        fix: 'Check the price, quantity and shares per contract, or enter the volatility the price implies.',
      },
      held(others),
    );
  }
}

/** Findings about one scenario on a book: its reach, a replay window cut short, and its date against the prices. */
export function scenarioFindings(scenario: ScenarioHealthInput, prices: DateSpan | null, staleDays = DEFAULT_STALE_DAYS): HealthFinding[] {
  const findings: HealthFinding[] = [];
  const add = (f: Omit<HealthFinding, 'positionIds' | 'symbols'>) => findings.push({ ...f, positionIds: [], symbols: [] });
  if (scenario.notMovedShare !== undefined && scenario.notMovedShare > 0.0005) {
    add({
      code: 'not-reached',
      severity: scenario.notMovedShare >= NOT_MOVED_WARNING ? 'warning' : 'info',
      sentence: `${formatPercent(scenario.notMovedShare, 1)} of the value is not moved by "${scenario.name}".`,
      fix: 'Add a market or sector shock, or turn on propagation, if those holdings should move too.',
    });
  }
  const covered = scenario.replayCovered;
  if (covered) {
    add({
      code: 'replay-partly-covered',
      severity: 'warning',
      sentence: `Prices cover ${covered.from} → ${covered.to} of the window ${covered.requested.from} → ${covered.requested.to}: the replay is of that part only.`,
      fix: 'Update market data, or pick a window inside the prices held.',
    });
  }
  const mismatched = scenario.currencyThroughTrading ?? [];
  if (mismatched.length) {
    const one = mismatched.length === 1;
    const named = mismatched.slice(0, 3).map((m) => `${m.symbol} (trades in ${majorCurrency(m.currency)}, assets ${m.assets})`);
    if (mismatched.length > 3) named.push(`${formatCount(mismatched.length - 3)} more`);
    const listed = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named[0];
    add({
      code: 'currency-through-trading',
      severity: 'warning',
      sentence: `"${scenario.name}" moves a currency, which reaches ${listed} through the currency ${one ? 'it trades' : 'they trade'} in, not through the currencies of ${one ? 'its' : 'their'} assets: ${one ? 'its' : 'their'} currency gain or loss here can be far from the real one.`,
      fix: 'Read the currency effect on these funds as approximate, or add a symbol shock on them with the move you expect.',
    });
  }
  if (scenario.asOf && prices && daysBetween(prices.newest, scenario.asOf) > staleDays) {
    add({
      code: 'prices-before-scenario',
      severity: 'warning',
      sentence: `The newest price (${prices.newest}) is ${countOf(daysBetween(prices.newest, scenario.asOf), 'day')} older than the scenario's date (${scenario.asOf}).`,
      fix: 'Refresh market data so the shocks apply to current values.',
    });
  }
  return findings;
}

/**
 * What a scenario's result says for the health check: its date, the share of the (gross) value it did not move — cash
 * aside, which no price shock is meant to move — and a replay window the prices covered only in part.
 */
export function scenarioHealthOf(
  scenario: Pick<Scenario, 'name' | 'event'> & Partial<Pick<Scenario, 'shocks'>>,
  result: Pick<StressResult, 'coverage' | 'history'>,
  book?: Pick<Book, 'positions'>,
): ScenarioHealthInput {
  // A replay moves each holding by its own history in the currency it trades in, then by that currency: exact. A shock
  // on a currency reaches an index fund through the currency it trades in, whatever its assets are priced in.
  const shocksCurrency = result.history?.mode !== 'replay' && (scenario.shocks ?? []).some((s) => s.enabled && s.target === 'currency');
  const currencyThroughTrading = new Map<string, { symbol: string; currency: string; assets: AssetsCurrency }>();
  for (const p of shocksCurrency ? (book?.positions ?? []) : []) {
    const mismatch = currencyThroughTrading.has(p.symbol) ? null : tradingCurrencyMismatch(p.symbol, p.currency);
    if (mismatch) currencyThroughTrading.set(p.symbol, { symbol: p.symbol, currency: p.currency, assets: mismatch.assets });
  }
  const c = result.coverage;
  const cash = (book?.positions ?? []).reduce((sum, p) => sum + (p.key.assetClass === 'cash' ? Math.abs(p.value) : 0), 0);
  const notMoved = Math.max(0, c.noShock.value + c.unclassified.value + c.noPrice.value - cash);
  const history = result.history;
  const partial = history?.partial;
  const window = scenario.event?.window;
  return {
    name: scenario.name,
    asOf: scenario.event?.date ?? window?.to ?? null,
    notMovedShare: c.grossValue > 0 ? notMoved / c.grossValue : 0,
    // `partial` names the window asked for; the history's own dates are the part replayed.
    replayCovered: partial && history ? { from: history.from, to: history.to, requested: { from: partial.from, to: partial.to } } : null,
    ...(currencyThroughTrading.size > 0 && { currencyThroughTrading: [...currencyThroughTrading.values()] }),
  };
}

/**
 * A finding when figures computed from price history (risk, a propagation estimate) rest on prices that end more than
 * `staleDays` before the day they are meant for (today, or the as-of date asked for); null when they are current.
 */
export function staleHistoryFinding(
  what: string,
  pricesTo: string,
  meantFor: string,
  staleDays = DEFAULT_STALE_DAYS,
): HealthFinding | null {
  const days = daysBetween(pricesTo, meantFor);
  if (days <= staleDays) return null;
  return {
    code: 'stale-history',
    severity: 'warning',
    positionIds: [],
    symbols: [],
    sentence: `${what} use${what.endsWith('s') ? '' : 's'} prices up to ${pricesTo}, ${countOf(days, 'day')} before ${meantFor}.`,
    fix: 'Update market data, or read them as of that date.',
  };
}
