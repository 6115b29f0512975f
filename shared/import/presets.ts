import { classifyAction } from './actions';
import { GENERIC_ALIASES, headerNames, mapColumns } from './headers';
import { readTradeText } from './trade-text';
import type { DateOrder, DecimalStyle, ImportField, ImportKind, TxClass } from './types';

/** What a preset may change on a row after the generic normalisation (DEGIRO's "Koop 1 @ 33,9 USD"). */
export interface RowPatch {
  quantity?: number;
  price?: number;
  priceCurrency?: string;
  txClass?: TxClass;
}

/** One broker layout: how to recognise it and how its columns map. */
export interface Preset {
  id: string;
  label: string;
  kind: ImportKind;
  /** Gets the normalised header names of the row that heads the table, and the lines above it. */
  detect(names: Set<string>, title: string): boolean;
  aliases: Partial<Record<ImportField, string[]>>;
  /** Column positions no alias can express (DEGIRO's unnamed amount column). */
  extraColumns?(header: readonly string[]): Partial<Record<ImportField, number>>;
  dateOrder?: DateOrder;
  decimal?: DecimalStyle;
  defaultAccount?: string;
  /**
   * The currency the broker's files are in when they name none (US brokers' exports are in US dollars), over the
   * portfolio's currency; a file's own currency column and `--currency` come first.
   */
  currency?: string;
  /** Amounts are written without a sign; the action gives it. */
  hasUnsignedAmounts?: boolean;
  /** Trades naming no security are currency conversions (IBKR's USD.CHF rows): skipped. */
  skipsUnnamedTrades?: boolean;
  /** The file holds no cash movements worth summing (trades only). */
  hasNoCash?: boolean;
  /** The broker's own action codes, matched whole and case-blind (Robinhood's CDIV, Questrade's CON), before any rule. */
  actionCodes?: Readonly<Record<string, TxClass>>;
  /** Rows whose `column` matches `pattern` are listed as skipped with `reason`: orders not executed, trades pending. */
  skipRows?: { column: string; pattern: RegExp; reason: string };
  classify?(action: string, description: string): TxClass | null | undefined;
  patchRow?(description: string, action: string): RowPatch | undefined;
  /**
   * Securities are named only by free text in the description, with no ticker or ISIN (Hargreaves Lansdown): a
   * trade's holding is the security of that name in the master when exactly one fits, else kept under the name.
   */
  namesByDescription?: boolean;
  /** Account name and as-of date from title lines above the header (Schwab). */
  readTitle?(title: string): { account?: string; asOf?: string };
}

const has = (names: Set<string>, ...wanted: string[]) => wanted.every((w) => names.has(w));
const hasAny = (names: Set<string>, ...wanted: string[]) => wanted.some((w) => names.has(w));

/** The column after the first one named `name` (Nordnet's "Belopp" is followed by its own "Valuta"). */
function columnAfter(header: readonly string[], ...names: string[]): number {
  const i = header.findIndex((h) => headerNames(h).some((n) => names.includes(n)));
  return i >= 0 && i + 1 < header.length ? i + 1 : -1;
}

// UK platforms name a trade by its contract-note reference (B… bought, S… sold) and say what other rows are only in
// the description ("GROSS INTEREST", "MONTHLY SERVICE PLAN FEE").
const byContractReference = (reference: string, description: string): TxClass | null =>
  /^B\d/i.test(reference) ? 'buy' : /^S\d/i.test(reference) ? 'sell' : classifyAction(description);

// Nordnet writes the same export in Swedish, Danish, Norwegian and Finnish (accents folded).
const NORDNET = {
  date: ['affarsdag', 'handelsdag', 'kauppapaiva', 'bokforingsdag', 'bogforingsdag', 'kirjauspaiva'],
  action: ['transaktionstyp', 'transaktionstype', 'transaksjonstype', 'tapahtumatyyppi'],
  security: ['vardepapper', 'vaerdipapirer', 'verdipapir', 'arvopaperi'],
  amount: ['belopp', 'belob', 'belop', 'summa'],
};
const A = GENERIC_ALIASES;

// "Koop 1 @ 33,9 USD", "Compra 6 ISHARES MSCI WOR A@49,785 EUR (IE00B4L5Y983)", "Sell 4 AVIVA@496 GBX".
const DEGIRO_TRADE = /\b(koop|buy|achat|compra|kauf|verkoop|sell|vente|venta|verkauf)\s+([\d.,]+)\s[^@]*?@\s*([\d.,]+)\s*([A-Z]{3})/i;

/** Every preset, in detection order; `generic` last. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'fidelity-positions',
    label: 'Fidelity positions (Portfolio_Positions)',
    kind: 'positions',
    detect: (n) => has(n, 'account number', 'symbol', 'quantity', 'last price', 'current value'),
    aliases: {
      account: ['account name'],
      accountNumber: ['account number'],
      symbol: ['symbol'],
      description: ['description'],
      quantity: ['quantity'],
      price: ['last price'],
      marketValue: ['current value'],
      costBasis: ['cost basis total', 'cost basis'],
    },
    defaultAccount: 'Fidelity',
    currency: 'USD',
  },
  {
    id: 'fidelity-activity',
    label: 'Fidelity activity (account history)',
    kind: 'transactions',
    detect: (n) => has(n, 'run date', 'action', 'symbol', 'amount'),
    aliases: {
      date: ['run date'],
      account: ['account'],
      accountNumber: ['account number'],
      action: ['action'],
      symbol: ['symbol'],
      description: ['description'],
      quantity: ['quantity'],
      price: ['price'],
      amount: ['amount'],
      fees: ['fees'],
      currency: ['currency'],
    },
    defaultAccount: 'Fidelity',
    currency: 'USD',
  },
  {
    id: 'schwab-positions',
    label: 'Schwab positions',
    kind: 'positions',
    detect: (n, title) =>
      /positions for/i.test(title) || (has(n, 'symbol', 'market value', 'security type') && (n.has('quantity') || n.has('qty'))),
    aliases: {
      symbol: ['symbol'],
      description: ['description'],
      quantity: ['quantity', 'qty'],
      price: ['price'],
      marketValue: ['market value', 'mkt val'],
      costBasis: ['cost basis'],
      securityType: ['security type'],
    },
    readTitle(title) {
      let account: string | undefined;
      let asOf: string | undefined;
      for (const part of title.split(' | ')) {
        const m = /positions for (?:account\s+)?(.+?)\s+as of\s+(.+)$/i.exec(part);
        const named = m ? m[1] : /^(.*\.\.\.\d+)\s*$/.exec(part)?.[1];
        if (named && !/^all-?accounts$/i.test(named)) account = named.trim();
        const date = m ? /(\d{4})\/(\d{2})\/(\d{2})|(\d{2})\/(\d{2})\/(\d{4})/.exec(m[2]) : null;
        if (date) asOf = date[1] ? `${date[1]}-${date[2]}-${date[3]}` : `${date[6]}-${date[4]}-${date[5]}`;
      }
      return { account, asOf };
    },
    defaultAccount: 'Schwab',
    currency: 'USD',
  },
  {
    id: 'schwab-transactions',
    label: 'Schwab transactions',
    kind: 'transactions',
    detect: (n) => has(n, 'date', 'action', 'symbol', 'quantity', 'price', 'fees & comm', 'amount'),
    aliases: {
      date: ['date'],
      action: ['action'],
      symbol: ['symbol'],
      description: ['description'],
      quantity: ['quantity'],
      price: ['price'],
      fees: ['fees & comm'],
      amount: ['amount'],
    },
    defaultAccount: 'Schwab',
    currency: 'USD',
  },
  {
    id: 'vanguard',
    label: 'Vanguard download (holdings block)',
    kind: 'positions',
    detect: (n) => has(n, 'account number', 'investment name', 'symbol', 'shares', 'share price', 'total value'),
    aliases: {
      accountNumber: ['account number'],
      description: ['investment name'],
      symbol: ['symbol'],
      quantity: ['shares'],
      price: ['share price'],
      marketValue: ['total value'],
    },
    defaultAccount: 'Vanguard',
    currency: 'USD',
  },
  {
    id: 'ibkr-flex',
    label: 'Interactive Brokers Flex query',
    kind: 'transactions',
    detect: (n) => n.has('currencyprimary') && (n.has('buy/sell') || n.has('type')),
    aliases: {
      action: ['buy/sell', 'type'],
      date: ['tradedate', 'settledate', 'date/time'],
      symbol: ['symbol'],
      isin: ['isin'],
      description: ['description'],
      quantity: ['quantity'],
      price: ['tradeprice'],
      amount: ['amount', 'netcash'],
      currency: ['currencyprimary'],
      account: ['accountalias', 'clientaccountid'],
    },
    dateOrder: 'YMD',
    hasNoCash: true,
    skipsUnnamedTrades: true,
    defaultAccount: 'Interactive Brokers',
  },
  {
    id: 'trading212',
    label: 'Trading 212 history',
    kind: 'transactions',
    detect: (n) => has(n, 'action', 'time', 'isin', 'ticker', 'no. of shares', 'price / share'),
    aliases: {
      action: ['action'],
      date: ['time'],
      isin: ['isin'],
      symbol: ['ticker'],
      description: ['name'],
      quantity: ['no. of shares'],
      price: ['price / share'],
      priceCurrency: ['currency (price / share)'],
      amount: ['total'],
      currency: ['currency (total)'],
    },
    dateOrder: 'YMD',
    hasUnsignedAmounts: true,
    classify: (a) =>
      /split close|transfer out/i.test(a)
        ? 'shares-out'
        : /split open|distribution|transfer in/i.test(a)
          ? 'shares-in'
          : /conversion/i.test(a)
            ? 'ignore'
            : undefined,
    defaultAccount: 'Trading 212',
  },
  {
    id: 'degiro',
    label: 'DEGIRO account statement',
    kind: 'transactions',
    // The account statement's own columns (Mutatie, Saldo, FX), not only the names any Dutch history may have.
    detect: (n) =>
      (has(n, 'datum', 'product', 'isin', 'omschrijving') && (n.has('mutatie') || n.has('saldo') || n.has('fx'))) ||
      has(n, 'date', 'product', 'isin', 'description', 'fx'),
    aliases: { date: ['datum', 'date'], isin: ['isin'], description: ['product'], action: ['omschrijving', 'description'] },
    extraColumns(header) {
      const i = header.findIndex((h) => headerNames(h).some((n) => n === 'mutatie' || n === 'change'));
      // "Saldo" names the balance's currency; the running balance itself sits in the unnamed column after it.
      const b = header.findIndex((h) => headerNames(h).some((n) => n === 'saldo' || n === 'balance'));
      return { ...(i >= 0 && { currency: i, amount: i + 1 }), ...(b >= 0 && { balance: b + 1 }) };
    },
    dateOrder: 'DMY',
    decimal: ',',
    patchRow(_description, action) {
      const m = DEGIRO_TRADE.exec(action);
      if (!m) return undefined;
      const isSell = /verkoop|sell|vente|venta|verkauf/i.test(m[1]);
      // The numbers' own marks decide ("Buy 12 @ 41.50 USD" in an English export is 41.50, not 4,150).
      const trade = readTradeText(action, ',');
      if (!trade) return undefined;
      return { txClass: isSell ? 'sell' : 'buy', quantity: trade.quantity, price: trade.price, priceCurrency: trade.currency ?? m[4] };
    },
    defaultAccount: 'DEGIRO',
  },
  {
    id: 'revolut',
    label: 'Revolut stocks',
    kind: 'transactions',
    detect: (n) => has(n, 'date', 'ticker', 'type', 'quantity', 'price per share', 'total amount', 'currency'),
    aliases: {
      date: ['date'],
      symbol: ['ticker'],
      action: ['type'],
      quantity: ['quantity'],
      price: ['price per share'],
      amount: ['total amount'],
      currency: ['currency'],
    },
    dateOrder: 'YMD',
    hasUnsignedAmounts: true,
    classify: (a) => (/transfer from revolut .* to revolut/i.test(a) ? 'ignore' : undefined),
    defaultAccount: 'Revolut',
  },
  {
    id: 'freetrade',
    label: 'Freetrade activity',
    kind: 'transactions',
    detect: (n) => has(n, 'title', 'type', 'timestamp', 'buy / sell', 'ticker', 'isin'),
    aliases: {
      date: ['timestamp'],
      action: ['type'],
      side: ['buy / sell'],
      symbol: ['ticker'],
      isin: ['isin'],
      description: ['title'],
      quantity: ['quantity'],
      price: ['price per share in account currency'],
      amount: ['total amount'],
      currency: ['account currency'],
    },
    dateOrder: 'YMD',
    hasUnsignedAmounts: true,
    classify: (a) => (/^order$/i.test(a) ? null : /statement/i.test(a) ? 'ignore' : undefined),
    defaultAccount: 'Freetrade',
  },
  {
    id: 'robinhood',
    label: 'Robinhood account activity',
    kind: 'transactions',
    detect: (n) => has(n, 'activity date', 'process date', 'settle date', 'instrument', 'trans code'),
    aliases: {
      date: ['activity date'],
      symbol: ['instrument'],
      description: ['description'],
      action: ['trans code'],
      quantity: ['quantity'],
      price: ['price'],
      amount: ['amount'],
    },
    dateOrder: 'MDY',
    // Amounts are signed ("($925.00)" paid out); ACH is a deposit or a withdrawal by its sign; SPL adds the shares a
    // split gives.
    actionCodes: {
      BUY: 'buy',
      SELL: 'sell',
      CDIV: 'income',
      MDIV: 'income',
      INT: 'income',
      SLIP: 'income',
      ACH: 'cash',
      RTP: 'cash',
      GOLD: 'fee',
      AFEE: 'fee',
      DFEE: 'fee',
      DTAX: 'fee',
      SPL: 'split',
      SPR: 'split',
      REC: 'shares-in',
      ACATI: 'shares-in',
      ACATO: 'shares-out',
    },
    defaultAccount: 'Robinhood',
    currency: 'USD',
  },
  {
    id: 'etrade',
    label: 'E*TRADE transaction history',
    kind: 'transactions',
    // The older download (TransactionDate, TransactionType…) and the 2025 "All Transactions" one (Activity/Trade Date…).
    detect: (n) =>
      has(n, 'transactiondate', 'transactiontype', 'securitytype', 'symbol', 'amount') ||
      has(n, 'activity/trade date', 'activity type', 'symbol', 'cusip', 'amount $'),
    aliases: {
      date: ['transactiondate', 'activity/trade date'],
      action: ['transactiontype', 'activity type'],
      securityType: ['securitytype'],
      symbol: ['symbol'],
      description: ['description'],
      quantity: ['quantity', 'quantity #'],
      price: ['price', 'price $'],
      amount: ['amount', 'amount $'],
    },
    dateOrder: 'MDY',
    actionCodes: { BOUGHT: 'buy', SOLD: 'sell', 'DIRECT DEBIT': 'withdrawal', ADJUSTMENT: 'cash' },
    defaultAccount: 'E*TRADE',
    currency: 'USD',
  },
  {
    id: 'merrill',
    label: 'Merrill Edge activity',
    kind: 'transactions',
    detect: (n) => has(n, 'symbol/cusip #', 'description 1', 'description 2'),
    aliases: {
      date: ['trade date'],
      account: ['account nickname'],
      accountNumber: ['account #'],
      action: ['description 1'],
      side: ['type'],
      description: ['description 2'],
      symbol: ['symbol/cusip #'],
      quantity: ['quantity'],
      price: ['price'],
      amount: ['amount'],
    },
    dateOrder: 'MDY',
    actionCodes: { 'FUNDS RECEIVED': 'deposit', 'FUNDS PAID': 'withdrawal', REINVESTMENT: 'buy' },
    skipRows: { column: 'pending/settled', pattern: /^pending$/i, reason: 'a pending transaction, not yet settled' },
    defaultAccount: 'Merrill',
    currency: 'USD',
  },
  {
    id: 'webull',
    label: 'Webull orders records',
    kind: 'transactions',
    detect: (n) => has(n, 'symbol', 'side', 'status', 'filled', 'total qty', 'avg price'),
    // The order's filled quantity at its average fill price; the placed quantity and limit price are not trades.
    aliases: {
      description: ['name'],
      symbol: ['symbol'],
      action: ['side'],
      quantity: ['filled'],
      price: ['avg price'],
      date: ['filled time'],
    },
    dateOrder: 'MDY',
    skipRows: {
      column: 'status',
      pattern: /^(cancell?ed|failed|rejected|expired|pending|working)$/i,
      reason: 'an order that was not filled',
    },
    hasNoCash: true,
    defaultAccount: 'Webull',
    currency: 'USD',
  },
  {
    id: 'interactive-investor',
    label: 'Interactive Investor transactions',
    kind: 'transactions',
    detect: (n) => has(n, 'settlement date', 'symbol', 'sedol', 'reference', 'debit', 'credit'),
    aliases: {
      date: ['date'],
      symbol: ['symbol'],
      quantity: ['quantity'],
      price: ['price'],
      description: ['description'],
      action: ['reference'],
      debit: ['debit'],
      credit: ['credit'],
      balance: ['running balance'],
    },
    dateOrder: 'DMY',
    classify: byContractReference,
    defaultAccount: 'Interactive Investor',
    currency: 'GBP',
  },
  {
    id: 'hargreaves-lansdown',
    label: 'Hargreaves Lansdown capital transaction history',
    kind: 'transactions',
    detect: (n) => has(n, 'trade date', 'settle date', 'reference', 'description', 'unit cost (p)', 'quantity'),
    // "Unit cost (p)" is in pence; "Value (£)" is the signed amount in pounds (money paid out negative).
    aliases: {
      date: ['trade date'],
      action: ['reference'],
      description: ['description'],
      quantity: ['quantity'],
      price: ['unit cost (p)'],
      amount: ['value (£)', 'value'],
    },
    dateOrder: 'DMY',
    // B… bought, S… sold (contract-note references); money in by card or Faster Payment, the platform fee, interest.
    actionCodes: { 'CARD WEB': 'deposit', FPC: 'deposit', 'MANAGE FEE': 'fee', INTEREST: 'income' },
    classify: byContractReference,
    patchRow: (_description, reference) => (/^[BS]\d/i.test(reference) ? { priceCurrency: 'GBX' } : undefined),
    namesByDescription: true,
    defaultAccount: 'Hargreaves Lansdown',
    currency: 'GBP',
  },
  {
    id: 'scalable-capital',
    label: 'Scalable Capital transactions',
    kind: 'transactions',
    detect: (n) => has(n, 'date', 'time', 'status', 'reference', 'assettype', 'type', 'isin', 'shares', 'amount', 'currency'),
    aliases: {
      date: ['date'],
      action: ['type'],
      isin: ['isin'],
      description: ['description'],
      quantity: ['shares'],
      price: ['price'],
      amount: ['amount'],
      currency: ['currency'],
    },
    dateOrder: 'YMD',
    decimal: ',',
    actionCodes: { DISTRIBUTION: 'income', TAXES: 'fee', 'TAX REFUND': 'income', 'CORPORATE ACTION': 'shares' },
    skipRows: { column: 'status', pattern: /^(cancell?ed|rejected|expired|pending)$/i, reason: 'a transaction that was not executed' },
    defaultAccount: 'Scalable Capital',
  },
  {
    id: 'nordnet',
    label: 'Nordnet transactions (Swedish, Danish, Norwegian or Finnish)',
    kind: 'transactions',
    detect: (n) => has(n, 'id', 'isin') && hasAny(n, ...NORDNET.action) && hasAny(n, ...NORDNET.security),
    // Holdings are keyed by ISIN: the security column holds Nordnet's short name ("INVE B"), not a market ticker.
    aliases: {
      date: NORDNET.date,
      account: ['depa', 'depot', 'portefolje', 'salkku'],
      action: NORDNET.action,
      description: NORDNET.security,
      isin: ['isin'],
      quantity: ['antal', 'antall', 'maara'],
      price: ['kurs', 'kurssi'],
      amount: NORDNET.amount,
      balance: ['saldo'],
    },
    // Two columns are named "Valuta": the fee's and the amount's; the amount's follows the amount.
    extraColumns: (header) => {
      const currency = columnAfter(header, ...NORDNET.amount);
      return currency >= 0 ? { currency } : {};
    },
    dateOrder: 'YMD',
    decimal: ',',
    defaultAccount: 'Nordnet',
  },
  {
    id: 'questrade',
    label: 'Questrade account activities',
    kind: 'transactions',
    detect: (n) => has(n, 'transaction date', 'action', 'symbol', 'gross amount', 'net amount', 'activity type'),
    aliases: {
      date: ['transaction date'],
      action: ['action'],
      // The activity type names what a row with no action code is ("Dividends", "Interest").
      side: ['activity type'],
      symbol: ['symbol'],
      description: ['description'],
      quantity: ['quantity'],
      price: ['price'],
      amount: ['net amount'],
      currency: ['currency'],
      accountNumber: ['account #'],
      account: ['account type'],
    },
    dateOrder: 'YMD',
    actionCodes: {
      CON: 'deposit',
      DEP: 'deposit',
      WDR: 'withdrawal',
      EFT: 'withdrawal',
      DIV: 'income',
      REI: 'buy',
      FCH: 'fee',
      LFJ: 'fee',
      FXT: 'cash',
      BRW: 'shares',
      TFI: 'shares-in',
      TFO: 'shares-out',
      NAC: 'shares',
      DIS: 'shares-in',
    },
    defaultAccount: 'Questrade',
  },
  {
    id: 'wealthsimple',
    label: 'Wealthsimple activities',
    kind: 'transactions',
    detect: (n) => has(n, 'transaction date', 'activity type', 'activity sub type', 'net cash amount'),
    aliases: {
      date: ['transaction date'],
      accountNumber: ['account id'],
      account: ['account type'],
      action: ['activity sub type'],
      side: ['activity type'],
      symbol: ['symbol'],
      description: ['name'],
      currency: ['currency'],
      quantity: ['quantity'],
      price: ['unit price'],
      amount: ['net cash amount'],
    },
    dateOrder: 'YMD',
    // The sub type says what a trade or a money movement was; rows without one are named by their type.
    actionCodes: {
      DRIP: 'buy',
      EFT: 'cash',
      CONTRIBUTION: 'deposit',
      WITHDRAWAL: 'withdrawal',
      FXEXCHANGE: 'cash',
      CONSOLIDATION: 'split',
      SPLIT: 'split',
    },
    defaultAccount: 'Wealthsimple',
  },
  {
    id: 'generic',
    label: 'Generic CSV',
    kind: 'positions',
    detect: () => true,
    aliases: A,
  },
];

/** Looks a preset up by id. */
export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** Picks the preset whose fingerprint the header matches; `generic` when none does. */
export function detectPreset(header: readonly string[], title: string): Preset {
  const names = new Set(header.flatMap(headerNames));
  return PRESETS.find((p) => p.detect(names, title)) ?? PRESETS[PRESETS.length - 1];
}

/** The column mapping a preset implies for a header. */
export function presetColumns(preset: Preset, header: readonly string[]): Partial<Record<ImportField, number>> {
  return { ...mapColumns(header, preset.aliases), ...preset.extraColumns?.(header) };
}
