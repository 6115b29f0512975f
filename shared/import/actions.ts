import { foldText } from './headers';
import type { TxClass } from './types';

// Order matters: "Reinvest Shares" buys, "Reinvest Dividend" is income, "Stock Div Dist" moves shares.
// Text is folded first (lower case, no accents): Köp → kop, Sälj → salj, Achat → achat, Købt → kobt.
const RULES: [RegExp, TxClass][] = [
  [/^reinvest(ment)?\b(?!.*div)|reinvest shares/, 'buy'],
  [/\b(open(ed)? (a )?position|open buy|position opened)\b/, 'buy'],
  [/\b(close[ds]? (a )?position|position closed|open sell)\b/, 'sell'],
  // Units taken out of the account (BUX's "ASSET_REDEEM" leg of a split or a merger, a fund's units "redeemed").
  [/(^|[^a-z])redeem(ed)?\b/, 'shares-out'],
  [/split|aktiesplit|splitt/, 'split'],
  [
    /spin[- ]?off|stock div|merger|conversion|journaled shares|security transfer|transfer of assets|stock distribution|name change|productwijziging|fusion|\bfusie\b|aumento (di )?capitale|kapitalerhohung|augmentation de capital|capital increase/,
    'shares',
  ],
  // A core or sweep fund redeemed (or bought) to settle a trade moves money between the account's own cash and its
  // cash fund, both already counted: the trade's own row moves the cash, so applying this one too would count it twice.
  [/redemption (from|of) (the )?core|core account/, 'ignore'],
  // Other sweeps (DEGIRO's "Cash Sweep Transfer" to its bank) move cash the file's balance column follows.
  [/redemption (from|of) (the )?(sweep|money market)|sweep/, 'cash'],
  [
    /withholding|tax (paid|withheld)|foreign tax|belasting|impot|\btax$|kallskatt|kupongskatt|quellensteuer|kapitalertragsteuer|\bsteuer|\bskat\b|\bskatt\b|\bvero\b|imposta|impuesto|retencion|retenue|ritenuta|\brit\.|imposto|\btaxe\b/,
    'fee',
  ],
  [
    /dividend|\bdiv\b|interest|\bint\b|cap(ital)? gain|cash in lieu|payment in lieu|coupon|dividende|dividendo|rente|redemption|utdelning|udbytte|utbytte|osinko|ausschuttung|ertrag|provento|cedola|cedole|promotional|cashback|\branta\b|ranta|zinsen|\binterets?\b|interessi|intereses|juros|\bkorko\b|kupong/,
    'income',
  ],
  [
    /fee|commission|kosten|frais|custody|courtesy|gebuhr|avgift|courtage|kurtage|gebyr|palkkio|commissione|comision|comissao|spesa|spese|tarieven/,
    'fee',
  ],
  [
    /savings plan|sparplan|spaarplan|plan d'epargne|\b(buy|bought|purchase|koop|aankoop|gekocht|achat|achete|compra|comprado|kauf|gekauft|kop|kopt|kob|kobt|kjop|kjopt|osto|acquisto|acquistato|bot)\b/,
    'buy',
  ],
  [
    /\b(sell|sold|sale|verkoop|verkocht|vente|vendu|venta|vendido|venda|verkauf|verkauft|salj|salt|salg|solgt|myynti|vendita|venduto|sld)\b/,
    'sell',
  ],
  // Currency conversions: both legs move cash between currencies of the account ("Forex debit" is not a withdrawal).
  [/forex|\bfx\b|currency (conversion|exchange)|valutavaxling|vaxling|devisen|change de devise|valuta (creditering|debitering)/, 'cash'],
  [
    /deposit|top[-_ ]?up|contribution|cotisation|subvention|incitatif|wire (in|received)|check received|ingreso|insattning|einzahlung|storting|versement|depot|versamento|conferimento|bonifico in entrata|deposito|indbetaling|innskudd|talletus|inbetalning/,
    'deposit',
  ],
  [
    /withdraw|wire (sent|out)|disbursement|retirada|levantamento|check paid|direct debit|\bdebit\b|uttag|auszahlung|opname|onttrekking|retrait|prelievo|hævning|haevning|udbetaling|uttak|\bnosto\b|utbetalning/,
    'withdrawal',
  ],
  // Signed cash movements whose direction only the amount gives (Robinhood's "ACH": a deposit or a withdrawal).
  [
    /transfer|\bach\b|journal|moneylink|overboeking|valuta|cambio|forex|fx (credit|debit)|currency (conversion|exchange)|\bfx\b|variation|terugstorting|vaxling|overforing|umbuchung|devisen|change de devise/,
    'cash',
  ],
];

/**
 * Classifies a broker's action text (English, German, French, Dutch, Swedish, Danish, Norwegian, Finnish, Italian,
 * Spanish, Portuguese) into what it does to holdings and cash.
 */
export function classifyAction(text: string): TxClass | null {
  const t = foldText(text.trim());
  if (!t) return null;
  for (const [pattern, txClass] of RULES) if (pattern.test(t)) return txClass;
  return null;
}

// Words that name a trade without saying which way ("Portfolio Transaction", "Trade"): the signs of its quantity and
// cash flow say it.
const UNDIRECTED_TRADE =
  /^(portfolio transaction|trade|securities transaction|execution|wertpapiergeschaft|wertpapiertransaktion|transaction sur titres|effectentransactie|vardepappershandel|compravendita( titoli)?|compraventa( de valores)?)$/;

/** Whether an action text names a trade without its direction ("Trade", Fineco's "Compravendita titoli"). */
export function isUndirectedTrade(text: string): boolean {
  return UNDIRECTED_TRADE.test(foldText(text.trim()));
}

/**
 * The side a one-letter code in a buy/sell column gives: A (acquisto, achat, aankoop), B (buy), C (compra), K (Kauf,
 * köp, koop) buy; S (sell, sälj) and V (vendita, Verkauf, vente, venta, verkoop) sell. Null for anything else.
 */
export function sideLetter(text: string): 'buy' | 'sell' | null {
  const t = text.trim().toUpperCase();
  if (/^[ABCK]$/.test(t)) return 'buy';
  if (/^[SV]$/.test(t)) return 'sell';
  return null;
}

// A security paid back (a bond at maturity, a fund wound up): with a quantity, its units leave for the cash.
const REDEMPTION = /\b(redemption|rimborso|remboursement|ruckzahlung|tilgung|aflossing|amortizacion|reembolso)\b/;

/** Whether an action text names a security paid back ("Rimborso", "Redemption"). */
export function isRedemptionText(text: string): boolean {
  return REDEMPTION.test(foldText(text));
}

/**
 * The side of a trade whose action names no direction: the cash flow says it (paid out: a purchase; coming in: a sale),
 * else the quantity's sign. Null for any other action, when the numbers say nothing, or when they disagree (shares
 * taken out for cash paid out).
 */
export function sideBySign(text: string, quantity: number | null, amount: number | null): 'buy' | 'sell' | null {
  if (!UNDIRECTED_TRADE.test(foldText(text.trim()))) return null;
  const byCash = amount ? (amount < 0 ? 'buy' : 'sell') : null;
  const byShares = quantity ? (quantity < 0 ? 'sell' : 'buy') : null;
  if (byCash === 'buy' && byShares === 'sell') return null;
  return byCash ?? byShares;
}

// A row that undoes an earlier one (UBS's "Storno", flatex's "Storno Ausführung ORDER Kauf"): it names the action it
// undoes, so its words say the opposite of what it does; the signs of its quantity and amount say what it does.
const REVERSAL =
  /\b(storno|stornierung|stornobuchung|reversal|reversed|annulation|annulering|annullamento|tegenboeking|contrapasse|anulacion)\b/;

/** Whether an action text marks a row that undoes an earlier one. */
export function isReversalText(text: string): boolean {
  return REVERSAL.test(foldText(text));
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
