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

/**
 * Every security's price move under one scenario, as a slot: the winning shock's index; "not moved" or "unclassified"
 * (shockCount, shockCount + 1) when nothing moves it; or, for a security of known duration under a rate shock, a slot
 * of its own after those (its move depends on its duration). A slot gives the price change, the coverage part and the
 * shock behind it. The three lowest steps (sector, country, asset class) are resolved per combination of them held
 * (`comboSlot`); only the securities a higher step reaches (`touched`) get a slot of their own, in `swept`. So a
 * scenario costs the combinations plus the securities its higher steps name, not every security: `slotOf` reads one
 * security's slot, `allSlots` writes them all out where a pass needs every one.
 */
export interface KeyMoves {
  /** How many slots this scenario uses (the per-slot arrays may be longer: they are reused). */
  slots: number;
  /** The slot of a security nothing moves (shockCount); the unclassified one is the next. */
  notMoved: number;
  /** Per combination of the lowest steps (LowerAttributes): its slot. */
  comboSlot: Int32Array;
  keyCombo: Int32Array;
  /** The securities a step above sector reaches, their slots (by key id) and the stamp that marks them. */
  touched: Int32Array;
  touchedCount: number;
  swept: Int32Array;
  stamp: Int32Array;
  generation: number;
  /** Per slot: local price change, coverage part as a directly held slice (before the currency rule), shock index (−1: none). */
  slotChange: Float64Array;
  slotPart: Uint8Array;
  slotShock: Int32Array;
  /** Per slot: 1 for a symbol shock (a fund whose winning shock is one moves whole, not through its holdings). */
  slotIsSymbol: Uint8Array;
  /** Per currency index: its move against the base, the shock behind it (−1: none), and whether that shock covers unmoved holdings. */
  fxChange: Float64Array;
  fxShock: Int32Array;
  fxCovers: Uint8Array;
  /** Per currency index: 1 when some of its cells may be in a "not moved" slot (else a covering shock has nothing to cover). */
  fxMayCover: Uint8Array;
  workspace: Workspace;
}

/** One security's slot. */
export const slotOf = (moves: KeyMoves, k: number) =>
  moves.stamp[k] === moves.generation ? moves.swept[k] : moves.comboSlot[moves.keyCombo[k]];

/** Every security's slot, by key id (written once per scenario, on first use). */
export function allSlots(moves: KeyMoves): Int32Array {
  const ws = moves.workspace;
  if (ws.slotsWritten === moves.generation) return ws.slot;
  const { slot } = ws;
  const { comboSlot, keyCombo, touched, touchedCount, swept } = moves;
  for (let k = 0; k < slot.length; k++) slot[k] = comboSlot[keyCombo[k]];
  for (let i = 0; i < touchedCount; i++) slot[touched[i]] = swept[touched[i]];
  ws.slotsWritten = moves.generation;
  return slot;
}

/** Arrays each book's scenarios reuse (runs are synchronous, and each consumes its KeyMoves before the next). */
interface Workspace {
  lower: LowerAttributes;
  /** Every key's slot once allSlots has written it for scenario `slotsWritten`. */
  slot: Int32Array;
  slotsWritten: number;
  swept: Int32Array;
  stamp: Int32Array;
  generation: number;
  touched: Int32Array;
  keyPnl: Float64Array;
  /** Per fund rest (BookExposure.rests): its return under the scenario. */
  restReturn: Float64Array;
  slotChange: Float64Array;
  slotPart: Uint8Array;
  slotShock: Int32Array;
  slotIsSymbol: Uint8Array;
  /** Sums and counts by slot for heldPass. */
  sums: Float64Array;
  counts: Int32Array;
  fxChange: Float64Array;
  fxShock: Int32Array;
  fxCovers: Uint8Array;
  fxMayCover: Uint8Array;
  classDefault: Int32Array;
  /** Per sector, country and combination (LowerAttributes): the slot a scenario gives it. */
  sectorSlot: Int32Array;
  countrySlot: Int32Array;
  comboSlot: Int32Array;
}

/**
 * The book's securities by the three lowest precedence steps: sector, country and asset class (with whether the
 * security is classified, which says which "not moved" slot it falls in). A scenario resolves those steps once per
 * combination, and the value held in each combination is summed once per book.
 */
interface LowerAttributes {
  sectorOf: Map<string, number>;
  countryOf: Map<string, number>;
  /** Per combination: its sector and country (−1: none) and its fill code (Book.keyFillCode). */
  comboSector: Int32Array;
  comboCountry: Int32Array;
  comboFill: Uint8Array;
  keyCombo: Int32Array;
  /** Per combination: the held securities' keyNet, keyDirectGross and keyThroughGross summed, and how many they are. */
  comboNet: Float64Array;
  comboDirectGross: Float64Array;
  comboThroughGross: Float64Array;
  comboHeld: Int32Array;
  /** 1 for a held key (BookExposure.heldKeys). */
  keyHeld: Uint8Array;
  /** Per currency: the combinations its cells hold, with their cells' net and gross value summed and how many cells. */
  currencyCombos: { combo: Int32Array; net: Float64Array; gross: Float64Array; cells: Int32Array }[];
}

function lowerAttributes(book: Book): LowerAttributes {
  const ids = (values: Iterable<string>) => new Map([...values].map((v, i) => [v, i]));
  const sectorOf = ids(book.index.sector.keys());
  const countryOf = ids(book.index.country.keys());
  const comboOf = new Map<string, number>();
  const combos: [number, number, number][] = [];
  const keyCombo = Int32Array.from(book.keys, (key) => {
    const combo: [number, number, number] = [
      sectorOf.get(key.match.sector) ?? -1,
      countryOf.get(key.match.country) ?? -1,
      book.keyFillCode[key.id],
    ];
    const name = combo.join(' ');
    let id = comboOf.get(name);
    if (id === undefined) comboOf.set(name, (id = combos.push(combo) - 1));
    return id;
  });
  const ex = book.exposure;
  const count = combos.length;
  const comboNet = new Float64Array(count);
  const comboDirectGross = new Float64Array(count);
  const comboThroughGross = new Float64Array(count);
  const comboHeld = new Int32Array(count);
  const keyHeld = new Uint8Array(book.keyCount);
  for (const k of ex.heldKeys) {
    const t = keyCombo[k];
    comboNet[t] += ex.keyNet[k];
    comboDirectGross[t] += ex.keyDirectGross[k];
    comboThroughGross[t] += ex.keyThroughGross[k];
    comboHeld[t]++;
    keyHeld[k] = 1;
  }
  const currencyCombos = Array.from({ length: ex.width }, (_, c) => {
    const sums = new Map<number, { net: number; gross: number; cells: number }>();
    for (let j = ex.cellStart[c]; j < ex.cellStart[c + 1]; j++) {
      const t = keyCombo[ex.cellKeys[j]];
      let sum = sums.get(t);
      if (!sum) sums.set(t, (sum = { net: 0, gross: 0, cells: 0 }));
      sum.net += ex.cellNet[j];
      sum.gross += ex.cellGross[j];
      sum.cells++;
    }
    const list = [...sums];
    return {
      combo: Int32Array.from(list, ([t]) => t),
      net: Float64Array.from(list, ([, sum]) => sum.net),
      gross: Float64Array.from(list, ([, sum]) => sum.gross),
      cells: Int32Array.from(list, ([, sum]) => sum.cells),
    };
  });
  return {
    sectorOf,
    countryOf,
    comboSector: Int32Array.from(combos, (c) => c[0]),
    comboCountry: Int32Array.from(combos, (c) => c[1]),
    comboFill: Uint8Array.from(combos, (c) => c[2]),
    keyCombo,
    comboNet,
    comboDirectGross,
    comboThroughGross,
    comboHeld,
    keyHeld,
    currencyCombos,
  };
}

const workspaces = new WeakMap<Book, Workspace>();

function workspaceOf(book: Book, slots: number): Workspace {
  let ws = workspaces.get(book);
  if (!ws || ws.slotChange.length < slots) {
    const n = book.keyCount;
    const width = book.exposure.width;
    const size = Math.max(slots, 64);
    const lower = ws?.lower ?? lowerAttributes(book);
    ws = {
      lower,
      slot: ws?.slot ?? new Int32Array(n),
      slotsWritten: -1,
      swept: ws?.swept ?? new Int32Array(n),
      stamp: ws?.stamp ?? new Int32Array(n),
      generation: ws?.generation ?? 0,
      touched: ws?.touched ?? new Int32Array(n),
      keyPnl: ws?.keyPnl ?? new Float64Array(n),
      restReturn: ws?.restReturn ?? new Float64Array(book.exposure.rests.length),
      slotChange: new Float64Array(size),
      slotPart: new Uint8Array(size),
      slotShock: new Int32Array(size),
      slotIsSymbol: new Uint8Array(size),
      sums: new Float64Array(3 * size),
      counts: new Int32Array(size),
      fxChange: new Float64Array(width),
      fxShock: new Int32Array(width),
      fxCovers: new Uint8Array(width),
      fxMayCover: new Uint8Array(width),
      classDefault: new Int32Array(2 * (ASSET_CLASSES.length + 1)),
      sectorSlot: new Int32Array(lower.sectorOf.size),
      countrySlot: new Int32Array(lower.countryOf.size),
      comboSlot: new Int32Array(lower.comboFill.length),
    };
    workspaces.set(book, ws);
  }
  return ws;
}

/** The sweep of docs/stress-semantics.md §3 over the book's attribute index: lowest step first, so higher steps overwrite. */
export function keyMoves(book: Book, compiled: CompiledScenario): KeyMoves {
  const nShocks = compiled.shockCount;
  const notMoved = nShocks;
  const unclassified = nShocks + 1;
  const { durationKeys } = book;
  const slots = nShocks + 2 + (compiled.rates !== null ? durationKeys.length : 0);
  const ws = workspaceOf(book, slots);
  const { swept, stamp, touched, slotChange, slotPart, slotShock, slotIsSymbol, fxChange, fxShock, fxCovers, fxMayCover } = ws;
  const generation = ++ws.generation;
  const market = compiled.market ?? notMoved;
  const steps = compiled.precedence;
  // The lowest step, asset class, is a default per class; the default of a key nothing moves is its "not moved" slot
  // (fill code: 2 × class + 1 when unclassified). Options take the code after the asset classes: never a default shock.
  const { classDefault } = ws;
  for (let i = 0; i < ASSET_CLASSES.length; i++) classDefault[2 * i] = ASSET_CLASSES[i] === 'cash' ? notMoved : market;
  classDefault[2 * ASSET_CLASSES.length] = notMoved;
  let sweepFrom = steps.length - 1;
  const lowest = steps[sweepFrom];
  if (lowest?.level === 'assetClass') {
    for (let i = lowest.shocks.length - 1; i >= 0; i--) {
      const cls = ASSET_CLASSES.indexOf(lowest.shocks[i].value as AssetClass);
      if (cls !== -1) classDefault[2 * cls] = lowest.shocks[i].index;
    }
    sweepFrom--;
  }
  for (let i = 0; i < classDefault.length; i += 2) classDefault[i + 1] = classDefault[i] === notMoved ? unclassified : classDefault[i];
  // Sector over country over asset class, per combination (the first listed shock of a value wins).
  const { lower, sectorSlot, countrySlot, comboSlot } = ws;
  sectorSlot.fill(-1);
  countrySlot.fill(-1);
  for (const step of steps) {
    if (step.level !== 'sector' && step.level !== 'country') continue;
    const [table, ids] = step.level === 'sector' ? [sectorSlot, lower.sectorOf] : [countrySlot, lower.countryOf];
    for (let i = step.shocks.length - 1; i >= 0; i--) {
      const id = ids.get(step.shocks[i].value);
      if (id !== undefined) table[id] = step.shocks[i].index;
    }
  }
  const { comboSector, comboCountry, comboFill, keyCombo } = lower;
  for (let t = 0; t < comboFill.length; t++) {
    const bySector = comboSector[t] === -1 ? -1 : sectorSlot[comboSector[t]];
    const byCountry = comboCountry[t] === -1 ? -1 : countrySlot[comboCountry[t]];
    comboSlot[t] = bySector !== -1 ? bySector : byCountry !== -1 ? byCountry : classDefault[comboFill[t]];
  }
  // Then the steps above them, lowest first, so that higher steps overwrite; each security reached is noted once.
  let touchedCount = 0;
  for (let l = sweepFrom; l >= 0; l--) {
    const step = steps[l];
    if (step.level === 'sector' || step.level === 'country') continue;
    // A rate shock gives each security of known duration a slot of its own (`indexes` null); any other shock, its index.
    const lists = step.level === 'rates' ? [durationKeys] : step.shocks.map((x) => book.index[step.level].get(x.value));
    const indexes = step.level === 'rates' ? null : step.shocks.map((x) => x.index);
    for (let i = lists.length - 1; i >= 0; i--) {
      const ids = lists[i];
      if (!ids) continue;
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j];
        swept[id] = indexes === null ? nShocks + 2 + j : indexes[i];
        if (stamp[id] !== generation) {
          stamp[id] = generation;
          touched[touchedCount++] = id;
        }
      }
    }
  }
  // Whether any cell of each currency can be in a "not moved" slot (no sweep writes one): where a covering currency shock counts.
  for (let c = 0; c < fxMayCover.length; c++) {
    fxMayCover[c] = 0;
    const { combo } = lower.currencyCombos[c];
    for (let i = 0; i < combo.length; i++) if (comboSlot[combo[i]] === notMoved || comboSlot[combo[i]] === unclassified) fxMayCover[c] = 1;
  }
  slotIsSymbol.fill(0, 0, slots);
  for (let s = 0; s < nShocks; s++) {
    slotChange[s] = compiled.changeOf(s);
    // A market or asset-class shock's move is "market"; every other named shock's is "explicit" (as coveragePartOf).
    const target = compiled.targetOf(s);
    slotPart[s] = target === 'market' || target === 'assetClass' ? MARKET : EXPLICIT;
    slotShock[s] = s;
  }
  slotChange[notMoved] = slotChange[unclassified] = 0;
  slotPart[notMoved] = NO_SHOCK;
  slotPart[unclassified] = UNCLASSIFIED_PART;
  slotShock[notMoved] = slotShock[unclassified] = -1;
  for (const step of steps) if (step.level === 'symbol') for (const { index } of step.shocks) slotIsSymbol[index] = 1;
  if (compiled.rates !== null) {
    const dy = slotChange[compiled.rates];
    for (let i = 0; i < durationKeys.length; i++) {
      // As ratesMove: −duration × the change in yields, floored at −100%.
      slotChange[nShocks + 2 + i] = Math.max(-1, -book.keys[durationKeys[i]].duration! * dy);
      slotPart[nShocks + 2 + i] = EXPLICIT;
      slotShock[nShocks + 2 + i] = compiled.rates;
    }
  }
  fxShock.fill(-1);
  fxCovers.fill(0);
  for (let c = 0; c < book.currencies.length; c++) {
    const move = compiled.currencyChange(book.currencies[c], book.baseCurrency);
    fxChange[c] = move.change;
    if (move.shockIndex !== null) {
      fxShock[c] = move.shockIndex;
      fxCovers[c] = compiled.currencyCovers ? 1 : 0;
    }
  }
  return {
    slots,
    notMoved,
    comboSlot,
    keyCombo,
    touched,
    touchedCount,
    swept,
    stamp,
    generation,
    slotChange,
    slotPart,
    slotShock,
    slotIsSymbol,
    fxChange,
    fxShock,
    fxCovers,
    fxMayCover,
    workspace: ws,
  };
}

/**
 * The directly and through-funds held value of every security at its own price move, summed by slot: each
 * combination's value into its slot, then each security a higher step reached moved from its combination's slot to
 * its own. Gives the P&L, and each slot's value into its shock's reach and its coverage part. A slot no held security
 * is in is counted as exactly zero (its sums may hold a rounding residue of the moves out of it).
 */
function heldPass(book: Book, moves: KeyMoves, parts: Float64Array, shockValue: number[]): number {
  const { slots, comboSlot, keyCombo, touched, touchedCount, swept, slotChange, slotPart, slotShock } = moves;
  const { sums, counts, lower } = moves.workspace;
  const { keyNet, keyDirectGross, keyThroughGross } = book.exposure;
  sums.fill(0, 0, 3 * slots);
  counts.fill(0, 0, slots);
  const { comboNet, comboDirectGross, comboThroughGross, comboHeld, keyHeld } = lower;
  for (let t = 0; t < comboSlot.length; t++) {
    const at = 3 * comboSlot[t];
    sums[at] += comboNet[t];
    sums[at + 1] += comboDirectGross[t];
    sums[at + 2] += comboThroughGross[t];
    counts[comboSlot[t]] += comboHeld[t];
  }
  for (let i = 0; i < touchedCount; i++) {
    const k = touched[i];
    const from = comboSlot[keyCombo[k]];
    const to = swept[k];
    if (from === to || keyHeld[k] === 0) continue;
    sums[3 * from] -= keyNet[k];
    sums[3 * from + 1] -= keyDirectGross[k];
    sums[3 * from + 2] -= keyThroughGross[k];
    sums[3 * to] += keyNet[k];
    sums[3 * to + 1] += keyDirectGross[k];
    sums[3 * to + 2] += keyThroughGross[k];
    counts[from]--;
    counts[to]++;
  }
  let pnl = 0;
  for (let s = 0; s < slots; s++) {
    if (counts[s] === 0) continue;
    const at = 3 * s;
    pnl += sums[at] * slotChange[s];
    if (slotShock[s] !== -1) shockValue[slotShock[s]] += sums[at];
    const p = slotPart[s];
    parts[p] += sums[at + 1];
    parts[throughPart(p)] += sums[at + 2];
  }
  return pnl;
}

/**
 * Each currency that moves against the base: its cells' currency move (f × Σ value × (1 + price move)), what its
 * shock reaches, and, for a shock that covers unmoved holdings, their value taken from "not shocked" or
 * "unclassified". By combination, then the securities a higher step reached, as heldPass.
 */
function currencyPass(book: Book, moves: KeyMoves, parts: Float64Array, shockValue: number[]): number {
  const { comboSlot, keyCombo, touched, touchedCount, swept, slotChange, fxChange, fxShock, fxCovers, fxMayCover, notMoved } = moves;
  const ex = book.exposure;
  const W = ex.width;
  const { presence, directNet, throughNet, directGross, throughGross } = ex;
  let pnl = 0;
  for (let c = 0; c < W; c++) {
    if (fxShock[c] !== -1) shockValue[fxShock[c]] += ex.currencyNet[c];
    const f = fxChange[c];
    const covers = fxCovers[c] === 1 && fxMayCover[c] === 1;
    if (f === 0 && !covers) continue;
    const { combo, net, gross, cells } = moves.workspace.lower.currencyCombos[c];
    let moved = 0;
    for (let i = 0; i < combo.length; i++) moved += net[i] * (1 + slotChange[comboSlot[combo[i]]]);
    // Cells of unmoved securities (a covering shock counts them as moved by it): value and how many.
    let notShocked = 0;
    let unclassified = 0;
    let notShockedCells = 0;
    let unclassifiedCells = 0;
    if (covers)
      for (let i = 0; i < combo.length; i++) {
        const s = comboSlot[combo[i]];
        if (s === notMoved) {
          notShocked += gross[i];
          notShockedCells += cells[i];
        } else if (s === notMoved + 1) {
          unclassified += gross[i];
          unclassifiedCells += cells[i];
        }
      }
    for (let i = 0; i < touchedCount; i++) {
      const k = touched[i];
      const cell = k * W + c;
      if (presence[cell] === 0) continue;
      const from = comboSlot[keyCombo[k]];
      const to = swept[k];
      if (from === to) continue;
      moved += (directNet[cell] + throughNet[cell]) * (slotChange[to] - slotChange[from]);
      // No step above sector moves a security to "not moved": only moves out of it count.
      if (covers && from === notMoved) {
        notShocked -= directGross[cell] + throughGross[cell];
        notShockedCells--;
      } else if (covers && from === notMoved + 1) {
        unclassified -= directGross[cell] + throughGross[cell];
        unclassifiedCells--;
      }
    }
    pnl += f * moved;
    if (!covers) continue;
    if (notShockedCells === 0) notShocked = 0;
    if (unclassifiedCells === 0) unclassified = 0;
    parts[NO_SHOCK] -= notShocked;
    parts[UNCLASSIFIED_PART] -= unclassified;
    parts[EXPLICIT] += notShocked + unclassified;
  }
  return pnl;
}

/** Each held security's P&L, direct and through funds (rests aside), price and currency: what the aggregates add up. */
function keyPnlOf(book: Book, moves: KeyMoves): Float64Array {
  const ex = book.exposure;
  const keyPnl = moves.workspace.keyPnl;
  const slot = allSlots(moves);
  const { slotChange, fxChange } = moves;
  const { heldKeys, heldNet, cellStart, cellKeys, cellNet } = ex;
  for (let j = 0; j < heldKeys.length; j++) keyPnl[heldKeys[j]] = heldNet[j] * slotChange[slot[heldKeys[j]]];
  for (let c = 0; c < ex.width; c++) {
    const f = fxChange[c];
    if (f === 0) continue;
    for (let j = cellStart[c]; j < cellStart[c + 1]; j++) {
      const k = cellKeys[j];
      keyPnl[k] += cellNet[j] * f * (1 + slotChange[slot[k]]);
    }
  }
  return keyPnl;
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
  const moves = keyMoves(book, compiled);
  const { slotChange, slotPart, slotShock, slotIsSymbol, fxChange, fxCovers } = moves;
  const parts = new Float64Array(PART_COUNT);
  const shockValue: number[] = new Array<number>(compiled.shockCount).fill(0);
  const unclassifiedSymbols = new Set<string>();
  let pnl = heldPass(book, moves, parts, shockValue) + currencyPass(book, moves, parts, shockValue);
  // Funds' unlisted rests: the fund's own attributes, without its symbol shocks.
  const restMoves = new Map<number, Provenance>();
  /** The move of a fund's rest when a symbol shock on the fund's ticker wins (and moves the fund whole): the next step's. */
  const restPrice = (keyId: number) => {
    let move = restMoves.get(keyId);
    if (!move) restMoves.set(keyId, (move = compiled.priceShock(book.keys[keyId], { skipSymbol: true })));
    return move;
  };
  const restReturn = moves.workspace.restReturn;
  /** A fund whose own ticker has a symbol shock moves whole (its rest is then part of that move, not a slice of its own). */
  const movesWhole = (keyId: number) => slotIsSymbol[slotOf(moves, keyId)] === 1;
  // A plain loop: a closure writing `pnl` would make every addition to it above allocate.
  for (let j = 0; j < ex.rests.length; j++) {
    const rest = ex.rests[j];
    const c = rest.currencyIndex;
    if (movesWhole(rest.keyId)) {
      restReturn[j] = composeReturn(restPrice(rest.keyId).change, fxChange[c]);
      continue;
    }
    // Otherwise the fund's own slot is the rest's move (no symbol shock won it).
    const s = slotOf(moves, rest.keyId);
    restReturn[j] = composeReturn(slotChange[s], fxChange[c]);
    pnl += rest.net * restReturn[j];
    const p = withCurrency(slotPart[s], fxCovers[c]);
    parts[p] += rest.gross;
    if (slotShock[s] !== -1) shockValue[slotShock[s]] += rest.net;
    if (p === UNCLASSIFIED_PART) unclassifiedSymbols.add(book.keys[rest.keyId].symbol);
  }

  // Funds whose own ticker has a symbol shock move whole: their holdings' part is taken back out.
  const wholeFunds: { group: number; shift: number }[] = [];
  const notReached = new Map<number, number>();
  for (const i of ex.fundGroups) {
    const g = book.groups[i];
    if (!movesWhole(g.key.id)) continue;
    const { keyIds, weights, residualWeight } = g.fund!;
    const c = g.currencyIndex;
    const covers = fxCovers[c];
    // The holdings' weight by slot, then each slot's move, part and shock taken back out at once.
    const weightOf = moves.workspace.sums;
    weightOf.fill(0, 0, moves.slots);
    for (let j = 0; j < keyIds.length; j++) {
      const k = keyIds[j];
      weightOf[slotOf(moves, k)] += weights[j];
      // Only unclassified securities are named in coverage, so only their cells are counted.
      if (book.keyUnclassified[k] === 1 && weights[j] !== 0) notReached.set(k * W + c, (notReached.get(k * W + c) ?? 0) + 1);
    }
    let through = 0;
    for (let s = 0; s < moves.slots; s++) {
      const w = weightOf[s];
      if (w === 0) continue;
      through += w * composeReturn(slotChange[s], fxChange[c]);
      parts[withCurrency(throughPart(slotPart[s]), covers)] -= g.grossValue * w;
      if (slotShock[s] !== -1) shockValue[slotShock[s]] -= g.value * w;
    }
    pnl -= g.value * through;
    if (residualWeight > 0) through += residualWeight * composeReturn(restPrice(g.key.id).change, fxChange[c]);
    const own = slotOf(moves, g.key.id);
    const whole = composeReturn(slotChange[own], fxChange[c]);
    pnl += g.value * whole;
    const wholePart = withCurrency(slotPart[own], covers);
    parts[wholePart] += g.grossValue;
    if (slotShock[own] !== -1) shockValue[slotShock[own]] += g.value;
    if (wholePart === UNCLASSIFIED_PART) unclassifiedSymbols.add(g.key.symbol);
    wholeFunds.push({ group: i, shift: whole - through });
  }
  // Unclassified securities nothing moved, wherever something still holds them.
  for (const cell of ex.unclassifiedCells) {
    const k = Math.floor(cell / W);
    if (fxCovers[cell - k * W] === 1 || slotPart[slotOf(moves, k)] !== UNCLASSIFIED_PART) continue;
    if (ex.named[cell] - (notReached.get(cell) ?? 0) > 0) unclassifiedSymbols.add(book.keys[k].symbol);
  }

  // Leveraged funds, each on its own: multiplier × its stand-in's move (or whole, under a shock on its own ticker).
  let evaluate: Evaluator | null = null;
  const leveraged: { group: number; move: ReturnType<typeof moveOfGroup> }[] = [];
  const options: { group: number; move: ReturnType<typeof moveOfGroup> }[] = [];
  if (ex.leveragedGroups.length || ex.optionGroups.length) {
    evaluate = createEvaluator(book, compiled);
    const pass = groupPass(evaluate, shockValue, false);
    // Options too, each on its own: revalued on their underlying's move (options-pass), like a leveraged fund's group.
    for (const [groups, moved] of [
      [ex.optionGroups, options],
      [ex.leveragedGroups, leveraged],
    ] as const)
      for (const i of groups) {
        const g = book.groups[i];
        const move = moveOfGroup(book, pass, i);
        pnl += g.value * move.return;
        COVERAGE_PARTS.forEach((name, p) => (parts[p] += g.grossValue * move.shares[name]));
        moved.push({ group: i, move });
      }
    for (const symbol of pass.unclassifiedSymbols) unclassifiedSymbols.add(symbol);
  }

  const aggregates: ScenarioTotals['aggregates'] = {};
  const keyPnl = by.some((d) => d !== 'currency') ? keyPnlOf(book, moves) : null;
  const { heldKeys } = ex;
  for (const dimension of by) {
    if (dimension === 'currency') {
      aggregates.currency = currencyAggregate(book, moves, restReturn, wholeFunds, [...leveraged, ...options]);
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
        sums.pnl[single[k]] += keyPnl![k];
      }
    else for (let j = 0; j < heldKeys.length; j++) add(heldKeys[j], keyPnl![heldKeys[j]]);
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
  moves: KeyMoves,
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
  const slot = allSlots(moves);
  const { slotChange, fxChange } = moves;
  for (let c = 0; c < book.currencies.length; c++) {
    for (let j = ex.cellStart[c]; j < ex.cellStart[c + 1]; j++) {
      const net = ex.cellNet[j];
      sums.value[c] += net;
      sums.pnl[c] += net * composeReturn(slotChange[slot[ex.cellKeys[j]]], fxChange[c]);
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
  const moves = keyMoves(book, compiled);
  const slot = allSlots(moves);
  const { slotChange, slotPart, slotIsSymbol, fxChange, fxCovers } = moves;
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
    if (g.fund === null || slotIsSymbol[slot[g.key.id]] === 1) {
      const k = g.key.id;
      returns[i] = composeReturn(slotChange[slot[k]], f);
      moved[i] = isMovedPart(withCurrency(slotPart[slot[k]], covers)) ? 1 : 0;
      continue;
    }
    const { keyIds, weights, residualWeight } = g.fund;
    let r = 0;
    let share = 0;
    for (let j = 0; j < keyIds.length; j++) {
      const k = keyIds[j];
      r += weights[j] * composeReturn(slotChange[slot[k]], f);
      if (isMovedPart(withCurrency(throughPart(slotPart[slot[k]]), covers))) share += weights[j];
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
