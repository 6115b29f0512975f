import type { TxClass } from './types';

// Order matters: "Reinvest Shares" buys, "Reinvest Dividend" is income, "Stock Div Dist" moves shares.
const RULES: [RegExp, TxClass][] = [
  [/^reinvest(ment)?\b(?!.*div)|reinvest shares/i, 'buy'],
  [/split/i, 'split'],
  [/spin-?off|stock div|merger|conversion|journaled shares|security transfer|transfer of assets|stock distribution|name change|productwijziging/i, 'shares'],
  [/withholding|tax (paid|withheld)|foreign tax|belasting|impôt|impot|\btax$/i, 'fee'],
  [/dividend|\bdiv\b|interest|\bint\b|cap(ital)? gain|cash in lieu|payment in lieu|coupon|dividende|rente|redemption/i, 'income'],
  [/fee|commission|kosten|frais|custody|courtesy/i, 'fee'],
  [/\b(buy|bought|purchase|koop|achat|compra)\b/i, 'buy'],
  [/\b(sell|sold|sale|verkoop|vente|venta)\b/i, 'sell'],
  [/deposit|top[-_ ]?up|contribution|wire (in|received)|check received|ingreso/i, 'deposit'],
  [/withdraw|wire (sent|out)|disbursement|retirada|levantamento|check paid/i, 'withdrawal'],
  [/transfer|journal|moneylink|overboeking|valuta|cambio|fx (credit|debit)|sweep|variation|terugstorting/i, 'cash'],
];

/** Classifies a broker's action text (English, Dutch, French, Spanish) into what it does to holdings and cash. */
export function classifyAction(text: string): TxClass | null {
  const t = text.trim();
  if (!t) return null;
  for (const [pattern, txClass] of RULES) if (pattern.test(t)) return txClass;
  return null;
}

/** Applies the sign a class implies to an unsigned amount: money out for buys, fees and withdrawals. */
export function signAmount(txClass: TxClass, amount: number): number {
  if (txClass === 'buy' || txClass === 'fee' || txClass === 'withdrawal') return -Math.abs(amount);
  if (txClass === 'sell' || txClass === 'income' || txClass === 'deposit') return Math.abs(amount);
  return amount;
}

/** Applies the sign a class implies to a share quantity. */
export function signQuantity(txClass: TxClass, quantity: number): number {
  if (txClass === 'buy' || txClass === 'shares-in') return Math.abs(quantity);
  if (txClass === 'sell' || txClass === 'shares-out') return -Math.abs(quantity);
  return quantity;
}

/** Whether a class moves shares (and so needs a symbol). */
export function movesShares(txClass: TxClass): boolean {
  return txClass === 'buy' || txClass === 'sell' || txClass === 'split' || txClass.startsWith('shares');
}
