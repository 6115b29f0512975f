import { formatMoney, formatQuantity } from '../format';
import { nameKey, type NameMatch } from './names';
import type { HistoryShortfall, ImportFindingDraft, ImportPosition } from './types';

const on = (date: string | null) => (date ? ` (first on ${date})` : '');

/** The recorded decision for a holding the history sells more of than it shows bought. */
export function shortfallFinding(s: HistoryShortfall, clamped: number, hasUnknownCost: boolean): ImportFindingDraft {
  const sells = `the history sells ${formatQuantity(s.shortfall)} more than it shows bought${on(s.firstDate)}`;
  const base = { account: s.account, symbol: s.symbol };
  if (s.decision.kind === 'short') {
    const why = s.isMarkedShort ? 'the file marks the sales as short' : 'you chose to keep it as a short';
    return {
      ...base,
      kind: 'short-kept',
      sentence: `${s.symbol}: ${sells}; kept as a short of ${formatQuantity(s.quantity)} because ${why}.`,
    };
  }
  if (s.decision.kind === 'opening') {
    const still =
      clamped > 1e-6 ? ` The history still sells ${formatQuantity(clamped)} more than that; the rest was treated as closed.` : '';
    const cost = hasUnknownCost ? ' Cost basis is unknown for the opening shares, so none is stored.' : '';
    return {
      ...base,
      kind: 'history-opening-entered',
      sentence: `${s.symbol}: ${s.shortfall > 0 ? `${sells}; ` : ''}opening quantity ${formatQuantity(s.decision.quantity)} entered, now ${formatQuantity(s.quantity)}.${still}${cost}`,
    };
  }
  const since = s.quantity > 0 ? `; the ${formatQuantity(s.quantity)} bought since are kept` : '';
  return {
    ...base,
    kind: 'history-clamped',
    sentence: `${s.symbol}: ${sells}: the history starts after they were bought, so that sale was treated as closing them (clamped at zero), not as a short${since}.`,
  };
}

/** The recorded decision not to derive an account's cash from a history that does not start from zero. */
export function cashNotDerivedFinding(account: string, currency: string, reason: 'shares' | 'cash', net: number): ImportFindingDraft {
  const why =
    reason === 'shares'
      ? 'the history sells shares it never shows bought, so it starts mid-way'
      : 'the history spends money it never shows arriving, so it starts mid-way';
  return {
    kind: 'cash-not-derived',
    account,
    symbol: currency,
    sentence: `${account}: no ${currency} cash balance was derived: ${why} and the file has no balance column (its amounts net to ${formatMoney(net, currency)}). Enter the cash balance in Holdings.`,
  };
}

/** Findings for positions the reading itself decided on: a bond read as percent of par, a broker market value kept. */
export function positionFindings(positions: readonly ImportPosition[]): ImportFindingDraft[] {
  const findings: ImportFindingDraft[] = [];
  for (const p of positions) {
    const base = { account: p.account, symbol: p.symbol };
    if (p.isParQuoted && p.price !== null) {
      findings.push({
        ...base,
        kind: 'par-quoted-bond',
        sentence: `${p.symbol}: priced ${formatQuantity(Math.round(p.price * 1e6) / 1e4)} per 100 of face value, so ${formatQuantity(p.quantity)} face is worth ${formatMoney(p.quantity * p.price, p.currency)} (value and cost basis use price / 100).`,
      });
    }
    if (p.valueFromPrice !== undefined && p.marketValue !== null) {
      const diff = p.marketValue - p.valueFromPrice;
      findings.push({
        ...base,
        kind: 'market-value-kept',
        sentence: `${p.symbol}: the file's market value ${formatMoney(p.marketValue, p.currency)} and quantity × price ${formatMoney(p.valueFromPrice, p.currency)} differ by ${formatMoney(diff, p.currency)} (${((diff / Math.abs(p.valueFromPrice || 1)) * 100).toFixed(1)}%); the broker's market value was kept.`,
      });
    }
  }
  return findings;
}

/**
 * For a layout that names securities only by free text: a finding for each holding kept under its name (no symbol in
 * the security master has that name, or several do), and the holdings the name did match, for the preview to show.
 */
export function nameFindings(
  preset: { label: string },
  positions: readonly ImportPosition[],
  resolveName: ((name: string) => NameMatch) | undefined,
): { findings: ImportFindingDraft[]; matched: string[] } {
  const findings: ImportFindingDraft[] = [];
  const matched: string[] = [];
  for (const p of positions) {
    if (!p.name) continue;
    const match = resolveName?.(p.name);
    if (match?.symbol && match.symbol.toUpperCase() === p.symbol) {
      matched.push(`"${p.name}" → ${p.symbol}`);
      continue;
    }
    if (p.symbol !== nameKey(p.name)) continue;
    const candidates = match?.candidates ?? [];
    const why = candidates.length
      ? `the security master has several securities of that name (${candidates.slice(0, 5).join(', ')}), so none was chosen`
      : 'no security in the security master has that name';
    findings.push({
      account: p.account,
      symbol: p.symbol,
      kind: 'named-by-description',
      sentence: `${p.symbol}: ${preset.label} files name a security only by its description ("${p.name}"), with no ticker, SEDOL or ISIN, and ${why}; it was kept under its description, unclassified (no sector, country or theme). Change its symbol to the ticker (such as VOD.L) in Holdings to classify and price it; later imports then give that name the same symbol.`,
    });
  }
  return { findings, matched };
}
