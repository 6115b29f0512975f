import { movesShares } from './actions';
import { isParQuotedBond } from './summary';
import type { ImportPosition, ImportRecord } from './types';

/** Positions and warnings derived from a transaction history. */
export interface Derived {
  positions: ImportPosition[];
  warnings: string[];
}

interface Holding {
  account: string;
  symbol: string;
  name: string;
  quantity: number;
  cost: number;
  price: number | null;
  currency: string;
  asOf: string | null;
}

const EPSILON = 1e-9;

/**
 * Replays a transaction history: shares per account and symbol (buys, sells, reinvestments,
 * transfers, splits as stated), the last traded price, average cost, and cash per account and
 * currency from every amount (dividends, fees, deposits…). Records must be in file order.
 */
export function derivePositions(records: readonly ImportRecord[], options: { hasNoCash?: boolean } = {}): Derived {
  // Most exports list newest first; then same-day rows are in reverse order too.
  const isNewestFirst = records.length > 1 && (records[0].date ?? '') > (records[records.length - 1].date ?? '');
  const ordered = records
    .map((r, i) => ({ r, i: isNewestFirst ? -i : i }))
    .sort((a, b) => (a.r.date ?? '').localeCompare(b.r.date ?? '') || a.i - b.i)
    .map(({ r }) => r);
  const holdings = new Map<string, Holding>();
  const cash = new Map<string, { account: string; currency: string; amount: number; asOf: string | null }>();
  for (const r of ordered) {
    if (r.txClass && movesShares(r.txClass) && r.quantity !== null) {
      const key = `${r.account}\u0000${r.symbol}`;
      const h = holdings.get(key) ?? {
        account: r.account, symbol: r.symbol, name: r.name, quantity: 0, cost: 0, price: null,
        currency: r.priceCurrency ?? r.currency, asOf: null,
      };
      const before = h.quantity;
      if (r.quantity > 0 && (r.txClass === 'buy' || r.txClass === 'shares-in' || r.txClass === 'shares')) {
        const paid = r.txClass === 'buy' ? (r.price !== null ? r.price * r.quantity : Math.abs(r.amount ?? 0)) : 0;
        h.cost += paid;
      } else if (r.quantity < 0 && before > EPSILON) {
        h.cost *= Math.max(0, (before + r.quantity) / before);
      }
      h.quantity += r.quantity;
      // A split changes the share count, not the value: scale the last price with it.
      if (r.txClass === 'split' && h.price !== null && before > EPSILON && h.quantity > EPSILON) h.price *= before / h.quantity;
      if (r.price !== null && r.price > 0 && r.txClass !== 'shares' && r.txClass !== 'split') {
        h.price = r.price;
        h.currency = r.priceCurrency ?? r.currency;
      }
      if (!h.name && r.name) h.name = r.name;
      h.asOf = r.date;
      holdings.set(key, h);
    }
    if (!options.hasNoCash && r.amount !== null && r.amount !== 0) {
      const key = `${r.account}\u0000${r.currency}`;
      const c = cash.get(key) ?? { account: r.account, currency: r.currency, amount: 0, asOf: null };
      c.amount += r.amount;
      c.asOf = r.date;
      cash.set(key, c);
    }
  }
  return collect(holdings, cash, options.hasNoCash === true);
}

function collect(
  holdings: Map<string, Holding>,
  cash: Map<string, { account: string; currency: string; amount: number; asOf: string | null }>,
  hasNoCash: boolean,
): Derived {
  const positions: ImportPosition[] = [];
  const warnings: string[] = [];
  const unpriced: string[] = [];
  for (const h of holdings.values()) {
    if (Math.abs(h.quantity) < 1e-6) continue;
    const quantity = Math.round(h.quantity * 1e8) / 1e8;
    if (h.price === null) unpriced.push(h.symbol);
    const price = h.price ?? 0;
    // Pence and percent-of-par quotes become prices per unit.
    const isBond = isParQuotedBond(h.symbol, h.name);
    const [unitPrice, currency] = h.currency === 'GBX' ? [price / 100, 'GBP'] : [isBond ? price / 100 : price, h.currency];
    positions.push({
      account: h.account, symbol: h.symbol, name: h.name, assetClass: isBond ? 'bond' : 'equity', quantity, price: unitPrice,
      marketValue: null, costBasis: quantity > 0 && h.cost > 0 ? h.cost : null, currency, asOf: h.asOf,
    });
  }
  const shorts = positions.filter((p) => p.quantity < 0).map((p) => p.symbol);
  if (shorts.length) {
    warnings.push(
      `The history sells more than it buys of ${shorts.join(', ')}: kept as short positions. If the file starts after you bought them, import a positions export instead.`,
    );
  }
  if (unpriced.length) {
    warnings.push(`No trade price in the file for ${unpriced.join(', ')}: entered at price 0; set the price in Holdings.`);
  }
  for (const c of cash.values()) {
    const amount = Math.round(c.amount * 100) / 100;
    if (amount > 0) {
      positions.push({
        account: c.account, symbol: c.currency, name: `Cash (${c.currency})`, assetClass: 'cash', quantity: amount,
        price: 1, marketValue: amount, costBasis: null, currency: c.currency, asOf: c.asOf,
      });
    } else if (amount < 0) {
      warnings.push(
        `Cash flows in ${c.account} net to ${amount.toFixed(2)} ${c.currency}; the history probably starts after a deposit, so no ${c.currency} cash position was created.`,
      );
    }
  }
  if (hasNoCash) warnings.push('This file lists trades only, so cash balances are not derived from it.');
  positions.sort((a, b) => a.account.localeCompare(b.account) || Number(a.assetClass === 'cash') - Number(b.assetClass === 'cash') || a.symbol.localeCompare(b.symbol));
  return { positions, warnings };
}
