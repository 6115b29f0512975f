import { FirstSeen } from './first-seen';
import { failure } from '../failure';
import { classifyAction, isUndirectedTrade, movesShares, signAmount } from './actions';
import { guessDateOrder, parseDate } from './dates';
import { currencyCode, currencyInCell, isCurrencyCell, isIsin, isinIn, splitPair, tickerInName } from './identifiers';
import { derivePositions } from './derive';
import type { CashFlow } from './derive-cash';
import { findBlocks, hashText, type Block } from './layout';
import { GENERIC_ALIASES, headerLanguage, headerNames, normaliseHeader } from './headers';
import { guessDecimalStyle, readNumber } from './numbers';
import { isFooterRow, rowReader, type RowContext } from './normalise';
import { detectPreset, findPreset, presetColumns, PRESETS, type Preset } from './presets';
import { stripBom } from './decode';
import { filledCount, isBlankRow, readTable, type Rows } from './table';
import { nameFindings, positionFindings } from './findings';
import { IMPORT_FIELDS } from './types';
import type {
  ColumnMapping,
  HistoryShortfall,
  ImportField,
  ImportFindingDraft,
  ImportKind,
  ImportPosition,
  ImportPreview,
  ImportRecord,
  ImportRefusal,
  ImportRefusalCode,
  PipelineOptions,
  PipelineResult,
  RowOutcome,
} from './types';
import { summarise, toPosition } from './summary';

type RefusalExtra = Omit<Partial<ImportRefusal>, 'code' | 'message'>;

function refuse(fileName: string, code: ImportRefusalCode, message: string, extra: RefusalExtra = {}): PipelineResult {
  return failure({ code, message: `${rowPlace(fileName, extra.row, extra.column, extra.header)}: ${message}`, ...extra });
}

/**
 * Where a refusal points: 'file.csv, row 3, column "Antal"', or, for a field no column of the header holds (the row
 * was read without it), "file.csv, row 3 (no column holds the quantity)" rather than a column the file does not have.
 */
export function rowPlace(fileName: string, row?: number, column?: string, header?: readonly string[]): string {
  if (row === undefined) return fileName;
  if (!column) return `${fileName}, row ${row}`;
  const isUnmappedField = header !== undefined && !header.includes(column) && (IMPORT_FIELDS as readonly string[]).includes(column);
  return isUnmappedField
    ? `${fileName}, row ${row} (no column holds ${FIELD_WORDS[column as ImportField] ?? `the ${column}`})`
    : `${fileName}, row ${row}, column "${column}"`;
}

/** A header cell as the user types it after --map: quoted when it holds spaces or shell characters. */
function quoted(cell: string): string {
  return /^[\p{L}\p{N}._-]+$/u.test(cell) ? cell : `"${cell.replace(/"/g, '\\"')}"`;
}

const FIELD_WORDS: Partial<Record<ImportField, string>> = {
  symbol: 'the symbol (a ticker or an ISIN)',
  quantity: 'the quantity',
  price: 'the price',
  marketValue: 'the market value',
  action: 'the action (Buy, Sell, Dividend…)',
  date: 'the date',
};

/** How well a column's sample cells fit a field: the share of filled cells that read as that field's values. */
function fitOf(
  field: ImportField,
  cells: readonly string[],
  decimal: ColumnMapping['decimal'],
  dateOrder: ColumnMapping['dateOrder'],
): number {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length === 0) return 0;
  const fits = (test: (c: string) => boolean) => filled.filter(test).length / filled.length;
  if (field === 'quantity' || field === 'price' || field === 'marketValue' || field === 'amount') {
    return fits((c) => {
      const n = readNumber(c, decimal);
      return n !== undefined && n !== null;
    });
  }
  if (field === 'date') return fits((c) => parseDate(c, dateOrder) !== null);
  // A ticker has a letter and is no action word or currency: "11:37:41", "0.6", "BUY" and "EUR" are not symbols.
  if (field === 'symbol')
    return fits(
      (c) =>
        (/^[A-Z0-9.:-]{1,12}( [A-Z])?$/.test(c) && /[A-Z]/.test(c) && !isCurrencyCell(c) && classifyAction(c) === null) ||
        splitPair(c) !== null ||
        isinIn(c) !== null,
    );
  if (field === 'action')
    return fits((c) => /^[\p{L} ./-]{2,40}$/u.test(c)) * (new Set(filled).size <= Math.max(12, filled.length / 3) ? 1 : 0);
  return 0;
}

// Columns of row identifiers ("Reference": TXN-001, "Transaction ID", "Tx-ID"): codes, but never a holding's symbol.
const ROW_ID = /^(id|ref|ref\.|reference|txid|tx-id|hash)$|\b(id|reference|hash|txid)$/;

/** Unmapped columns whose cells fit a field, best first: the names to put after --map. */
function candidates(field: ImportField, header: readonly string[], mapping: ColumnMapping, sample: readonly string[][]): string[] {
  const used = new Set(Object.values(mapping.columns));
  return header
    .map((name, i) => ({
      name,
      i,
      fit:
        used.has(i) || !name || (field === 'symbol' && ROW_ID.test(normaliseHeader(name)))
          ? 0
          : fitOf(
              field,
              sample.map((r) => r[i] ?? ''),
              mapping.decimal,
              mapping.dateOrder,
            ),
    }))
    .filter((c) => c.fit >= 0.6)
    .sort((a, b) => b.fit - a.fit || a.i - b.i)
    .slice(0, 3)
    .map((c) => c.name);
}

/**
 * Columns found by their values where no header name says what they hold (generic layout only): ISINs in a column
 * or inside names ("Fund / IE00BK5BQT80"), symbols written with their currency ("AMD/USD").
 */
function inferColumns(columns: Partial<Record<ImportField, number>>, header: readonly string[], sample: readonly string[][]): void {
  const share = (i: number, test: (c: string) => boolean) => {
    const filled = sample.map((r) => (r[i] ?? '').trim()).filter((c) => c !== '');
    return filled.length === 0 ? 0 : filled.filter(test).length / filled.length;
  };
  if (!sample.some((r) => !isBlankRow(r))) return;
  // A number column of currency codes ("Lokale waarde": USD) names the currency; the amount is in the unnamed column after it.
  for (const field of ['marketValue', 'amount', 'price', 'costBasis'] as const) {
    const i = columns[field];
    if (i === undefined || share(i, isCurrencyCell) < 0.8) continue;
    if (columns.currency === undefined) columns.currency = i;
    const isNextFree = header[i + 1] !== undefined && header[i + 1].trim() === '' && !Object.values(columns).includes(i + 1);
    if (isNextFree) columns[field] = i + 1;
    else delete columns[field];
  }
  // Several currency columns (Nordnet: one after each amount): the one right after the amount is the cash's currency.
  if (columns.currency !== undefined && columns.amount !== undefined) {
    const name = normaliseHeader(header[columns.currency]);
    if (normaliseHeader(header[columns.amount + 1] ?? '') === name && columns.currency !== columns.amount + 1)
      columns.currency = columns.amount + 1;
  }
  // Number columns whose cells are mostly not numbers ("Value Date": 02-Apr-2025) are not that number; dates are the date.
  for (const field of ['quantity', 'price', 'marketValue', 'costBasis', 'amount', 'fees', 'balance'] as const) {
    const i = columns[field];
    if (i === undefined) continue;
    // Blank markers ("-", "n/a") are no evidence either way.
    if (share(i, (c) => readNumber(c, '.') !== undefined || parseDate(c, 'DMY') === null) >= 0.5) continue;
    delete columns[field];
    if (columns.date === undefined && share(i, (c) => parseDate(c, 'DMY') !== null) >= 0.8) columns.date = i;
  }
  // A "currency" column of numbers ("Currency Rate": 1.0000000000) is an exchange rate, not the currency.
  if (columns.currency !== undefined && share(columns.currency, (c) => readNumber(c, '.') !== undefined && !isCurrencyCell(c)) >= 0.8)
    delete columns.currency;
  // A "currency" column of dates (German "Valuta", the value date; Dutch and Swedish "valuta" is the currency) is no
  // currency: a column of currency codes under a currency name ("Whrg.") takes its place.
  if (columns.currency !== undefined && share(columns.currency, (c) => parseDate(c, 'DMY') !== null) >= 0.8) {
    const used = new Set(Object.values(columns));
    const codes = header.findIndex(
      (h, i) =>
        !used.has(i) &&
        headerNames(h).some((n) => GENERIC_ALIASES.currency.includes(n)) &&
        sample.some((r) => (r[i] ?? '').trim() !== '') &&
        share(i, isCurrencyCell) >= 0.8,
    );
    delete columns.currency;
    if (codes >= 0) columns.currency = codes;
  }
  // An unnamed column of currency codes right after a number (flatex: "Betrag;;Kurs;;" with EUR under each blank name)
  // is that number's currency: the amount's is the cash's, the price's the price's.
  for (const [field, target] of [
    ['amount', 'currency'],
    ['marketValue', 'currency'],
    ['price', 'priceCurrency'],
  ] as const) {
    const i = columns[field];
    if (i === undefined || columns[target] !== undefined || (header[i + 1] ?? 'x').trim() !== '') continue;
    if (Object.values(columns).includes(i + 1) || share(i + 1, isCurrencyCell) < 0.8) continue;
    columns[target] = i + 1;
  }
  // Text columns that hold currency codes ("Devise du compte": CAN, "Instrumentvaluta": SEK) name the currency, not the account or symbol.
  for (const field of ['account', 'symbol'] as const) {
    const i = columns[field];
    if (i === undefined || share(i, isCurrencyCell) < 0.8) continue;
    delete columns[field];
    if (columns.currency === undefined) columns.currency = i;
  }
  // A symbol column of names ("Instrument": Vanguard FTSE All-World UCITS ETF) gives way to one of tickers ("Instrument Symbol").
  const isTicker = (c: string) => /^[A-Za-z0-9.:-]{1,16}( [A-Z])?$/.test(c) || splitPair(c) !== null;
  if (columns.symbol !== undefined && share(columns.symbol, isTicker) < 0.5) {
    const used = new Set(Object.values(columns));
    const better = header.findIndex(
      (h, i) => !used.has(i) && /symbol|ticker|symbool|symbole|simbolo|kortnamn/.test(normaliseHeader(h)) && share(i, isTicker) >= 0.8,
    );
    if (better >= 0) {
      // The names are the holdings' names, better than whatever else was taken for them ("Exchange Description").
      columns.description = columns.symbol;
      columns.symbol = better;
    }
  }
  // A date column mostly empty or "-" (Disnat's trade date) gives way to one that is always filled (the settlement date).
  if (columns.date !== undefined && share(columns.date, (c) => parseDate(c, 'DMY') !== null || parseDate(c, 'MDY') !== null) < 0.9) {
    const used = new Set(Object.values(columns));
    const filled = (i: number) => sample.filter((r) => (r[i] ?? '').trim() !== '').length;
    const better = header.findIndex(
      (h, i) =>
        !used.has(i) &&
        filled(i) >= filled(columns.date!) &&
        share(i, (c) => parseDate(c, 'DMY') !== null || parseDate(c, 'MDY') !== null) >= 0.9 &&
        sample.length > 0,
    );
    if (better >= 0 && share(columns.date, (c) => parseDate(c, 'DMY') !== null) < share(better, (c) => parseDate(c, 'DMY') !== null))
      columns.date = better;
  }
  // An action column of dates (Fineco's "Operazione", the day of the operation) is the trade date, which beats a
  // value or settlement date ("Data valuta").
  if (columns.action !== undefined && share(columns.action, (c) => parseDate(c, 'DMY') !== null) >= 0.8) {
    const dateName = columns.date === undefined ? '' : normaliseHeader(header[columns.date]);
    if (columns.date === undefined || /valuta|value date|settle|wertstellung|valeur|valor|valutadag/.test(dateName))
      columns.date = columns.action;
    delete columns.action;
  }
  // A dated file with no action column whose words are actions in a text column ("Omschrijving": Aankoop, Verkoop;
  // "Beschreibung": Kauf; Fineco's "Descrizione": Compravendita titoli next to an A/V "Segno") is a history, and that
  // column is its action. The description column is a candidate too: it then holds the action, not the name.
  if (columns.action === undefined && columns.date !== undefined) {
    const used = new Set(
      Object.entries(columns)
        .filter(([f]) => f !== 'description')
        .map(([, i]) => i),
    );
    let best = -1;
    let bestShare = 0.6;
    for (let i = 0; i < header.length; i++) {
      if (used.has(i)) continue;
      const fit = share(i, (c) => readNumber(c, '.') === undefined && (classifyAction(c) !== null || isUndirectedTrade(c)));
      if (fit > bestShare) [best, bestShare] = [i, fit];
    }
    if (best >= 0 && (columns.side === undefined || best === columns.description || bestShare >= 0.8)) {
      columns.action = best;
      if (columns.description === best) {
        // The name is then in another column named as one ("Titolo").
        delete columns.description;
        const name = header.findIndex(
          (h, i) => !used.has(i) && i !== best && headerNames(h).some((n) => GENERIC_ALIASES.description.includes(n)),
        );
        if (name >= 0) columns.description = name;
      }
    }
  }
  // In a history the value column is the amount of each row ("Waarde (netto)", "Value").
  if (columns.action !== undefined && columns.date !== undefined && columns.amount === undefined && columns.marketValue !== undefined) {
    columns.amount = columns.marketValue;
    delete columns.marketValue;
  }
  // With an ISIN column, a "security" column of names ("Wertpapier": SAP SE, "Værdipapir": NOVO NORDISK B) holds the
  // holding's name, not a ticker: the ISIN names the holding (and finds its ticker through the ISIN table), the cell
  // its name. Short codes ("INVE B", "NOKIA") stay the symbol.
  if (
    columns.symbol !== undefined &&
    columns.isin !== undefined &&
    /^(wertpapier|vardepapper|vaerdipapir|vaerdipapirer|verdipapir|arvopaperi|ativo|titolo|valeur|instrument|security|stock)$/.test(
      normaliseHeader(header[columns.symbol]),
    ) &&
    share(columns.symbol, (c) => /^[A-Z0-9.:-]{1,16}( [A-Z])?$/.test(c)) < 0.8
  ) {
    if (columns.description === undefined) columns.description = columns.symbol;
    delete columns.symbol;
  }
  // A column of bare ISINs under a name that says nothing ("identifier": LU2089238203) is the ISIN column.
  if (columns.isin === undefined) {
    const used = new Set(Object.values(columns));
    const found = header.findIndex((_, i) => !used.has(i) && share(i, (c) => isIsin(c.toUpperCase())) >= 0.8);
    if (found >= 0) columns.isin = found;
  }
  // No symbol or ISIN column, but names that end in their ticker ("S&P 500 UCITS ETF - Accumulating (VUAG)", Vanguard
  // UK): that column names each holding by the ticker in its parentheses (the name column, not the action's text).
  // Most of its cells, not all: a total line under the table ("Cost", 96,845.75) is among the sample.
  if (columns.symbol === undefined && columns.isin === undefined) {
    const used = new Set(
      Object.entries(columns)
        .filter(([f]) => f !== 'description')
        .map(([, i]) => i),
    );
    const found = header.findIndex((_, i) => !used.has(i) && share(i, (c) => tickerInName(c) !== null) >= 0.6);
    if (found >= 0) columns.symbol = found;
  }
  // A WKN or Valor number is no ticker: with an ISIN column, the ISIN names the holding.
  if (
    columns.symbol !== undefined &&
    columns.isin !== undefined &&
    /^(wkn|valor|valoren|valorennummer)$/.test(normaliseHeader(header[columns.symbol]))
  )
    delete columns.symbol;
  // A "currency" column of coins and tickers (Bitvavo's "Currency": ETH, BTC, and EUR on its deposits) with no symbol
  // column: it names what each row moves, counted in the "Amount" next to it — the symbol and the quantity. The
  // money is then in another amount column ("Received / Paid Amount"), in the currency another column names
  // ("Quote Currency"). Only with a price column (Bitvavo's "Quote Price"): a ledger without one (Crypto.com's, whose
  // "To Amount" counts another coin and "Native Amount" values the row) is not read this way.
  if (
    columns.price !== undefined &&
    columns.symbol === undefined &&
    columns.isin === undefined &&
    columns.currency !== undefined &&
    columns.quantity === undefined &&
    columns.amount !== undefined &&
    share(columns.currency, isCurrencyCell) < 0.5 &&
    share(columns.currency, (c) => /^[A-Z0-9]{2,10}$/.test(c) && /[A-Z]/.test(c)) >= 0.8
  ) {
    columns.symbol = columns.currency;
    columns.quantity = columns.amount;
    delete columns.currency;
    delete columns.amount;
    const taken = new Set(Object.values(columns));
    const named = (test: RegExp) =>
      header.findIndex(
        (h, i) =>
          !taken.has(i) &&
          !/\bfees?\b/.test(normaliseHeader(h)) &&
          test.test(normaliseHeader(h)) &&
          sample.some((r) => (r[i] ?? '').trim() !== ''),
      );
    const codes = named(/\bcurrency\b/);
    if (codes >= 0 && share(codes, isCurrencyCell) >= 0.8) columns.currency = codes;
    const money = named(/\bamount\b/);
    if (money >= 0) columns.amount = money;
  }
  if (columns.symbol !== undefined || columns.isin !== undefined) return;
  // A "currency" column of pairs (Relai's "Currency Pair": BTC/CHF) names the holding and its currency: it is the
  // symbol, and a column of currency codes under a currency name ("Fiat Currency") the currency.
  if (columns.currency !== undefined && share(columns.currency, (c) => splitPair(c) !== null) >= 0.8) {
    columns.symbol = columns.currency;
    delete columns.currency;
    const taken = new Set(Object.values(columns));
    const codes = header.findIndex(
      (h, i) => !taken.has(i) && /currency|valuta|wahrung|devise|divisa|moneda/.test(normaliseHeader(h)) && share(i, isCurrencyCell) >= 0.8,
    );
    if (codes >= 0) columns.currency = codes;
    // Numbers named after the holding ("BTC Amount", "BTC Price") are its quantity and price, the other amount
    // ("Fiat Amount (excl. fees)") the money.
    const pairs = columns.symbol;
    const bases = new Set(sample.map((r) => splitPair((r[pairs] ?? '').trim())?.symbol.toUpperCase()).filter(Boolean));
    header.forEach((h, i) => {
      const m = /^(\S+) (amount|quantity|price)$/.exec(normaliseHeader(h));
      if (!m || !bases.has(m[1].toUpperCase())) return;
      const field = m[2] === 'price' ? 'price' : 'quantity';
      for (const [f, at] of Object.entries(columns)) if (at === i) delete columns[f as ImportField];
      columns[field] = i;
    });
    if (columns.amount === undefined) {
      const taken = new Set(Object.values(columns));
      const money = header.findIndex((h, i) => !taken.has(i) && headerNames(h).some((n) => /\bamount\b/.test(n)));
      if (money >= 0) columns.amount = money;
    }
    return;
  }
  const used = new Set(
    Object.entries(columns)
      .filter(([f]) => f !== 'description')
      .map(([, i]) => i),
  );
  for (let i = 0; i < header.length; i++) {
    if (used.has(i)) continue;
    if (share(i, (c) => splitPair(c) !== null) >= 0.5) {
      columns.symbol = i;
      if (columns.description === i) delete columns.description;
      return;
    }
  }
  for (let i = 0; i < header.length; i++) {
    if (used.has(i)) continue;
    if (share(i, (c) => isinIn(c) !== null) >= 0.5) {
      // A column of bare ISINs is the ISIN; a name with the ISIN inside is read as the symbol cell, which yields both.
      if (share(i, (c) => isIsin(c.toUpperCase())) >= 0.5) columns.isin = i;
      else columns.symbol = i;
      return;
    }
  }
}

// An order log (Investimental's "Order ID" with "Update Type" New, Chg, Fil) lists each order at every change: its
// column names, and the states of an order that made no trade (yet). A trade history lists fills, all of them done.
const ORDER_ID = /^(order (id|number|no\.?|#|ref|reference)|ordernummer|auftragsnummer|order-id|numero d'ordre|id ordine)$/;
const ORDER_STATE = /^(update type|order status|status|state|order state|auftragsstatus|statut|stato)$/;
const OPEN_STATE =
  /^(new|active|working|open|pending|placed|submitted|chg|changed?|modified|amended|replaced|cancell?ed|neu|offen|nouveau|ouvert)$/i;

/**
 * The order an order log lists at several of its states, with the rows and states, or null for any other file: an
 * order shown both working and changed is counted once per row by a reading of trades, so such a file is refused.
 */
function orderLog(
  header: readonly string[],
  sample: readonly string[][],
): { id: string; rows: number[]; states: string[]; idName: string; stateName: string } | null {
  const names = header.map(normaliseHeader);
  const idAt = names.findIndex((n) => ORDER_ID.test(n));
  if (idAt < 0) return null;
  for (let stateAt = 0; stateAt < names.length; stateAt++) {
    if (!ORDER_STATE.test(names[stateAt])) continue;
    const byOrder = new Map<string, { rows: number[]; states: Set<string> }>();
    sample.forEach((r, k) => {
      const id = (r[idAt] ?? '').trim();
      if (!id) return;
      const entry = byOrder.get(id) ?? { rows: [], states: new Set<string>() };
      entry.rows.push(k);
      entry.states.add((r[stateAt] ?? '').trim());
      byOrder.set(id, entry);
    });
    const logged = [...byOrder].filter(([, e]) => e.rows.length > 1 && e.states.size > 1 && [...e.states].some((s) => OPEN_STATE.test(s)));
    if (logged.length >= 2) {
      const [id, entry] = logged[0];
      return { id, rows: entry.rows, states: [...entry.states], idName: header[idAt], stateName: header[stateAt] };
    }
  }
  return null;
}

/**
 * Whether text is a binary file read as text: NULs and control characters. A replacement character (U+FFFD, "�")
 * in text that is otherwise clean is a letter lost before the file reached us (flatex's "St�ck"), not binary data:
 * only a text made mostly of them is refused.
 */
// A trade written as two legs, each a number and the currency or coin it counts: "Buy" + "Cur." and "Sell" + "Cur."
// (CoinTracking), "Base amount" + "Base currency" and "Quote amount" + "Quote currency" (Delta), "Sent Amount" +
// "Sent Currency" (Koinly).
const LEG = /^(buy|sell|bought|sold|base|quote|sent|received|incoming|outgoing|in|out)( amount| quantity| qty)?$/;
const LEG_UNIT = /(^|\s)(cur\.?|currency|asset|coin)(\s|$)/;

/**
 * The legs of a file that writes each trade as two legs in which a coin or security appears on both sides (bought
 * with money on one row, sold for it or paid with on another): no column is the holding, so no mapping reads it.
 */
function twoLegged(header: readonly string[], sample: readonly string[][]): { legs: string[]; unit: string; rows: number[] } | null {
  const legs: { name: string; unitAt: number }[] = [];
  header.forEach((h, i) => {
    const next = header[i + 1];
    if (next !== undefined && LEG.test(normaliseHeader(h)) && headerNames(next).some((n) => LEG_UNIT.test(n)))
      legs.push({ name: `"${h}" with its "${next}"`, unitAt: i + 1 });
  });
  if (legs.length < 2) return null;
  const seenIn = new Map<string, Map<number, number>>();
  sample.forEach((r, k) => {
    for (const leg of legs) {
      const unit = (r[leg.unitAt] ?? '')
        .trim()
        .replace(/\s*\(.*\)$/, '')
        .toUpperCase();
      if (!unit || isCurrencyCell(unit)) continue;
      const where = seenIn.get(unit) ?? new Map<number, number>();
      if (!where.has(leg.unitAt)) where.set(leg.unitAt, k);
      seenIn.set(unit, where);
    }
  });
  for (const [unit, where] of seenIn)
    if (where.size >= 2)
      return {
        legs: legs.map((l) => l.name),
        unit,
        rows: [...where.values()].sort((a, b) => a - b),
      };
  return null;
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let bad = 0;
  let lost = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad++;
    else if (c === 0xfffd) lost++;
  }
  return bad > Math.max(2, sample.length / 100) || lost > Math.max(2, sample.length / 10);
}

/** The warning for letters the file lost before it was read ("St�ck"), or null. */
function lostLettersWarning(text: string): string | null {
  const lost = text.match(/\uFFFD/g)?.length ?? 0;
  if (lost === 0) return null;
  return `The file holds ${lost} character${lost === 1 ? '' : 's'} shown as "\uFFFD": letters lost when it was saved in another encoding (such as "St\uFFFDck" for "Stück"). The numbers, dates and codes were read; names that hold one keep it.`;
}

function guessMapping(preset: Preset, block: Block, rows: Pick<Rows, 'slice'>): ColumnMapping {
  const columns = presetColumns(preset, block.header);
  const sample = rows.slice(block.headerIndex + 1, Math.min(block.end, block.headerIndex + 200));
  if (preset.id === 'generic') inferColumns(columns, block.header, sample);
  const numberCells = sample.flatMap((r) =>
    (['quantity', 'price', 'marketValue', 'amount'] as const).map((f) => (columns[f] === undefined ? '' : (r[columns[f]] ?? ''))),
  );
  // Trade text ("Koop 1,5 @ 97,38 EUR") tells the decimal mark when no number column does.
  const textCells =
    columns.quantity === undefined && columns.description !== undefined
      ? sample.flatMap((r) => (r[columns.description!] ?? '').match(/\d+[.,]\d+/g) ?? [])
      : [];
  // No decimal mark in the mapped number columns (whole quantities, or the price column not found yet): every cell of
  // the sample is the evidence, so "140,20" in a column still to be chosen sets the decimal comma.
  const hasMark = [...numberCells, ...textCells].some((c) => /\d[.,]\d/.test(c));
  const evidence = hasMark ? [...numberCells, ...textCells] : sample.flat();
  const dates = columns.date === undefined ? [] : sample.map((r) => r[columns.date!] ?? '');
  return {
    columns,
    // "02/01/2024" with nothing to settle it: month first under an English header (US files), day first under the
    // header of any other language the import reads (every one of them writes the day first).
    dateOrder: preset.dateOrder ?? guessDateOrder(dates, headerLanguage(block.header) === 'English' ? 'MDY' : 'DMY'),
    decimal: preset.decimal ?? guessDecimalStyle(evidence),
  };
}

/** The column a --map value names: a header cell (case and accents ignored) or a 1-based column number. */
function columnNamed(header: readonly string[], text: string): number | undefined {
  const wanted = normaliseHeader(text);
  const exact = header.findIndex((cell) => headerNames(cell)[0] === wanted);
  if (exact >= 0) return exact;
  if (/^\d{1,3}$/.test(text.trim())) {
    const n = Number(text.trim());
    return n >= 1 && n <= header.length ? n - 1 : undefined;
  }
  return undefined;
}

/** The guessed mapping with the user's --map columns, --locale decimal mark and date order over it, or a refusal. */
function withChoices(
  mapping: ColumnMapping,
  header: readonly string[],
  options: PipelineOptions,
  headerRow: number,
): ColumnMapping | PipelineResult {
  const columns = { ...mapping.columns };
  for (const [field, text] of Object.entries(options.columns ?? {}) as [ImportField, string][]) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(field)) {
      return refuse(
        options.fileName,
        'unknown-column',
        `"${field}" is not a field a column can be mapped to; use one of ${IMPORT_FIELDS.join(', ')}.`,
      );
    }
    if (text.trim() === '' || text.trim() === '-') {
      delete columns[field];
      continue;
    }
    const index = columnNamed(header, text);
    if (index === undefined) {
      return refuse(
        options.fileName,
        'unknown-column',
        `--map ${field}=${quoted(text)} names no column of the header on row ${headerRow}; its columns are ${header
          .filter(Boolean)
          .map((h) => `"${h}"`)
          .join(', ')} (or give a column number, 1 to ${header.length}).`,
        { header: [...header] },
      );
    }
    // A column chosen by hand feeds that field only.
    for (const [other, i] of Object.entries(columns)) if (i === index && other !== field) delete columns[other as ImportField];
    columns[field] = index;
  }
  return { columns, decimal: options.decimal ?? mapping.decimal, dateOrder: options.dateOrder ?? mapping.dateOrder };
}

function kindOf(preset: Preset, mapping: ColumnMapping): ImportKind {
  if (preset.id !== 'generic') return preset.kind;
  const c = mapping.columns;
  return (c.action !== undefined || c.side !== undefined) && c.date !== undefined ? 'transactions' : 'positions';
}

/**
 * The first field the kind of file needs and the mapping lacks, or null. A layout that names securities only by
 * description (Hargreaves Lansdown) needs the description instead of a symbol.
 */
function missingField(kind: ImportKind, mapping: ColumnMapping, namesByDescription = false): ImportField | null {
  const c = mapping.columns;
  if (c.symbol === undefined && c.isin === undefined && !(namesByDescription && c.description !== undefined)) return 'symbol';
  if (kind === 'positions' && c.quantity === undefined && c.marketValue === undefined) return 'quantity';
  if (kind === 'positions' && c.price === undefined && c.marketValue === undefined) return 'price';
  if (kind === 'transactions' && c.action === undefined && c.side === undefined) return 'action';
  if (kind === 'transactions' && c.date === undefined) return 'date';
  return null;
}

const EXPECTED_NAMES: Partial<Record<ImportField, string>> = {
  symbol: 'Symbol, Ticker, ISIN, WKN, Kortnamn, Symbole or Symbool',
  quantity: 'Quantity, Shares, Units, Antal, Anzahl, Stück, Quantité or Aantal',
  price: 'Price, Market Value, Kurs, Koers, Cours or Prezzo',
  action: 'Action, Type, Transaktionstyp, Transaktionsart, Opération or Omschrijving',
  date: 'Date, Trade Date, Datum, Affärsdag, Fecha or Data',
};

/** The refusal for a header that lacks a column: what the header is, what is missing, and the --map to try. */
function missingRefusal(
  field: ImportField,
  kind: ImportKind,
  block: Block,
  mapping: ColumnMapping,
  rows: Pick<Rows, 'slice'>,
  options: PipelineOptions,
  layoutKey: string,
): PipelineResult {
  const sample = rows.slice(block.headerIndex + 1, Math.min(block.end, block.headerIndex + 200));
  const language = headerLanguage(block.header);
  const names = block.header.filter(Boolean);
  const shown = names.slice(0, 8).join(', ') + (names.length > 8 ? ', …' : '');
  const found = candidates(field, block.header, mapping, sample);
  // Each suggestion is a whole fix: the candidate for this field, then the best candidates for whatever else the
  // file would still lack ("--map symbol=Papier --map price=Notierung"), so one command imports it.
  const suggestions = found.map((name) => {
    const columns = { ...mapping.columns, [field]: block.header.indexOf(name) };
    const flags = [`--map ${field}=${quoted(name)}`];
    for (let next = missingField(kind, { ...mapping, columns }); next && flags.length < 6;) {
      const [best] = candidates(next, block.header, { ...mapping, columns }, sample);
      if (!best) break;
      columns[next] = block.header.indexOf(best);
      flags.push(`--map ${next}=${quoted(best)}`);
      next = missingField(kind, { ...mapping, columns });
    }
    return flags.join(' ');
  });
  // A file about one holding that names it only in its column names ("Amount BTC", "Fee BTC", "BTC Price"): no
  // column can be chosen for it, and saying to choose one would not be true.
  const named = field === 'symbol' && !found.length ? holdingInNames(block.header) : null;
  if (named)
    return refuse(
      options.fileName,
      'missing-column',
      `line ${block.headerIndex + 1} is a header${language === 'English' ? '' : ` in ${language}`} (${shown}), but no column holds the symbol: the file names its holding ${named.unit} only in its column names (${named.names.map((n) => `"${n}"`).join(', ')}), so no column can be chosen for it with --map. Import a positions export, or a history whose rows name what they move.`,
      { header: [...block.header], layoutKey, suggestions: [] },
    );
  // A cash statement (a date, an amount and the balance after it, nothing counted in shares): no column to choose
  // would make it tell what is held.
  const c = mapping.columns;
  const isCashStatement =
    field === 'symbol' &&
    !found.length &&
    c.balance !== undefined &&
    c.amount !== undefined &&
    c.quantity === undefined &&
    c.price === undefined;
  if (isCashStatement)
    return refuse(
      options.fileName,
      'missing-column',
      `line ${block.headerIndex + 1} is the header of a cash statement (${shown}): each row is an amount of cash and the balance after it, with no column for a holding or its quantity, so it cannot tell what you hold. Import the export's table of investment transactions or holdings (the one with quantities), or a positions export.`,
      { header: [...block.header], layoutKey, suggestions: [] },
    );
  const guess = found.length
    ? ` ${found.map((n) => `"${n}"`).join(' or ')}? Choose it with ${suggestions[0]}`
    : ` Choose it with --map ${field}=COLUMN (one of the names above)`;
  const message =
    `line ${block.headerIndex + 1} is a header${language === 'English' ? '' : ` in ${language}`} (${shown}), but no column holds ${FIELD_WORDS[field]} (expected a name such as ${EXPECTED_NAMES[field]}).` +
    `${guess}, or choose the columns by hand in the app.`;
  return refuse(options.fileName, 'missing-column', message, { header: [...block.header], layoutKey, suggestions });
}

/** A code that is no currency and stands in two or more column names ("Amount BTC", "BTC Price"), or null. */
function holdingInNames(header: readonly string[]): { unit: string; names: string[] } | null {
  const byCode = new Map<string, string[]>();
  for (const name of header)
    for (const word of new Set(name.match(/\b[A-Z][A-Z0-9]{1,5}\b/g) ?? [])) {
      if (isCurrencyCell(word) || /^(ID|UTC|GMT|ISIN|WKN|TX|NO|NR)$/.test(word)) continue;
      byCode.set(word, [...(byCode.get(word) ?? []), name]);
    }
  for (const [unit, names] of byCode) if (names.length >= 2) return { unit, names };
  return null;
}

/** A column mapping guessed from a header line and the rows under it, for a mapping editor. */
export interface MappingGuess {
  /** The preset the header matches ("generic" when none). */
  format: string;
  formatLabel: string;
  kind: ImportKind;
  mapping: ColumnMapping;
  /** The first field this kind of file needs that no column gives, or null when the mapping is complete. */
  missing: ImportField | null;
  /** For each needed field no column gives: the unmapped columns whose values fit it, best first (header names). */
  candidates: Partial<Record<ImportField, string[]>>;
  /** The language the header is written in ("Swedish"; "English" when none stands out). */
  language: string;
}

/**
 * Guesses which column feeds each field from a header line and the rows under it, as an import would (presets first,
 * then the generic names in eleven languages and the columns' values), with the decimal mark and date order the
 * values show. For a mapping editor: it proposes, the user confirms, and the result goes back as `mapping`.
 */
export function guessColumnMapping(header: readonly string[], rows: readonly (readonly string[])[], format = 'auto'): MappingGuess {
  const cells = header.map((c) => c.trim());
  const preset = (format !== 'auto' && findPreset(format)) || detectPreset(cells, '');
  const table = [cells, ...rows.map((r) => [...r])];
  const block: Block = { headerIndex: 0, header: cells, end: table.length, title: '' };
  const mapping = guessMapping(preset, block, table);
  const kind = kindOf(preset, mapping);
  const sample = table.slice(1, 201);
  const candidatesByField: Partial<Record<ImportField, string[]>> = {};
  const needed: ImportField[] =
    kind === 'positions' ? ['symbol', 'quantity', 'price'] : ['symbol', 'action', 'date', 'quantity', 'price', 'amount'];
  for (const field of needed) {
    const isGiven =
      mapping.columns[field] !== undefined ||
      (field === 'symbol' && mapping.columns.isin !== undefined) ||
      ((field === 'quantity' || field === 'price') && kind === 'positions' && mapping.columns.marketValue !== undefined) ||
      (field === 'action' && mapping.columns.side !== undefined);
    if (!isGiven) candidatesByField[field] = candidates(field, cells, mapping, sample);
  }
  return {
    format: preset.id,
    formatLabel: preset.label,
    kind,
    mapping,
    missing: missingField(kind, mapping, preset.namesByDescription),
    candidates: candidatesByField,
    language: headerLanguage(cells),
  };
}

/** The currency most rows name in a column, or undefined. */
function mainCurrency(sample: readonly string[][], column: number | undefined): string | undefined {
  if (column === undefined) return undefined;
  const counts = new Map<string, number>();
  for (const row of sample) {
    const code = currencyCode(row[column] ?? '');
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * The table to read in a file of several (Vanguard UK: a cash table, then one of investment transactions): the first,
 * unless it lacks a column the import needs (the symbol, the quantity) and a later generic table has them all. Columns
 * chosen by name (--map) pick the table that has them when the one guessed does not; a mapping saved from a preview
 * (column numbers) belongs to the table that preview read, the one guessed.
 */
function tradesBlock(blocks: readonly Block[], rows: Pick<Rows, 'slice'>, options: PipelineOptions): number {
  if (blocks.length < 2) return 0;
  const guessed = guessedTradesBlock(blocks, rows);
  const names = Object.values(options.columns ?? {}).filter((n) => n.trim() !== '' && n.trim() !== '-');
  if (!names.length) return guessed;
  const named = blocks.flatMap((b, k) => (names.every((n) => columnNamed(b.header, n) !== undefined) ? [k] : []));
  if (!named.length) return guessed;
  // The first table made complete by the columns chosen for it is read, as before there was a choice of tables.
  const generic = findPreset('generic');
  if (generic && named[0] === 0 && guessed !== 0) {
    const chosen = withChoices(guessMapping(generic, blocks[0], rows), blocks[0].header, options, blocks[0].headerIndex + 1);
    if (!('ok' in chosen) && missingField(kindOf(generic, chosen), chosen) === null) return 0;
  }
  return named.includes(guessed) ? guessed : named[0];
}

function guessedTradesBlock(blocks: readonly Block[], rows: Pick<Rows, 'slice'>): number {
  const generic = findPreset('generic');
  if (!generic || detectPreset(blocks[0].header, blocks[0].title).id !== 'generic') return 0;
  const isComplete = (block: Block) => {
    const mapping = guessMapping(generic, block, rows);
    return missingField(kindOf(generic, mapping), mapping) === null && mapping.columns.quantity !== undefined;
  };
  if (isComplete(blocks[0])) return 0;
  const found = blocks.findIndex((b, k) => k > 0 && detectPreset(b.header, b.title).id === 'generic' && isComplete(b));
  return found < 0 ? 0 : found;
}

/**
 * Another table of the file that holds cash only (Vanguard UK's "Cash Transactions": a date, an amount and the balance
 * after it, no holding named), with its guessed mapping: its balance column is the account's cash.
 */
function cashTable(blocks: readonly Block[], read: Block, rows: Pick<Rows, 'slice'>): { block: Block; mapping: ColumnMapping } | null {
  const generic = findPreset('generic');
  if (!generic || read === blocks[0]) return null;
  for (const block of blocks) {
    if (block === read) continue;
    const mapping = guessMapping(generic, block, rows);
    const c = mapping.columns;
    const isCashOnly = c.symbol === undefined && c.isin === undefined && c.quantity === undefined;
    if (isCashOnly && c.date !== undefined && c.balance !== undefined && c.amount !== undefined) return { block, mapping };
  }
  return null;
}

/** A cash table's row as a cash flow (its date, amount and the balance after it), or null when it states none. */
function cashRow(cells: readonly string[], mapping: ColumnMapping): { date: string; amount: number; balance: number } | null {
  const { date: dateAt, amount: amountAt, balance: balanceAt } = mapping.columns;
  const date = parseDate((cells[dateAt!] ?? '').trim(), mapping.dateOrder);
  const balance = readNumber((cells[balanceAt!] ?? '').trim(), mapping.decimal);
  const amount = readNumber((cells[amountAt!] ?? '').trim(), mapping.decimal);
  if (!date || typeof balance !== 'number' || amount === undefined) return null;
  return { date, amount: amount ?? 0, balance };
}

/** An amount as the preview writes it: thousands separated, two decimals (13,616.68). */
const amountText = (amount: number) =>
  amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace('-', '\u2212');

/** What the preview says of the tables when a later one holds the trades: which was read, and where the cash is from. */
function otherTablesWarning(blocks: readonly Block[], read: Block, cash: { block: Block; balance: number | null } | null): string {
  const named = (b: Block) =>
    `the table under line ${b.headerIndex + 1}${b.title ? ` ("${b.title}"` : ' ('}${b.title ? ': ' : ''}${b.header.filter(Boolean).slice(0, 4).join(', ')})`;
  const others = blocks.filter((b) => b !== read && b !== cash?.block);
  return (
    `The file holds ${blocks.length} tables; the holdings were read from ${named(read)}, the one with a quantity for each trade` +
    (cash
      ? `, and the cash from the balance column of ${named(cash.block)}${cash.balance === null ? '' : ` (${amountText(cash.balance)} on its last row)`}.`
      : '.') +
    (others.length
      ? ` ${capitalised(others.map(named).join(' and '))} ${others.length === 1 ? 'was' : 'were'} not read${cash ? '' : ', so the cash it shows (deposits, fees, interest, dividends) is not in the import; enter the cash balance by hand'}.`
      : '')
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A label and its total under a history ("Cost", 96,845.75 under Vanguard UK's investment transactions): a word where
 * the date goes and at most one other cell.
 */
function isTotalLine(cells: readonly string[], kind: ImportKind, mapping: ColumnMapping): boolean {
  const at = mapping.columns.date;
  if (kind !== 'transactions' || at === undefined) return false;
  const cell = (cells[at] ?? '').trim();
  return /^\p{L}[\p{L} ]*$/u.test(cell) && filledCount(cells, 3) <= 2;
}

/** Runs parse → detect → normalise → validate on a file's text and returns the preview, or a refusal. */
export function buildPreview(rawText: string, options: PipelineOptions): PipelineResult {
  const { fileName } = options;
  const text = stripBom(rawText);
  if (text.trim() === '') return refuse(fileName, 'empty', 'the file is empty; export the holdings again and pick the CSV file.');
  if (looksBinary(text))
    return refuse(fileName, 'binary', 'this is not a text CSV file (it contains binary data); pick the CSV export from your broker.');
  const table = readTable(text);
  let blocks = findBlocks(table);
  const hasOwnMapping = Boolean(options.mapping || (options.columns && Object.keys(options.columns).length));
  if (blocks.length === 0) {
    // No recognisable header: with a user's mapping the first line is the header; without, say so.
    let headerIndex = 0;
    while (headerIndex < table.length && isBlankRow(table.at(headerIndex)!)) headerIndex++;
    // Only empty cells (a line of "" or separators): nothing to read.
    if (headerIndex === table.length)
      return refuse(fileName, 'empty', 'the file has no values, only empty cells; export the holdings again and pick the CSV file.');
    const header = table.at(headerIndex)!.map((c) => c.trim());
    const layoutKey = `generic:${hashText(header.map(normaliseHeader).join('|'))}`;
    if (!hasOwnMapping) {
      const cells = header.filter(Boolean);
      const shown =
        cells
          .slice(0, 6)
          .map((c) => `"${c.slice(0, 30)}"`)
          .join(', ') + (cells.length > 6 ? ', …' : '');
      const isNumeric = cells.some((c) => readNumber(c, '.') !== undefined && readNumber(c, '.') !== null);
      const first = cells[0] ?? 'COLUMN';
      const suggestions =
        isNumeric || cells.length < 2
          ? []
          : [`--map symbol=${quoted(first)} --map quantity=${quoted(cells[1] ?? 'COLUMN')} --map price=${quoted(cells[2] ?? 'COLUMN')}`];
      const message =
        cells.length < 2
          ? `no header line was found in the first 40 lines, and line ${headerIndex + 1} (${shown}) is not a table of columns; pick the CSV export from your broker.`
          : isNumeric
            ? `no header line was found in the first 40 lines: line ${headerIndex + 1} holds values (${shown}), not column names. Export the file again with its header line, or add one such as Symbol,Quantity,Price.`
            : `no header line was found in the first 40 lines: line ${headerIndex + 1} (${shown}) names no column Aftershock knows, in any of the languages it reads. If it is the header, choose the columns with ${suggestions[0]} (names from line ${headerIndex + 1}), or by hand in the app; otherwise pick another file.`;
      return refuse(fileName, 'no-header', message, { layoutKey, header, suggestions });
    }
    blocks = [{ headerIndex, header, end: table.length, title: '' }];
  }
  const first = blocks[options.format && options.format !== 'auto' ? 0 : tradesBlock(blocks, table, options)];
  const forced = options.format && options.format !== 'auto' ? findPreset(options.format) : undefined;
  if (options.format && options.format !== 'auto' && !forced)
    return refuse(
      fileName,
      'unknown-format',
      `"${options.format}" is not a known format; use --format auto (the default) or one of ${PRESETS.map((p) => p.id).join(', ')}.`,
    );
  const preset = forced ?? detectPreset(first.header, first.title);
  const layoutKey = `${preset.id}:${hashText(first.header.map(normaliseHeader).join('|'))}`;
  const chosen = withChoices(options.mapping ?? guessMapping(preset, first, table), first.header, options, first.headerIndex + 1);
  if ('ok' in chosen) return chosen;
  const mapping = chosen;
  const kind = kindOf(preset, mapping);
  // The first rows under the header, which settle what the file is (an order log, its currency).
  const head = table.slice(first.headerIndex + 1, Math.min(first.end, first.headerIndex + 500));
  if (preset.id === 'generic') {
    const legs = twoLegged(first.header, head);
    if (legs) {
      const [a, b] = legs.rows.map((k) => k + first.headerIndex + 2);
      return refuse(
        fileName,
        'two-legged',
        `each row writes a trade as two legs (${legs.legs.join(', ')}), and ${legs.unit} is on one side in row ${a} and on the other in row ${b}: no column holds the holding, so no choice of columns (--map) can read one holding per row. Export the trades with one row per holding (symbol, quantity, price, amount), or import a positions export instead.`,
        { header: first.header, layoutKey },
      );
    }
  }
  if (preset.id === 'generic' && kind === 'transactions') {
    const log = orderLog(first.header, head);
    if (log) {
      const rowsText = log.rows.slice(0, 6).map((k) => k + first.headerIndex + 2);
      return refuse(
        fileName,
        'order-log',
        `this is an order log, not a trade history: rows ${rowsText.join(', ')} are all order ${log.id} ("${log.idName}"), listed at each change of its "${log.stateName}" (${log.states.slice(0, 5).join(', ')}), so reading each row as a trade would count an order several times. Export the account's transactions (trades, dividends, deposits) or its positions instead.`,
        { header: first.header, layoutKey },
      );
    }
  }
  const missing = missingField(kind, mapping, preset.namesByDescription);
  if (missing) return missingRefusal(missing, kind, first, mapping, table, options, layoutKey);

  const rows: RowOutcome[] = [];
  const warnings: string[] = [];
  // A snapshot's rows become positions as they are read; a history's records are kept to derive them.
  const records: ImportRecord[] = [];
  let positions: ImportPosition[] = [];
  let newCount = 0;
  // Row of the first position per account and symbol.
  const seen = new FirstSeen(table.length);
  // New rows past the caller's limit are counted, not kept: the screen lists only the first ones.
  const newRowLimit = options.newRowLimit ?? Infinity;
  let omittedRows = 0;
  const defaultAccount = options.defaultAccount ?? preset.defaultAccount ?? 'Imported';
  let lastAccount = defaultAccount;
  // A row with an empty currency cell is in the file's usual currency, not in USD by default.
  // With no currency column, a price-currency column ("Price Currency": EUR) is the one that names it.
  const fileCurrency = mainCurrency(head, mapping.columns.currency ?? mapping.columns.priceCurrency);
  // A currency chosen for this file (--currency) wins; then the file's column, the broker's own currency (a US broker's
  // dollars), the portfolio's currency, and US dollars last — the last two said in the preview (currencyAssumed).
  const chosenCurrency = options.isCurrencyChosen ? options.defaultCurrency : undefined;
  const baseCurrency = chosenCurrency ?? (fileCurrency === undefined ? preset.currency : undefined) ?? options.defaultCurrency ?? 'USD';
  const currencyAssumed: ImportPreview['currencyAssumed'] =
    mapping.columns.currency !== undefined || fileCurrency !== undefined || chosenCurrency || preset.currency
      ? undefined
      : { currency: baseCurrency, source: options.defaultCurrency ? 'portfolio' : 'default' };
  // Whether any money cell writes its currency, looked at once on the first rows rather than on every row.
  const moneyColumns = [mapping.columns.amount, mapping.columns.marketValue, mapping.columns.price].filter((i) => i !== undefined);
  const hasCurrencyInCells =
    currencyAssumed !== undefined && head.some((r) => moneyColumns.some((i) => currencyInCell((r[i] ?? '').trim()) !== null));
  for (let i = 0; i < blocks[0].headerIndex; i++)
    if (!isBlankRow(table.at(i)!)) rows.push({ row: i + 1, status: 'skipped', reason: 'title or preamble line' });
  // A later table read instead of the first (Vanguard UK: cash first, the trades below): which one, said in the preview.
  const readOnly =
    first === blocks[0]
      ? `only the ${preset.label} table is imported`
      : `only the table of trades under line ${first.headerIndex + 1}${first.title ? ` ("${first.title}")` : ''} is read`;
  // Next to it, a table of cash only gives the cash by its balance column (the trades' table has no amounts of cash).
  const cash = cashTable(blocks, first, table);
  const cashFlows: CashFlow[] = [];
  blocks.forEach((block) => {
    const isOwn = block === first || (preset.id !== 'generic' && detectPreset(block.header, block.title).id === preset.id);
    if (block !== first)
      rows.push({
        row: block.headerIndex + 1,
        status: 'skipped',
        reason: isOwn ? 'header line of the next section' : 'header of another table in the file',
      });
    const titled = preset.readTitle?.(block.title) ?? {};
    if (titled.account) lastAccount = titled.account;
    const ctx: RowContext = {
      preset,
      kind,
      header: block.header,
      account: titled.account ?? lastAccount,
      currency: fileCurrency === undefined || options.isCurrencyChosen ? baseCurrency : fileCurrency,
      asOf: titled.asOf ?? null,
      resolveIsin: options.resolveIsin,
      resolveName: options.resolveName,
      isCurrencyUnnamed: currencyAssumed !== undefined,
      hasCurrencyInCells,
      mapping: block === first || hasOwnMapping ? mapping : guessMapping(preset, block, table),
    };
    const readRow = rowReader(ctx);
    for (let i = block.headerIndex + 1; i < block.end; i++) {
      const cells = table.at(i)!;
      const row = i + 1;
      if (isBlankRow(cells)) continue;
      const flow = block === cash?.block ? cashRow(cells, cash.mapping) : null;
      if (flow) {
        cashFlows.push({ account: ctx.account, currency: ctx.currency, ...flow });
        rows.push({
          row,
          status: 'skipped',
          reason: `a row of the cash table (the balance after it: ${flow.balance}); the cash is that table's closing balance, the trades are read from the table under line ${first.headerIndex + 1}`,
        });
        continue;
      }
      if (!isOwn) {
        rows.push({
          row,
          status: 'skipped',
          reason: `part of ${block.headerIndex < first.headerIndex ? 'another' : 'a second'} table (${block.header.slice(0, 3).join(', ')}…); ${readOnly}`,
        });
        continue;
      }
      if (isFooterRow(cells, block.header.length) || isTotalLine(cells, kind, ctx.mapping)) {
        rows.push({ row, status: 'skipped', reason: 'total, note or footer line' });
        continue;
      }
      const reading = readRow(cells);
      if (reading.kind === 'invalid') {
        rows.push({ row, status: 'invalid', reason: reading.reason, column: reading.column });
        continue;
      }
      if (reading.kind === 'skipped') {
        rows.push({ row, status: 'skipped', reason: reading.reason });
        continue;
      }
      const r = reading.record;
      if (kind === 'positions') {
        const earlier = seen.firstRow(r.account, r.symbol, row);
        if (earlier !== undefined) {
          rows.push({ row, status: 'duplicate', reason: `same account and symbol as row ${earlier}; the first one is kept`, record: r });
          continue;
        }
      }
      if (newCount++ < newRowLimit)
        rows.push({
          row,
          status: 'new',
          reason:
            kind === 'positions'
              ? 'position'
              : r.isSideAssumed
                ? `${r.txClass}: no action is written, so the side is the sign of its quantity (${r.quantity})`
                : (r.txClass ?? ''),
          record: r,
        });
      else omittedRows++;
      if (kind === 'positions') positions.push(toPosition(r));
      else records.push(r);
    }
  });
  cashFlows.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  if (first !== blocks[0])
    warnings.push(otherTablesWarning(blocks, first, cash && { block: cash.block, balance: cashFlows.at(-1)?.balance ?? null }));
  const firstInvalid = rows.find((r) => r.status === 'invalid');
  /** The refusal for rows that could not be read, with the column to choose instead when one fits. */
  const unreadable = (invalid: RowOutcome, lead: string): PipelineResult => {
    // The field of the column the rows failed on; a field no column feeds is named by itself ("quantity").
    const field =
      (Object.entries(mapping.columns) as [ImportField, number][]).find(([, i]) => first.header[i] === invalid.column)?.[0] ??
      IMPORT_FIELDS.find((f) => f === invalid.column && mapping.columns[f] === undefined);
    const sample = table.slice(first.headerIndex + 1, Math.min(first.end, first.headerIndex + 200));
    const others = field ? candidates(field, first.header, mapping, sample) : [];
    const hint = !field
      ? ''
      : others.length
        ? ` If ${others.map((o) => `"${o}"`).join(' or ')} holds ${FIELD_WORDS[field] ?? `the ${field}`}, choose it with --map ${field}=${quoted(others[0])}.`
        : ` If another column holds ${FIELD_WORDS[field] ?? `the ${field}`}, choose it with --map ${field}=COLUMN.`;
    return refuse(fileName, 'unreadable-rows', `${lead}${hint}`, {
      row: invalid.row,
      column: invalid.column,
      header: first.header,
      layoutKey,
      suggestions: field ? others.map((o) => `--map ${field}=${quoted(o)}`) : [],
    });
  };
  if (newCount === 0) {
    if (firstInvalid) return unreadable(firstInvalid, `${firstInvalid.reason}. No row could be read, so nothing was imported.`);
    const skipped = rows.filter((r) => r.status === 'skipped' && r.row > first.headerIndex + 1);
    const why = skipped.length
      ? ` ${skipped.length} line${skipped.length === 1 ? ' was' : 's were'} skipped, the first (row ${skipped[0].row}) because ${skipped[0].reason}.`
      : '';
    return refuse(
      fileName,
      'no-rows',
      `no data rows were found under the header on row ${first.headerIndex + 1}.${why} Export the holdings or the history again with its rows (an export of an empty account has none), or pick another file.`,
      {
        header: first.header,
        layoutKey,
      },
    );
  }
  let shortfalls: HistoryShortfall[] = [];
  const findings: ImportFindingDraft[] = [];
  if (kind === 'transactions') {
    if (!records.some((r) => r.txClass && movesShares(r.txClass))) {
      // Trades there are, but none could be read (no quantity column): that is what to say, not that there are none.
      const invalid = rows.filter((r) => r.status === 'invalid');
      if (firstInvalid)
        return unreadable(
          firstInvalid,
          `${firstInvalid.reason}. ${invalid.length === 1 ? 'This is the one row' : `This row and ${invalid.length - 1} more like it are the rows`} that could hold trades, and none could be read; the other rows move only cash, so nothing was imported.`,
        );
      const actions = [
        ...new Set(
          rows.filter((r) => r.status === 'skipped' && r.reason.startsWith('the action')).map((r) => /"(.*?)"/.exec(r.reason)?.[1] ?? ''),
        ),
      ]
        .filter(Boolean)
        .slice(0, 5);
      const unknown = actions.length
        ? ` Actions not understood: ${actions.map((a) => `"${a}"`).join(', ')}; if the trades are written in another column (such as "Buy 12 @ 41.50"), choose it with --map description=COLUMN.`
        : '';
      return refuse(
        fileName,
        'no-trades',
        `this history has no buys, sells or share transfers (only cash such as dividends or fees), so it cannot tell what you hold. Import a positions export or a full trade history instead.${unknown}`,
        { header: first.header, layoutKey },
      );
    }
    // Amounts written without a sign ("Buy … 5,338.90"): the action gives it, or buys would count as cash coming in.
    // A reversal ("Storno") is written with the opposite sign of the row it undoes, so it does not make a file signed.
    if (!preset.hasUnsignedAmounts && records.every((r) => r.amount === null || r.amount >= 0 || r.isReversal)) {
      const outflows = records.filter(
        (r) => r.amount !== null && r.amount > 0 && (r.txClass === 'buy' || r.txClass === 'withdrawal' || r.txClass === 'fee'),
      );
      if (outflows.length > 0) {
        for (const r of records) if (r.amount !== null && r.txClass) r.amount = signAmount(r.txClass, r.amount);
        warnings.push(
          `The file writes every amount without a sign; buys, fees and withdrawals were read as money out (${outflows.length} row${outflows.length === 1 ? '' : 's'}).`,
        );
      }
    }
    const derived = derivePositions(records, { hasNoCash: preset.hasNoCash, openings: options.openings, cashFlows });
    positions = derived.positions;
    warnings.push(...derived.warnings);
    shortfalls = derived.shortfalls;
    findings.push(...derived.findings);
  }
  findings.push(...positionFindings(positions));
  if (preset.namesByDescription) {
    const named = nameFindings(preset, positions, options.resolveName);
    findings.push(...named.findings);
    if (named.matched.length)
      warnings.push(
        `${named.matched.length === 1 ? '1 holding was' : `${named.matched.length} holdings were`} matched to the security master by name alone (${preset.label} files carry no ticker or ISIN): ${named.matched.slice(0, 5).join('; ')}${named.matched.length > 5 ? '; …' : ''}. Check them in the preview.`,
      );
  }
  const isinOnly = [...new Set(positions.filter((p) => isIsin(p.symbol)).map((p) => p.symbol))];
  if (isinOnly.length) {
    warnings.push(
      `${isinOnly.length === 1 ? '1 holding is' : `${isinOnly.length} holdings are`} known only by ISIN (${isinOnly.slice(0, 5).join(', ')}${isinOnly.length > 5 ? ', …' : ''}): ` +
        'neither the security master nor the bundled ISIN table has a ticker for them, so they stay unclassified (no sector, country or theme). Rename them to their tickers in Holdings to classify them.',
    );
  }
  // Said whenever the assumed currency reaches what the user sees: a holding, a cash balance, or the cash a finding
  // names (XTB's holdings priced in euros by their ".DE" listing, the cash rows still in the assumed dollars).
  const isCurrencyAssumed = Boolean(
    currencyAssumed &&
    (positions.some((p) => p.currency === currencyAssumed.currency) ||
      findings.some((f) => f.kind === 'cash-not-derived' && f.symbol === currencyAssumed.currency)),
  );
  if (currencyAssumed && isCurrencyAssumed) {
    const whose = currencyAssumed.source === 'portfolio' ? ` (the portfolio's currency)` : ' (no currency was known for it)';
    warnings.push(
      `The file names no currency, so its amounts were taken as ${currencyAssumed.currency}${whose}; if they are in another currency, import it with --currency CODE (or choose the currency in the preview), or map its column with --map currency=COLUMN.`,
    );
  }
  const lostLetters = lostLettersWarning(text);
  if (lostLetters) warnings.push(lostLetters);
  // With holdings closed because the history starts mid-way, the preview stays: the user can enter opening quantities.
  if (positions.length === 0 && shortfalls.length === 0)
    return refuse(
      fileName,
      'nets-to-zero',
      'the file was read, but every holding in it nets to zero shares, so there is nothing to import. If you still hold some, the history does not reach back to when they were bought: import a positions export instead, or a history from the account’s opening.',
    );
  return {
    ok: true,
    preview: {
      fileName,
      format: preset.id,
      formatLabel: preset.label,
      kind,
      header: first.header,
      layoutKey,
      mapping,
      rows,
      counts: {
        rows: rows.length + omittedRows,
        new: newCount,
        duplicate: rows.filter((r) => r.status === 'duplicate').length,
        invalid: rows.filter((r) => r.status === 'invalid').length,
        skipped: rows.filter((r) => r.status === 'skipped').length,
      },
      positions,
      totals: summarise(positions),
      warnings,
      shortfalls,
      findings,
      delimiter: table.delimiter,
      ...(currencyAssumed && isCurrencyAssumed && { currencyAssumed }),
      ...(omittedRows > 0 && { omitted: { rows: omittedRows, positions: 0 } }),
    },
  };
}
