import { ASSET_CLASSES, type AssetClass } from '../domain/types';
import type { Book } from './book';
import type { CompiledScenario, Provenance } from './match';
import { composeReturn } from './match';
import {
  coveragePartOf,
  COVERAGE_PARTS,
  EXPLICIT,
  MARKET,
  FIRST_UNMOVED,
  NO_SHOCK,
  PART_COUNT,
  THROUGH_FUNDS,
  UNCLASSIFIED_PART,
} from './parts';
import { attributeLeveraged, createEvaluator, groupPass, groupsOf, moveOfGroup, type Dimension, type Evaluator } from './run';

/**
 * A scenario's totals, coverage and aggregates as a pass over the book's securities (docs/stress-semantics.md §3),
 * not over its positions and fund holdings: the book has summed its value by security × currency once
 * (BookExposure), so each scenario finds every security's winning price move by the precedence sweep, then multiplies
 * through. The numbers are those of moving every group one by one (scenarioMoves); a property test holds them to it.
 * Not for history overrides (replays, propagation), position results or per-account aggregates: those move groups.
 */

/** Every security's price move under one scenario, as flat arrays by key id, and every currency's move against the base. */
export interface KeyMoves {
  /** Winning shock per key, −1 for none (cash, or nothing matches). */
  shockOf: Int32Array;
  /** Local price change per key. */
  price: Float64Array;
  /** Coverage part per key as a directly held slice, before the currency rule (index into COVERAGE_PARTS). */
  part: Uint8Array;
  /** Per currency index: its move against the base, the shock behind it (−1: none), and whether that shock covers unmoved holdings. */
  fxChange: Float64Array;
  fxShock: Int32Array;
  fxCovers: Uint8Array;
  /** Per shock index: the coverage part of what it moves, held directly. */
  shockPart: Uint8Array;
  /** Per shock index: 1 for a symbol shock (a fund whose winning shock is one moves whole, not through its holdings). */
  isSymbolShock: Uint8Array;
}

/** Per-book arrays reused by every scenario (runs are synchronous, and each consumes its KeyMoves before the next). */
const scratch = new WeakMap<Book, { shockOf: Int32Array; price: Float64Array; part: Uint8Array; keyPnl: Float64Array }>();

/** The sweep of docs/stress-semantics.md §3 over the book's attribute index: lowest step first, so higher steps overwrite. */
export function keyMoves(book: Book, compiled: CompiledScenario): KeyMoves {
  const n = book.keyCount;
  const { keyUnclassified, keys } = book;
  let buffers = scratch.get(book);
  if (!buffers)
    scratch.set(
      book,
      (buffers = { shockOf: new Int32Array(n), price: new Float64Array(n), part: new Uint8Array(n), keyPnl: new Float64Array(n) }),
    );
  const { shockOf, price, part } = buffers;
  const market = compiled.market ?? -1;
  const steps = compiled.precedence;
  // The lowest step, asset class, is a default per class rather than a sweep over every key of the class.
  const classDefault = ASSET_CLASSES.map((c) => (c === 'cash' ? -1 : market));
  let sweepFrom = steps.length - 1;
  const lowest = steps[sweepFrom];
  if (lowest?.level === 'assetClass') {
    for (let i = lowest.shocks.length - 1; i >= 0; i--) {
      const cls = ASSET_CLASSES.indexOf(lowest.shocks[i].value as AssetClass);
      if (cls !== -1) classDefault[cls] = lowest.shocks[i].index;
    }
    sweepFrom--;
  }
  // Options take the slot after the asset classes: never a default shock.
  classDefault.push(-1);
  const { keyFillClass } = book;
  for (let id = 0; id < n; id++) shockOf[id] = classDefault[keyFillClass[id]];
  for (let l = sweepFrom; l >= 0; l--) {
    const step = steps[l];
    if (step.level === 'rates') {
      for (const id of book.durationKeys) shockOf[id] = step.index;
      continue;
    }
    const { level, shocks } = step;
    for (let i = shocks.length - 1; i >= 0; i--) {
      const ids = book.index[level].get(shocks[i].value);
      if (ids) for (const id of ids) shockOf[id] = shocks[i].index;
    }
  }
  const nShocks = compiled.shockCount;
  const change = new Float64Array(nShocks);
  const shockPart = new Uint8Array(nShocks);
  for (let s = 0; s < nShocks; s++) {
    change[s] = compiled.changeOf(s);
    // A market or asset-class shock's move is "market"; every other named shock's is "explicit" (as coveragePartOf).
    const target = compiled.targetOf(s);
    shockPart[s] = target === 'market' || target === 'assetClass' ? MARKET : EXPLICIT;
  }
  const isSymbolShock = new Uint8Array(nShocks);
  for (const step of compiled.precedence) if (step.level === 'symbol') for (const { index } of step.shocks) isSymbolShock[index] = 1;
  const rates = compiled.rates;
  for (let id = 0; id < n; id++) {
    const s = shockOf[id];
    if (s === -1) {
      price[id] = 0;
      part[id] = keyUnclassified[id] === 1 ? UNCLASSIFIED_PART : NO_SHOCK;
    } else if (s === rates) {
      // As ratesMove: −duration × the change in yields, floored at −100%.
      price[id] = Math.max(-1, -keys[id].duration! * change[s]);
      part[id] = EXPLICIT;
    } else {
      price[id] = change[s];
      part[id] = shockPart[s];
    }
  }
  const width = book.exposure.width;
  const fxChange = new Float64Array(width);
  const fxShock = new Int32Array(width).fill(-1);
  const fxCovers = new Uint8Array(width);
  book.currencies.forEach((currency, c) => {
    const move = compiled.currencyMove(currency, book.baseCurrency);
    fxChange[c] = move.change;
    if (move.shockIndex !== null) {
      fxShock[c] = move.shockIndex;
      fxCovers[c] = compiled.currencyCovers ? 1 : 0;
    }
  });
  return { shockOf, price, part, fxChange, fxShock, fxCovers, isSymbolShock, shockPart };
}

/** A coverage part once the currency rule is applied: a currency shock on the holding's currency moves what no price shock reached. */
const withCurrency = (part: number, covers: number) =>
  covers === 1 && (part === NO_SHOCK || part === UNCLASSIFIED_PART) ? EXPLICIT : part;
/** A part as a fund's holding: a named shock reached it through the fund. */
const throughPart = (part: number) => (part === EXPLICIT ? THROUGH_FUNDS : part);

/** Value and P&L of the rows of one aggregate, by row index, with the row names and which rows anything reached. */
interface AggregateSums {
  names: string[];
  value: Float64Array;
  pnl: Float64Array;
  touched: Uint8Array;
}

/** A dimension's rows per key (CSR), built once per book and dimension; rows are the names groupsOf gives. */
interface DimensionRows {
  names: string[];
  rowOf: Map<string, number>;
  start: Int32Array;
  rows: Int32Array;
  /** Each key's one row, when every key has exactly one (all dimensions but theme). */
  single: Int32Array | null;
  /** Value per row and whether something is held in it, leveraged funds aside (their split depends on the scenario). */
  value: Float64Array;
  touched: Uint8Array;
}

const dimensionCache = new WeakMap<Book, Map<Dimension, DimensionRows>>();

function dimensionRows(book: Book, dimension: Exclude<Dimension, 'account' | 'currency'>): DimensionRows {
  let perBook = dimensionCache.get(book);
  if (!perBook) dimensionCache.set(book, (perBook = new Map()));
  const cached = perBook.get(dimension);
  if (cached) return cached;
  const names: string[] = [];
  const rowOf = new Map<string, number>();
  const start = new Int32Array(book.keyCount + 1);
  const rows: number[] = [];
  book.keys.forEach((key, k) => {
    for (const name of groupsOf(key, '', dimension)) {
      let row = rowOf.get(name);
      if (row === undefined) rowOf.set(name, (row = names.push(name) - 1));
      rows.push(row);
    }
    start[k + 1] = rows.length;
  });
  const result: DimensionRows = {
    names,
    rowOf,
    start,
    rows: Int32Array.from(rows),
    single: rows.length === book.keyCount ? Int32Array.from(rows) : null,
    value: new Float64Array(names.length),
    touched: new Uint8Array(names.length),
  };
  const ex = book.exposure;
  const put = (k: number, value: number) => {
    for (let j = result.start[k]; j < result.start[k + 1]; j++) {
      result.value[result.rows[j]] += value;
      result.touched[result.rows[j]] = 1;
    }
  };
  for (const k of ex.heldKeys) put(k, ex.keyNet[k]);
  for (const rest of ex.rests) put(rest.keyId, rest.net);
  perBook.set(dimension, result);
  return result;
}

export interface ScenarioTotals {
  pnl: number;
  /** Gross value per coverage part (index into COVERAGE_PARTS). */
  parts: Float64Array;
  shockValue: number[];
  unclassifiedSymbols: Set<string>;
  aggregates: Partial<Record<Dimension, AggregateSums>>;
}

/** Totals, coverage, P&L reached by each shock and aggregates of one scenario, by the pass over securities. */
export function scenarioTotals(book: Book, compiled: CompiledScenario, by: readonly Exclude<Dimension, 'account'>[]): ScenarioTotals {
  const ex = book.exposure;
  const W = ex.width;
  const { shockOf, price, part, fxChange, fxShock, fxCovers, isSymbolShock, shockPart } = keyMoves(book, compiled);
  const parts = new Float64Array(PART_COUNT);
  const shockValue: number[] = new Array<number>(compiled.shockCount).fill(0);
  const unclassifiedSymbols = new Set<string>();
  let pnl = 0;
  /** P&L of each security, direct and through funds (rests aside), for the aggregates. */
  // Every held key is written before it is read (the first loop below), so the reused buffer needs no clearing.
  const keyPnl = scratch.get(book)!.keyPnl;

  // Every held security at its own price move, all currencies together.
  const { heldKeys, keyNet, keyDirectGross, keyThroughGross } = ex;
  // Sums by winning shock (slot n: not shocked, n + 1: unclassified and not shocked) turned into parts afterwards; two
  // interleaved sets of sums, so neighbouring keys with the same shock do not wait on each other's addition.
  const nShocks = compiled.shockCount;
  const slots = nShocks + 2;
  const sums = new Float64Array(6 * slots);
  for (let j = 0; j < heldKeys.length; j++) {
    const k = heldKeys[j];
    const net = keyNet[k];
    const move = net * price[k];
    keyPnl[k] = move;
    pnl += move;
    const s = shockOf[k];
    const at = (j & 1) * 3 * slots + 3 * (s !== -1 ? s : part[k] === UNCLASSIFIED_PART ? nShocks + 1 : nShocks);
    sums[at] += net;
    sums[at + 1] += keyDirectGross[k];
    sums[at + 2] += keyThroughGross[k];
  }
  for (let slot = 0; slot < slots; slot++) {
    const at = 3 * slot;
    const b = at + 3 * slots;
    const p = slot < nShocks ? (slot === compiled.rates ? EXPLICIT : shockPart[slot]) : slot === nShocks ? NO_SHOCK : UNCLASSIFIED_PART;
    if (slot < nShocks) shockValue[slot] += sums[at] + sums[b];
    parts[p] += sums[at + 1] + sums[b + 1];
    parts[throughPart(p)] += sums[at + 2] + sums[b + 2];
  }
  // Then each currency that moves against the base: its cells' currency move, and what its shock covers.
  const { cellStart, cellKeys, directNet, throughNet, directGross, throughGross } = ex;
  for (let c = 0; c < W; c++) {
    if (fxShock[c] !== -1) shockValue[fxShock[c]] += ex.currencyNet[c];
    const f = fxChange[c];
    const covers = fxCovers[c];
    if (f === 0 && covers === 0) continue;
    for (let j = cellStart[c]; j < cellStart[c + 1]; j++) {
      const k = cellKeys[j];
      const cell = k * W + c;
      const currencyMove = (directNet[cell] + throughNet[cell]) * f * (1 + price[k]);
      keyPnl[k] += currencyMove;
      pnl += currencyMove;
      const p = part[k];
      if (covers === 1 && (p === NO_SHOCK || p === UNCLASSIFIED_PART)) {
        const gross = directGross[cell] + throughGross[cell];
        parts[p] -= gross;
        parts[EXPLICIT] += gross;
      }
    }
  }
  // Funds' unlisted rests: the fund's own attributes, without its symbol shocks.
  const restMoves = new Map<number, Provenance>();
  const restPrice = (keyId: number) => {
    let move = restMoves.get(keyId);
    if (!move) restMoves.set(keyId, (move = compiled.priceShock(book.keys[keyId], { skipSymbol: true })));
    return move;
  };
  const restReturn = new Float64Array(ex.rests.length);
  /** A fund whose own ticker has a symbol shock moves whole (its rest is then part of that move, not a slice of its own). */
  const movesWhole = (keyId: number) => shockOf[keyId] !== -1 && isSymbolShock[shockOf[keyId]] === 1;
  // A plain loop: a closure writing `pnl` would make every addition to it above allocate.
  for (let j = 0; j < ex.rests.length; j++) {
    const rest = ex.rests[j];
    const move = restPrice(rest.keyId);
    const c = rest.currencyIndex;
    restReturn[j] = composeReturn(move.change, fxChange[c]);
    if (movesWhole(rest.keyId)) continue;
    pnl += rest.net * restReturn[j];
    const p = withCurrency(COVERAGE_PARTS.indexOf(coveragePartOf(move, book.keys[rest.keyId])), fxCovers[c]);
    parts[p] += rest.gross;
    if (move.shockIndex !== null) shockValue[move.shockIndex] += rest.net;
    if (p === UNCLASSIFIED_PART) unclassifiedSymbols.add(book.keys[rest.keyId].symbol);
  }

  // Funds whose own ticker has a symbol shock move whole: their holdings' part is taken back out.
  const cellReturn = (k: number, c: number) => composeReturn(price[k], fxChange[c]);
  const wholeFunds: { group: number; shift: number }[] = [];
  const notReached = new Map<number, number>();
  for (const i of ex.fundGroups) {
    const g = book.groups[i];
    if (!movesWhole(g.key.id)) continue;
    const { keyIds, weights, residualWeight } = g.fund!;
    const c = g.currencyIndex;
    const covers = fxCovers[c];
    let through = 0;
    for (let j = 0; j < keyIds.length; j++) {
      const k = keyIds[j];
      const w = weights[j];
      const r = cellReturn(k, c);
      through += w * r;
      pnl -= g.value * w * r;
      parts[withCurrency(throughPart(part[k]), covers)] -= g.grossValue * w;
      if (shockOf[k] !== -1) shockValue[shockOf[k]] -= g.value * w;
      // Only unclassified securities are named in coverage, so only their cells are counted.
      if (book.keyUnclassified[k] === 1) notReached.set(k * W + c, (notReached.get(k * W + c) ?? 0) + 1);
    }
    if (residualWeight > 0) through += residualWeight * composeReturn(restPrice(g.key.id).change, fxChange[c]);
    const k = g.key.id;
    const whole = cellReturn(k, c);
    pnl += g.value * whole;
    const wholePart = withCurrency(part[k], covers);
    parts[wholePart] += g.grossValue;
    if (shockOf[k] !== -1) shockValue[shockOf[k]] += g.value;
    if (wholePart === UNCLASSIFIED_PART) unclassifiedSymbols.add(g.key.symbol);
    wholeFunds.push({ group: i, shift: whole - through });
  }
  // Unclassified securities nothing moved, wherever something still holds them.
  for (const cell of ex.unclassifiedCells) {
    const k = Math.floor(cell / W);
    if (fxCovers[cell - k * W] === 1 || part[k] !== UNCLASSIFIED_PART) continue;
    if (ex.presence[cell] - (notReached.get(cell) ?? 0) > 0) unclassifiedSymbols.add(book.keys[k].symbol);
  }

  // Leveraged funds, each on its own: multiplier × its stand-in's move (or whole, under a shock on its own ticker).
  let evaluate: Evaluator | null = null;
  const leveraged: { group: number; move: ReturnType<typeof moveOfGroup> }[] = [];
  const options: { group: number; move: ReturnType<typeof moveOfGroup> }[] = [];
  if (ex.leveragedGroups.length || ex.optionGroups.length) {
    evaluate = createEvaluator(book, compiled);
    const pass = groupPass(evaluate, shockValue, false);
    // Options, each on its own: revalued on their underlying's move (options-pass), like a leveraged fund's group.
    for (const i of ex.optionGroups) {
      const g = book.groups[i];
      const move = moveOfGroup(book, pass, i);
      pnl += g.value * move.return;
      COVERAGE_PARTS.forEach((name, p) => (parts[p] += g.grossValue * move.shares[name]));
      options.push({ group: i, move });
    }
    for (const i of ex.leveragedGroups) {
      const g = book.groups[i];
      const move = moveOfGroup(book, pass, i);
      pnl += g.value * move.return;
      COVERAGE_PARTS.forEach((name, p) => (parts[p] += g.grossValue * move.shares[name]));
      leveraged.push({ group: i, move });
    }
    for (const symbol of pass.unclassifiedSymbols) unclassifiedSymbols.add(symbol);
  }

  const aggregates: ScenarioTotals['aggregates'] = {};
  for (const dimension of by) {
    if (dimension === 'currency') {
      aggregates.currency = currencyAggregate(book, price, fxChange, restReturn, wholeFunds, [...leveraged, ...options]);
      continue;
    }
    const dim = dimensionRows(book, dimension);
    const sums: AggregateSums = {
      names: dim.names.slice(),
      value: dim.value.slice(),
      pnl: new Float64Array(dim.names.length),
      touched: dim.touched.slice(),
    };
    const add = (k: number, pnlOfKey: number) => {
      for (let j = dim.start[k]; j < dim.start[k + 1]; j++) sums.pnl[dim.rows[j]] += pnlOfKey;
    };
    const single = dim.single;
    if (single)
      for (let j = 0; j < heldKeys.length; j++) {
        const k = heldKeys[j];
        sums.pnl[single[k]] += keyPnl[k];
      }
    else for (let j = 0; j < heldKeys.length; j++) add(heldKeys[j], keyPnl[heldKeys[j]]);
    // Rests are slices of the aggregate even when their fund moves whole (the shift below then applies to them too).
    ex.rests.forEach((rest, j) => add(rest.keyId, rest.net * restReturn[j]));
    // A fund moving whole is still split over its holdings, each shifted by the gap between the fund's move and theirs.
    for (const { group, shift } of wholeFunds) {
      const g = book.groups[group];
      const { keyIds, weights, residualWeight } = g.fund!;
      for (let j = 0; j < keyIds.length; j++) add(keyIds[j], g.value * weights[j] * shift);
      if (residualWeight > 0) add(g.key.id, g.value * residualWeight * shift);
    }
    const extraRows = new Map<string, number>();
    for (const { group, move } of leveraged) {
      const g = book.groups[group];
      const put = (names: readonly string[], value: number, r: number) => {
        for (const name of names) {
          let row = dim.rowOf.get(name) ?? extraRows.get(name);
          if (row === undefined) extraRows.set(name, (row = sums.names.push(name) - 1));
          grow(sums, row);
          sums.value[row] += value;
          sums.pnl[row] += value * r;
          sums.touched[row] = 1;
        }
      };
      if (evaluate!.isLeveraged(g))
        attributeLeveraged(evaluate!, g.leverage!, g.value, g.currency, move, (key, v, r) =>
          put(groupsOf(key, g.currency, dimension), v, r),
        );
      else put(groupsOf(g.key, g.currency, dimension), g.value, move.return);
    }
    // An option's value and P&L are its underlying's, as one security.
    for (const { group, move } of options) {
      const g = book.groups[group];
      for (const name of groupsOf(book.optionOfGroup[group]!.underlying, g.currency, dimension)) {
        let row = dim.rowOf.get(name) ?? extraRows.get(name);
        if (row === undefined) extraRows.set(name, (row = sums.names.push(name) - 1));
        grow(sums, row);
        sums.value[row] += g.value;
        sums.pnl[row] += g.value * move.return;
        sums.touched[row] = 1;
      }
    }
    aggregates[dimension] = sums;
  }
  return { pnl, parts, shockValue, unclassifiedSymbols, aggregates };
}

/** Makes room for a row added after the book's rows were counted (a leveraged fund's stand-in holdings are all keys, so this is rare). */
function grow(sums: AggregateSums, row: number) {
  if (row < sums.value.length) return;
  const size = Math.max(row + 1, sums.value.length * 2);
  const value = new Float64Array(size);
  value.set(sums.value);
  const pnl = new Float64Array(size);
  pnl.set(sums.pnl);
  const touched = new Uint8Array(size);
  touched.set(sums.touched);
  Object.assign(sums, { value, pnl, touched });
}

/** The currency aggregate: one row per currency a position is held in. */
function currencyAggregate(
  book: Book,
  price: Float64Array,
  fxChange: Float64Array,
  restReturn: Float64Array,
  wholeFunds: readonly { group: number; shift: number }[],
  leveraged: readonly { group: number; move: { return: number } }[],
): AggregateSums {
  const ex = book.exposure;
  const W = ex.width;
  const sums: AggregateSums = {
    names: book.currencies.slice(),
    value: new Float64Array(W),
    pnl: new Float64Array(W),
    touched: new Uint8Array(W),
  };
  for (let c = 0; c < book.currencies.length; c++) {
    for (let j = ex.cellStart[c]; j < ex.cellStart[c + 1]; j++) {
      const k = ex.cellKeys[j];
      const net = ex.directNet[k * W + c] + ex.throughNet[k * W + c];
      sums.value[c] += net;
      sums.pnl[c] += net * composeReturn(price[k], fxChange[c]);
      sums.touched[c] = 1;
    }
  }
  ex.rests.forEach((rest, j) => {
    sums.value[rest.currencyIndex] += rest.net;
    sums.pnl[rest.currencyIndex] += rest.net * restReturn[j];
    sums.touched[rest.currencyIndex] = 1;
  });
  for (const { group, shift } of wholeFunds) sums.pnl[book.groups[group].currencyIndex] += book.groups[group].value * shift;
  for (const { group, move } of leveraged) {
    const g = book.groups[group];
    sums.value[g.currencyIndex] += g.value;
    sums.pnl[g.currencyIndex] += g.value * move.return;
    sums.touched[g.currencyIndex] = 1;
  }
  return sums;
}

/** Whether a part index is one of the parts that moved. */
export const isMovedPart = (part: number) => part < FIRST_UNMOVED;

/**
 * Every group's return under one scenario and the share of its value that moved (MOVED_PARTS), from the pass over
 * securities: what the firm-wide ranking adds up per portfolio. Funds are their holdings' moves by weight (or whole,
 * under a symbol shock on their ticker); leveraged funds are evaluated one by one.
 */
export function groupReturns(book: Book, compiled: CompiledScenario): { returns: Float64Array; moved: Float64Array } {
  const { shockOf, price, part, fxChange, fxCovers, isSymbolShock } = keyMoves(book, compiled);
  const groups = book.groups;
  const returns = new Float64Array(groups.length);
  const moved = new Float64Array(groups.length);
  let pass: ReturnType<typeof groupPass> | null = null;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    const c = g.currencyIndex;
    const f = fxChange[c];
    const covers = fxCovers[c];
    if (g.leverage !== null || g.key.isOption) {
      pass ??= groupPass(createEvaluator(book, compiled), new Array<number>(compiled.shockCount).fill(0), false);
      const move = moveOfGroup(book, pass, i);
      returns[i] = move.return;
      moved[i] = move.shares.explicit + move.shares.throughFunds + move.shares.market + move.shares.propagated + move.shares.proxy;
      continue;
    }
    if (g.fund === null || (shockOf[g.key.id] !== -1 && isSymbolShock[shockOf[g.key.id]] === 1)) {
      const k = g.key.id;
      returns[i] = composeReturn(price[k], f);
      moved[i] = isMovedPart(withCurrency(part[k], covers)) ? 1 : 0;
      continue;
    }
    const { keyIds, weights, residualWeight } = g.fund;
    let r = 0;
    let share = 0;
    for (let j = 0; j < keyIds.length; j++) {
      const k = keyIds[j];
      r += weights[j] * composeReturn(price[k], f);
      if (isMovedPart(withCurrency(throughPart(part[k]), covers))) share += weights[j];
    }
    if (residualWeight > 0) {
      const rest = compiled.priceShock(g.key, { skipSymbol: true });
      r += residualWeight * composeReturn(rest.change, f);
      if (isMovedPart(withCurrency(COVERAGE_PARTS.indexOf(coveragePartOf(rest, g.key)), covers))) share += residualWeight;
    }
    returns[i] = r;
    moved[i] = share;
  }
  return { returns, moved };
}
