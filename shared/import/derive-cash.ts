import { cashNotDerivedFinding } from './findings';
import type { ImportFindingDraft, ImportPosition } from './types';

/** One row's effect on an account's cash: its amount, and the balance after it when the file states one. */
export interface CashFlow {
  account: string;
  currency: string;
  date: string | null;
  amount: number;
  balance: number | null;
}

interface CashAccount {
  account: string;
  currency: string;
  sum: number;
  /** The lowest end-of-day running sum: below zero, money was spent that the history never shows arriving. */
  lowest: number;
  lastDate: string | null;
  balance: number | null;
  asOf: string | null;
  hasFlows: boolean;
  /** Rows with a balance on the latest date that has one: the day's closing balance is chosen among them. */
  lastDay: { amount: number; balance: number }[];
}

const CENT = 0.005;

/**
 * The closing balance of a day's rows: the one no other row continues from (its balance is not another row's
 * balance before that row's amount). Same-time rows are listed in either order, so file order alone cannot tell.
 */
function closingBalance(rows: readonly { amount: number; balance: number }[]): number {
  const last = rows[rows.length - 1];
  const closing = rows.filter((r) => !rows.some((o) => o !== r && Math.abs(o.balance - o.amount - r.balance) < CENT));
  return (closing.length === 1 ? closing[0] : last).balance;
}

/**
 * Cash per account and currency from a history's rows (in date order). The file's own balance column wins. Without
 * one, cash is the sum of the amounts only when the history starts from zero: no account whose shares start mid-way
 * (`startsMidway`) and no day ending below zero. Otherwise no cash position is made and a finding says why.
 */
export function deriveCash(
  flows: readonly CashFlow[],
  options: { hasNoCash: boolean; startsMidway: ReadonlySet<string> },
): { positions: ImportPosition[]; warnings: string[]; findings: ImportFindingDraft[] } {
  const accounts = new Map<string, CashAccount>();
  for (const f of flows) {
    const key = `${f.account}\u0000${f.currency}`;
    let c = accounts.get(key);
    if (!c)
      accounts.set(
        key,
        (c = {
          account: f.account,
          currency: f.currency,
          sum: 0,
          lowest: 0,
          lastDate: null,
          balance: null,
          asOf: null,
          hasFlows: false,
          lastDay: [],
        }),
      );
    // A new day: the previous day's closing sum is known.
    if (c.lastDate !== null && f.date !== c.lastDate && c.sum < c.lowest) c.lowest = c.sum;
    c.sum += f.amount;
    c.lastDate = f.date;
    if (f.amount !== 0) c.hasFlows = true;
    if (f.balance !== null) {
      if (c.asOf !== f.date || c.balance === null) c.lastDay = [];
      c.lastDay.push({ amount: f.amount, balance: f.balance });
      [c.balance, c.asOf] = [closingBalance(c.lastDay), f.date];
    } else if (f.amount !== 0 && c.balance === null) c.asOf = f.date;
  }
  const positions: ImportPosition[] = [];
  const warnings: string[] = [];
  const findings: ImportFindingDraft[] = [];
  const hasBalanceColumn = [...accounts.values()].some((c) => c.balance !== null);
  for (const c of accounts.values()) {
    if (c.sum < c.lowest) c.lowest = c.sum;
    if (c.balance === null && (hasBalanceColumn || options.hasNoCash || !c.hasFlows)) continue;
    if (c.balance === null && (options.startsMidway.has(c.account) || c.lowest < -CENT)) {
      findings.push(cashNotDerivedFinding(c.account, c.currency, options.startsMidway.has(c.account) ? 'shares' : 'cash', c.sum));
      continue;
    }
    const amount = c.balance ?? c.sum;
    const rounded = Math.round(amount * 100) / 100;
    if (Math.abs(rounded) < 0.01) continue;
    if (rounded < 0)
      warnings.push(
        `The file's balance for ${c.account} is ${rounded.toFixed(2)} ${c.currency} (money owed): kept as a negative cash position.`,
      );
    positions.push({
      account: c.account,
      symbol: c.currency,
      name: `Cash (${c.currency})`,
      assetClass: 'cash',
      quantity: rounded,
      price: 1,
      marketValue: rounded,
      costBasis: null,
      currency: c.currency,
      asOf: c.asOf,
    });
  }
  if (options.hasNoCash) warnings.push('This file lists trades only, so cash balances are not derived from it.');
  return { positions, warnings, findings };
}
