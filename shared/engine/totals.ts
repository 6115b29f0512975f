import { ASSET_CLASSES, type AssetClass } from '../domain/types';
import { CELL_GRID } from './book';
import { ddAdd, ddAddComposed, ddAddPair, ddAddProduct, ddAddProductPair } from '../domain/double-double';
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
  /** Per fund rest (BookExposure.rests): its price move under the scenario (its currency's aside). */
  restChange: Float64Array;
  /** aggregatePnl's sums by row × currency × slot. */
  buckets: Float64Array;
  slotChange: Float64Array;
  slotPart: Uint8Array;
  slotShock: Int32Array;
  slotIsSymbol: Uint8Array;
  /** slotPass's list of the securities it moved between slots: key, from and to slot; how many. */
  movedKey: Int32Array;
  movedFrom: Int32Array;
  movedTo: Int32Array;
  movedCount: number;
  /**
   * slotPass's sums by slot (6 each, as BookExposure.keyGrid); the currencies that move and those that cover; the
   * moving ones' net value by slot (2 each, grown as needed); the covering ones' unmoved gross value and cells (6 each).
   */
  bySlot: Float64Array;
  active: Int32Array;
  covering: Int32Array;
  currencySlots: Float64Array;
  unmoved: Float64Array;
  /** A scenario's double-double sums (shockValue grows with the shocks). */
  doubleDoubles: DoubleDoubles;
  /** How many held securities each slot has (slotPass). */
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
  /**
   * Per combination: the held securities' net, direct gross and through gross value summed on the grid and their
   * rests (as BookExposure.keyGrid: 6 per combination), and how many they are.
   */
  comboGrid: Float64Array;
  comboHeld: Int32Array;
  /** 1 for a held key (BookExposure.heldKeys). */
  keyHeld: Uint8Array;
  /**
   * Per currency: the combinations its cells hold, with their cells' net and gross value (direct and through) summed
   * on the grid and their rests (4 per combination), and how many cells.
   */
  currencyCombos: { combo: Int32Array; sums: Float64Array; cells: Int32Array }[];
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
  const { keyGrid, cellGrid, width } = ex;
  const comboGrid = new Float64Array(6 * count);
  const comboHeld = new Int32Array(count);
  const keyHeld = new Uint8Array(book.keyCount);
  for (const k of ex.heldKeys) {
    const t = keyCombo[k];
    for (let n = 0; n < 6; n++) comboGrid[6 * t + n] += keyGrid[6 * k + n];
    comboHeld[t]++;
    keyHeld[k] = 1;
  }
  const currencyCombos = Array.from({ length: width }, (_, c) => {
    const slotOfCombo = new Map<number, number>();
    const combo: number[] = [];
    const cells: number[] = [];
    const sums: number[] = [];
    for (let j = ex.cellStart[c]; j < ex.cellStart[c + 1]; j++) {
      const t = keyCombo[ex.cellKeys[j]];
      let at = slotOfCombo.get(t);
      if (at === undefined) {
        slotOfCombo.set(t, (at = combo.push(t) - 1));
        cells.push(0);
        sums.push(0, 0, 0, 0);
      }
      const x = CELL_GRID * (ex.cellKeys[j] * width + c);
      sums[4 * at] += cellGrid[x];
      sums[4 * at + 1] += cellGrid[x + 1];
      sums[4 * at + 2] += cellGrid[x + 2] + cellGrid[x + 4];
      sums[4 * at + 3] += cellGrid[x + 3] + cellGrid[x + 5];
      cells[at]++;
    }
    return { combo: Int32Array.from(combo), sums: Float64Array.from(sums), cells: Int32Array.from(cells) };
  });
  return {
    sectorOf,
    countryOf,
    comboSector: Int32Array.from(combos, (c) => c[0]),
    comboCountry: Int32Array.from(combos, (c) => c[1]),
    comboFill: Uint8Array.from(combos, (c) => c[2]),
    keyCombo,
    comboGrid,
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
      restChange: ws?.restChange ?? new Float64Array(book.exposure.rests.length),
      buckets: ws?.buckets ?? new Float64Array(0),
      slotChange: new Float64Array(size),
      slotPart: new Uint8Array(size),
      slotShock: new Int32Array(size),
      slotIsSymbol: new Uint8Array(size),
      movedKey: ws?.movedKey ?? new Int32Array(n),
      movedFrom: ws?.movedFrom ?? new Int32Array(n),
      movedTo: ws?.movedTo ?? new Int32Array(n),
      movedCount: 0,
      bySlot: new Float64Array(6 * size),
      active: new Int32Array(width),
      covering: new Int32Array(width),
      currencySlots: ws?.currencySlots ?? new Float64Array(0),
      unmoved: new Float64Array(6 * width),
      doubleDoubles: ws?.doubleDoubles ?? {
        pnl: new Float64Array(2),
        parts: new Float64Array(2 * PART_COUNT),
        shockValue: new Float64Array(2 * size),
        scratch: new Float64Array(2),
      },
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
 * The value held directly and through funds' listed holdings, summed by slot: each combination's value into its slot,
 * then each security a higher step reached moved from its combination's slot to its own (listed once in the
 * workspace's moved list, for aggregatePnl). The sums are on the book's grid (BookExposure.keyGrid), so moving a security
 * between slots leaves no rounding behind. Then, as double-doubles, each slot's value × its price move into the P&L,
 * into its shock's reach and into its coverage part; a slot no held security is in is skipped (its rests may hold a
 * residue far below a cent). Each currency that moves against the base is summed the same way by slot, in a section
 * of its own, as the same walk moves its cells: f × Σ value × (1 + price move), taken as f × (Σ value + Σ value ×
 * price move). A currency shock that covers unmoved holdings takes their value out of "not shocked" or
 * "unclassified": their gross value in those slots per currency, less what a higher step moved out.
 */
function slotPass(book: Book, moves: KeyMoves, sums: DoubleDoubles): void {
  const { slots, comboSlot, keyCombo, touched, touchedCount, swept, slotChange, slotPart, slotShock } = moves;
  const { fxChange, fxCovers, fxMayCover, notMoved } = moves;
  const ws = moves.workspace;
  const ex = book.exposure;
  const W = ex.width;
  const { presence, cellGrid, keyGrid } = ex;
  const { bySlot, counts, lower } = ws;
  bySlot.fill(0, 0, 6 * slots);
  counts.fill(0, 0, slots);
  const { comboGrid, comboHeld, keyHeld } = lower;
  for (let t = 0; t < comboSlot.length; t++) {
    const at = 6 * comboSlot[t];
    const x = 6 * t;
    bySlot[at] += comboGrid[x];
    bySlot[at + 1] += comboGrid[x + 1];
    bySlot[at + 2] += comboGrid[x + 2];
    bySlot[at + 3] += comboGrid[x + 3];
    bySlot[at + 4] += comboGrid[x + 4];
    bySlot[at + 5] += comboGrid[x + 5];
    counts[comboSlot[t]] += comboHeld[t];
  }
  // The currencies that move (their value by slot: on the grid, its rest) or cover (their gross value in the two
  // "not moved" slots, and how many cells are there).
  const { active, covering } = ws;
  let activeCount = 0;
  let coveringCount = 0;
  for (let c = 0; c < W; c++) {
    if (fxChange[c] !== 0) active[activeCount++] = c;
    if (fxCovers[c] === 1 && fxMayCover[c] === 1) covering[coveringCount++] = c;
  }
  if (ws.currencySlots.length < 2 * W * slots) ws.currencySlots = new Float64Array(2 * W * slots);
  const { currencySlots, unmoved } = ws;
  currencySlots.fill(0, 0, 2 * activeCount * slots);
  unmoved.fill(0, 0, 6 * coveringCount);
  for (let n = 0; n < activeCount; n++) {
    const { combo, sums: comboSums } = lower.currencyCombos[active[n]];
    for (let i = 0; i < combo.length; i++) {
      const at = 2 * (n * slots + comboSlot[combo[i]]);
      currencySlots[at] += comboSums[4 * i];
      currencySlots[at + 1] += comboSums[4 * i + 1];
    }
  }
  for (let n = 0; n < coveringCount; n++) {
    const { combo, sums: comboSums, cells } = lower.currencyCombos[covering[n]];
    for (let i = 0; i < combo.length; i++) {
      const s = comboSlot[combo[i]];
      if (s !== notMoved && s !== notMoved + 1) continue;
      // [gross on the grid, its rest, cells] for "not moved", then for "unclassified".
      const at = 6 * n + 3 * (s - notMoved);
      unmoved[at] += comboSums[4 * i + 2];
      unmoved[at + 1] += comboSums[4 * i + 3];
      unmoved[at + 2] += cells[i];
    }
  }
  const { movedKey, movedFrom, movedTo } = ws;
  let movedCount = 0;
  for (let i = 0; i < touchedCount; i++) {
    const k = touched[i];
    const from = comboSlot[keyCombo[k]];
    const to = swept[k];
    if (from === to || keyHeld[k] === 0) continue;
    movedKey[movedCount] = k;
    movedFrom[movedCount] = from;
    movedTo[movedCount++] = to;
    const a = 6 * from;
    const b = 6 * to;
    const x = 6 * k;
    const n0 = keyGrid[x];
    const n1 = keyGrid[x + 1];
    const n2 = keyGrid[x + 2];
    const n3 = keyGrid[x + 3];
    const n4 = keyGrid[x + 4];
    const n5 = keyGrid[x + 5];
    bySlot[a] -= n0;
    bySlot[a + 1] -= n1;
    bySlot[a + 2] -= n2;
    bySlot[a + 3] -= n3;
    bySlot[a + 4] -= n4;
    bySlot[a + 5] -= n5;
    bySlot[b] += n0;
    bySlot[b + 1] += n1;
    bySlot[b + 2] += n2;
    bySlot[b + 3] += n3;
    bySlot[b + 4] += n4;
    bySlot[b + 5] += n5;
    counts[from]--;
    counts[to]++;
    // A cell a currency does not hold is zero: moving it changes nothing.
    for (let n = 0; n < activeCount; n++) {
      const y = CELL_GRID * (k * W + active[n]);
      const h = cellGrid[y];
      const l = cellGrid[y + 1];
      currencySlots[2 * (n * slots + from)] -= h;
      currencySlots[2 * (n * slots + from) + 1] -= l;
      currencySlots[2 * (n * slots + to)] += h;
      currencySlots[2 * (n * slots + to) + 1] += l;
    }
    // No step above sector moves a security to "not moved": only moves out of it count.
    if (coveringCount > 0 && (from === notMoved || from === notMoved + 1))
      for (let n = 0; n < coveringCount; n++) {
        const cell = k * W + covering[n];
        if (presence[cell] === 0) continue;
        const y = CELL_GRID * cell;
        const at = 6 * n + 3 * (from - notMoved);
        unmoved[at] -= cellGrid[y + 2] + cellGrid[y + 4];
        unmoved[at + 1] -= cellGrid[y + 3] + cellGrid[y + 5];
        unmoved[at + 2]--;
      }
  }
  ws.movedCount = movedCount;
  const { pnl, parts, shockValue, scratch: moved } = sums;
  for (let s = 0; s < slots; s++) {
    if (counts[s] === 0) continue;
    const at = 6 * s;
    ddAddProduct(pnl, 0, bySlot[at], bySlot[at + 3], slotChange[s]);
    if (slotShock[s] !== -1) ddAddPair(shockValue, slotShock[s], bySlot[at], bySlot[at + 3]);
    const p = slotPart[s];
    ddAddPair(parts, p, bySlot[at + 1], bySlot[at + 4]);
    ddAddPair(parts, throughPart(p), bySlot[at + 2], bySlot[at + 5]);
  }
  // Each moving currency: f × Σ value × (1 + price move), as f × (Σ value + Σ value × price move).
  for (let n = 0; n < activeCount; n++) {
    moved.fill(0);
    for (let s = 0; s < slots; s++) {
      const at = 2 * (n * slots + s);
      const h = currencySlots[at];
      const l = currencySlots[at + 1];
      if (h === 0 && l === 0) continue;
      ddAddPair(moved, 0, h, l);
      ddAddProduct(moved, 0, h, l, slotChange[s]);
    }
    ddAddProduct(pnl, 0, moved[0], moved[1], fxChange[active[n]]);
  }
  // Each covering currency: its cells of unmoved securities count as moved by its shock, taken out of their parts.
  for (let n = 0; n < coveringCount; n++)
    for (let u = 0; u < 2; u++) {
      const at = 6 * n + 3 * u;
      if (unmoved[at + 2] === 0) continue;
      ddAddPair(parts, u === 0 ? NO_SHOCK : UNCLASSIFIED_PART, -unmoved[at], -unmoved[at + 1]);
      ddAddPair(parts, EXPLICIT, unmoved[at], unmoved[at + 1]);
    }
  for (let c = 0; c < W; c++) if (moves.fxShock[c] !== -1) ddAddPair(shockValue, moves.fxShock[c], ex.currencyNet[c], ex.currencyNetLo[c]);
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

/**
 * A dimension's rows per key (CSR), built once per book and dimension; rows are the names groupsOf gives. Also, per
 * combination of the lowest steps (LowerAttributes), the net value its held cells put in each row × currency, on
 * the grid and its rest: a scenario sums them by row × currency × slot, moves the securities a higher step reached,
 * and multiplies through (aggregatePnl), as heldPass does for the totals.
 */
interface DimensionRows {
  names: string[];
  rowOf: Map<string, number>;
  start: Int32Array;
  rows: Int32Array;
  /** Value per row (double-doubles) and whether something is held in it, leveraged funds aside (their split depends on the scenario). */
  value: Float64Array;
  touched: Uint8Array;
  /** Per combination (CSR): row × width + currency index, and the net value on the grid and its rest (2 per entry). */
  comboStart: Int32Array;
  entryCell: Int32Array;
  entrySums: Float64Array;
  /** The same per held key (CSR), over the cells it is held in: what moving the key between slots moves. */
  keyStart: Int32Array;
  keyCell: Int32Array;
  keySums: Float64Array;
  /** Per looked-through fund group (by group index, on first use): its value × weight summed by row, double-doubles. */
  fundRows: Map<number, { rows: Int32Array; sums: Float64Array }>;
}

const dimensionCache = new WeakMap<Book, Map<Dimension, DimensionRows>>();

function dimensionRows(book: Book, lower: LowerAttributes, dimension: Exclude<Dimension, 'account' | 'currency'>): DimensionRows {
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
  const ex = book.exposure;
  const W = ex.width;
  const value = new Float64Array(2 * names.length);
  const touched = new Uint8Array(names.length);
  // Per combination: row × currency → index into the entries being built.
  const combos = lower.comboFill.length;
  const perCombo: Map<number, number>[] = Array.from({ length: combos }, () => new Map());
  const sums: number[] = [];
  for (const k of ex.heldKeys) {
    const t = lower.keyCombo[k];
    for (let j = start[k]; j < start[k + 1]; j++) {
      const row = rows[j];
      ddAddPair(value, row, ex.keyGrid[6 * k], ex.keyGrid[6 * k + 3]);
      touched[row] = 1;
      for (let c = 0; c < W; c++) {
        const cell = k * W + c;
        if (ex.presence[cell] === 0) continue;
        let at = perCombo[t].get(row * W + c);
        if (at === undefined) perCombo[t].set(row * W + c, (at = sums.push(0, 0) - 2));
        sums[at] += ex.cellGrid[CELL_GRID * cell];
        sums[at + 1] += ex.cellGrid[CELL_GRID * cell + 1];
      }
    }
  }
  for (const rest of ex.rests)
    for (let j = start[rest.keyId]; j < start[rest.keyId + 1]; j++) {
      ddAddPair(value, rows[j], rest.net, rest.netLo);
      touched[rows[j]] = 1;
    }
  const keyStart = new Int32Array(book.keyCount + 1);
  const keyCell: number[] = [];
  const keySums: number[] = [];
  for (let k = 0; k < book.keyCount; k++) {
    for (let j = start[k]; j < start[k + 1]; j++)
      for (let c = 0; c < W; c++) {
        const cell = k * W + c;
        if (ex.presence[cell] === 0) continue;
        keyCell.push(rows[j] * W + c);
        keySums.push(ex.cellGrid[CELL_GRID * cell], ex.cellGrid[CELL_GRID * cell + 1]);
      }
    keyStart[k + 1] = keyCell.length;
  }
  const comboStart = new Int32Array(combos + 1);
  const entryCell: number[] = [];
  const entrySums: number[] = [];
  perCombo.forEach((entries, t) => {
    for (const [cell, at] of entries) {
      entryCell.push(cell);
      entrySums.push(sums[at], sums[at + 1]);
    }
    comboStart[t + 1] = entryCell.length;
  });
  const result: DimensionRows = {
    names,
    rowOf,
    start,
    rows: Int32Array.from(rows),
    value,
    touched,
    comboStart,
    entryCell: Int32Array.from(entryCell),
    entrySums: Float64Array.from(entrySums),
    keyStart,
    keyCell: Int32Array.from(keyCell),
    keySums: Float64Array.from(keySums),
    fundRows: new Map(),
  };
  perBook.set(dimension, result);
  return result;
}

/** A looked-through fund group's value × weight summed by row of a dimension (its holdings and its rest), once per book. */
function fundRowsOf(book: Book, dim: DimensionRows, group: number): { rows: Int32Array; sums: Float64Array } {
  const cached = dim.fundRows.get(group);
  if (cached) return cached;
  const g = book.groups[group];
  const { keyIds, weights, residualWeight } = g.fund!;
  const sums = new Float64Array(2 * dim.names.length);
  const seen = new Uint8Array(dim.names.length);
  const add = (k: number, w: number) => {
    for (let j = dim.start[k]; j < dim.start[k + 1]; j++) {
      ddAddProduct(sums, dim.rows[j], g.value, g.valueLo, w);
      seen[dim.rows[j]] = 1;
    }
  };
  for (let j = 0; j < keyIds.length; j++) add(keyIds[j], weights[j]);
  if (residualWeight > 0) add(g.key.id, residualWeight);
  const rows = Int32Array.from(seen.keys()).filter((row) => seen[row] === 1);
  const result = { rows, sums: pairsOf(sums, rows) };
  dim.fundRows.set(group, result);
  return result;
}

/** The double-doubles of `rows`, in that order. */
function pairsOf(sums: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(2 * rows.length);
  rows.forEach((row, j) => {
    out[2 * j] = sums[2 * row];
    out[2 * j + 1] = sums[2 * row + 1];
  });
  return out;
}

/**
 * The P&L of a dimension's rows from the held cells (rests, funds moving whole and leveraged funds aside), as
 * double-doubles into `pnl`: value by row × currency × slot, then each such sum × its move composed with the currency's.
 */
function aggregatePnl(book: Book, moves: KeyMoves, dim: DimensionRows, pnl: Float64Array): void {
  const { slots, comboSlot, slotChange, fxChange } = moves;
  const ws = moves.workspace;
  const { movedKey, movedFrom, movedTo, movedCount } = ws;
  const W = book.exposure.width;
  const size = 2 * dim.names.length * W * slots;
  if (ws.buckets.length < size) ws.buckets = new Float64Array(size);
  const buckets = ws.buckets;
  buckets.fill(0, 0, size);
  const { comboStart, entryCell, entrySums, keyStart, keyCell, keySums } = dim;
  for (let t = 0; t < comboSlot.length; t++) {
    const s = comboSlot[t];
    for (let e = comboStart[t]; e < comboStart[t + 1]; e++) {
      const at = 2 * (entryCell[e] * slots + s);
      buckets[at] += entrySums[2 * e];
      buckets[at + 1] += entrySums[2 * e + 1];
    }
  }
  for (let i = 0; i < movedCount; i++) {
    const k = movedKey[i];
    const from = movedFrom[i];
    const to = movedTo[i];
    for (let e = keyStart[k]; e < keyStart[k + 1]; e++) {
      const h = keySums[2 * e];
      const l = keySums[2 * e + 1];
      const a = 2 * (keyCell[e] * slots + from);
      const b = 2 * (keyCell[e] * slots + to);
      buckets[a] -= h;
      buckets[a + 1] -= l;
      buckets[b] += h;
      buckets[b + 1] += l;
    }
  }
  for (let row = 0; row < dim.names.length; row++)
    for (let c = 0; c < W; c++) {
      const f = fxChange[c];
      const base = (row * W + c) * slots;
      for (let s = 0; s < slots; s++) {
        const h = buckets[2 * (base + s)];
        const l = buckets[2 * (base + s) + 1];
        if (h !== 0 || l !== 0) ddAddComposed(pnl, row, h, l, slotChange[s], f);
      }
    }
}

/**
 * A fund a symbol shock on its ticker moves whole, for the aggregates: the gap between its own move and its holdings'
 * (shift) and its value over its holdings and rest (slices), both double-doubles.
 */
interface WholeFund {
  group: number;
  shift: Float64Array;
  slices: Float64Array;
}

/** A scenario's sums as double-doubles (shared/domain/double-double.ts): P&L, each coverage part, each shock's reach. */
interface DoubleDoubles {
  pnl: Float64Array;
  parts: Float64Array;
  shockValue: Float64Array;
  /** One more, for a pass's own sum. */
  scratch: Float64Array;
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
  const sums = moves.workspace.doubleDoubles;
  if (sums.shockValue.length < 2 * compiled.shockCount) sums.shockValue = new Float64Array(2 * compiled.shockCount);
  sums.pnl.fill(0);
  sums.parts.fill(0);
  sums.shockValue.fill(0, 0, 2 * compiled.shockCount);
  const unclassifiedSymbols = new Set<string>();
  slotPass(book, moves, sums);
  const { pnl, parts, shockValue } = sums;
  // Funds' unlisted rests: the fund's own attributes, without its symbol shocks.
  const restMoves = new Map<number, Provenance>();
  /** The move of a fund's rest when a symbol shock on the fund's ticker wins (and moves the fund whole): the next step's. */
  const restPrice = (keyId: number) => {
    let move = restMoves.get(keyId);
    if (!move) restMoves.set(keyId, (move = compiled.priceShock(book.keys[keyId], { skipSymbol: true })));
    return move;
  };
  const { restChange } = moves.workspace;
  /** A fund whose own ticker has a symbol shock moves whole (its rest is then part of that move, not a slice of its own). */
  const movesWhole = (keyId: number) => slotIsSymbol[slotOf(moves, keyId)] === 1;
  for (let j = 0; j < ex.rests.length; j++) {
    const rest = ex.rests[j];
    const c = rest.currencyIndex;
    if (movesWhole(rest.keyId)) {
      restChange[j] = restPrice(rest.keyId).change;
      continue;
    }
    // Otherwise the fund's own slot is the rest's move (no symbol shock won it).
    const s = slotOf(moves, rest.keyId);
    restChange[j] = slotChange[s];
    ddAddComposed(pnl, 0, rest.net, rest.netLo, slotChange[s], fxChange[c]);
    const p = withCurrency(slotPart[s], fxCovers[c]);
    ddAddPair(parts, p, rest.gross, rest.grossLo);
    if (slotShock[s] !== -1) ddAddPair(shockValue, slotShock[s], rest.net, rest.netLo);
    if (p === UNCLASSIFIED_PART) unclassifiedSymbols.add(book.keys[rest.keyId].symbol);
  }

  // Funds whose own ticker has a symbol shock move whole: their holdings' part is taken back out.
  const wholeFunds: WholeFund[] = [];
  const notReached = new Map<number, number>();
  const fundWeights = new Map<number, Float64Array>();
  for (const i of ex.fundGroups) {
    const g = book.groups[i];
    if (!movesWhole(g.key.id)) continue;
    const { keyIds, weights, residualWeight } = g.fund!;
    const c = g.currencyIndex;
    const f = fxChange[c];
    const covers = fxCovers[c];
    // The holdings' weight by slot (on the weights' grid, then their rests: FundLookThrough.weightGrid), once per
    // fund (its groups in other currencies share it), then each slot's move, part and shock taken back out at once.
    let weightOf = fundWeights.get(g.key.id);
    if (!weightOf) {
      fundWeights.set(g.key.id, (weightOf = new Float64Array(2 * moves.slots)));
      const { weightGrid } = g.fund!;
      for (let j = 0; j < keyIds.length; j++) {
        const at = 2 * slotOf(moves, keyIds[j]);
        weightOf[at] += weightGrid[2 * j];
        weightOf[at + 1] += weightGrid[2 * j + 1];
      }
    }
    // Only unclassified securities are named in coverage, so only their cells are counted.
    for (let j = 0; j < keyIds.length; j++) {
      const k = keyIds[j];
      if (book.keyUnclassified[k] === 1 && weights[j] !== 0) notReached.set(k * W + c, (notReached.get(k * W + c) ?? 0) + 1);
    }
    const through = sums.scratch;
    through.fill(0);
    // Its weights and rest summed (they add up to 100% only to the last bits), for the currency aggregate.
    const weight = Float64Array.of(residualWeight, 0);
    for (let s = 0; s < moves.slots; s++) {
      const wh = weightOf[2 * s];
      const wl = weightOf[2 * s + 1];
      if (wh === 0 && wl === 0) continue;
      ddAddPair(weight, 0, wh, wl);
      ddAddComposed(through, 0, wh, wl, slotChange[s], f);
      ddAddProductPair(parts, withCurrency(throughPart(slotPart[s]), covers), -g.grossValue, -g.grossValueLo, wh, wl);
      if (slotShock[s] !== -1) ddAddProductPair(shockValue, slotShock[s], -g.value, -g.valueLo, wh, wl);
    }
    ddAddProductPair(pnl, 0, -g.value, -g.valueLo, through[0], through[1]);
    if (residualWeight > 0) ddAddComposed(through, 0, residualWeight, 0, restPrice(g.key.id).change, f);
    const own = slotOf(moves, g.key.id);
    ddAddComposed(pnl, 0, g.value, g.valueLo, slotChange[own], f);
    const wholePart = withCurrency(slotPart[own], covers);
    ddAddPair(parts, wholePart, g.grossValue, g.grossValueLo);
    if (slotShock[own] !== -1) ddAddPair(shockValue, slotShock[own], g.value, g.valueLo);
    if (wholePart === UNCLASSIFIED_PART) unclassifiedSymbols.add(g.key.symbol);
    // The gap between the fund's own move and its holdings', for the aggregates.
    const shift = new Float64Array(2);
    ddAddComposed(shift, 0, 1, 0, slotChange[own], f);
    ddAddPair(shift, 0, -through[0], -through[1]);
    const slices = new Float64Array(2);
    ddAddProductPair(slices, 0, g.value, g.valueLo, weight[0], weight[1]);
    wholeFunds.push({ group: i, shift, slices });
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
    const reached = new Array<number>(compiled.shockCount).fill(0);
    const pass = groupPass(evaluate, reached, false);
    // Options too, each on its own: revalued on their underlying's move (options-pass), like a leveraged fund's group.
    for (const [groups, moved] of [
      [ex.optionGroups, options],
      [ex.leveragedGroups, leveraged],
    ] as const)
      for (const i of groups) {
        const g = book.groups[i];
        const move = moveOfGroup(book, pass, i);
        ddAddProduct(pnl, 0, g.value, g.valueLo, move.return);
        COVERAGE_PARTS.forEach((name, p) => ddAddProduct(parts, p, g.grossValue, g.grossValueLo, move.shares[name]));
        moved.push({ group: i, move });
      }
    reached.forEach((value, i) => ddAdd(shockValue, i, value));
    for (const symbol of pass.unclassifiedSymbols) unclassifiedSymbols.add(symbol);
  }

  const aggregates: ScenarioTotals['aggregates'] = {};
  for (const dimension of by) {
    if (dimension === 'currency') {
      aggregates.currency = currencyAggregate(book, moves, wholeFunds, [...leveraged, ...options]);
      continue;
    }
    const dim = dimensionRows(book, moves.workspace.lower, dimension);
    const sums = rowSums(dim.names.slice(), dim.value.slice(), dim.touched.slice());
    aggregatePnl(book, moves, dim, sums.pnl);
    const rowsOf = (k: number, each: (row: number) => void) => {
      for (let j = dim.start[k]; j < dim.start[k + 1]; j++) each(dim.rows[j]);
    };
    // Rests are slices of the aggregate even when their fund moves whole (the shift below then applies to them too).
    ex.rests.forEach((rest, j) =>
      rowsOf(rest.keyId, (row) => ddAddComposed(sums.pnl, row, rest.net, rest.netLo, restChange[j], fxChange[rest.currencyIndex])),
    );
    // A fund moving whole is still split over its holdings, each shifted by the gap between the fund's move and theirs.
    for (const { group, shift } of wholeFunds) {
      const fund = fundRowsOf(book, dim, group);
      for (let j = 0; j < fund.rows.length; j++)
        ddAddProductPair(sums.pnl, fund.rows[j], fund.sums[2 * j], fund.sums[2 * j + 1], shift[0], shift[1]);
    }
    const extraRows = new Map<string, number>();
    const put = (names: readonly string[], vh: number, vl: number, r: number) => {
      for (const name of names) {
        let row = dim.rowOf.get(name) ?? extraRows.get(name);
        if (row === undefined) extraRows.set(name, (row = sums.names.push(name) - 1));
        grow(sums, row);
        ddAddPair(sums.value, row, vh, vl);
        ddAddProduct(sums.pnl, row, vh, vl, r);
        sums.touched[row] = 1;
      }
    };
    for (const { group, move } of leveraged) {
      const g = book.groups[group];
      if (evaluate!.isLeveraged(g))
        attributeLeveraged(evaluate!, g.leverage!, g.value, g.currency, move, (key, v, r) =>
          put(groupsOf(key, g.currency, dimension), v, 0, r),
        );
      else put(groupsOf(g.key, g.currency, dimension), g.value, g.valueLo, move.return);
    }
    // An option's value and P&L are its underlying's, as one security.
    for (const { group, move } of options) {
      const g = book.groups[group];
      put(groupsOf(book.optionOfGroup[group]!.underlying, g.currency, dimension), g.value, g.valueLo, move.return);
    }
    aggregates[dimension] = rounded(book, sums);
  }
  const partValues = new Float64Array(PART_COUNT);
  for (let p = 0; p < PART_COUNT; p++) partValues[p] = settled(book, parts, p);
  const shockValues = new Array<number>(compiled.shockCount);
  for (let i = 0; i < shockValues.length; i++) shockValues[i] = settled(book, shockValue, i);
  return { pnl: settled(book, pnl, 0), parts: partValues, shockValue: shockValues, unclassifiedSymbols, aggregates };
}

/** An aggregate's rows while they are summed: value and P&L as double-doubles (2 per row). */
interface RowSums {
  names: string[];
  value: Float64Array;
  pnl: Float64Array;
  touched: Uint8Array;
}

const rowSums = (names: string[], value: Float64Array, touched: Uint8Array): RowSums => ({
  names,
  value,
  pnl: new Float64Array(value.length),
  touched,
});

/**
 * A double-double sum rounded to one double, and a sum below 2⁻⁵⁰ of the book's gross value (a billionth of a cent
 * on a million) taken as zero. Such a sum is what is left of value moved in and out of it (a fund moving whole takes
 * its holdings' value back out of the slots it was summed in), or of moves that cancel; the sums carry about 2⁻¹⁰⁰ of
 * the book's value, so its last bits would be noise. The reference evaluator reads figures the same way.
 */
const SETTLED = 2 ** -50;

function settled(book: Book, acc: Float64Array, i: number): number {
  const x = acc[2 * i] + acc[2 * i + 1];
  return Math.abs(x) < book.grossValue * SETTLED ? 0 : x;
}

/** The rows' sums rounded to doubles (settled). */
function rounded(book: Book, sums: RowSums): AggregateSums {
  const n = sums.names.length;
  const value = new Float64Array(n);
  const pnl = new Float64Array(n);
  for (let row = 0; row < n; row++) {
    value[row] = settled(book, sums.value, row);
    pnl[row] = settled(book, sums.pnl, row);
  }
  return { names: sums.names, value, pnl, touched: sums.touched.subarray(0, n) };
}

/** Makes room for a row added after the book's rows were counted (a leveraged fund's stand-in holdings are all keys, so this is rare). */
function grow(sums: RowSums, row: number) {
  if (row < sums.touched.length) return;
  const size = Math.max(row + 1, sums.touched.length * 2);
  const value = new Float64Array(2 * size);
  value.set(sums.value);
  const pnl = new Float64Array(2 * size);
  pnl.set(sums.pnl);
  const touched = new Uint8Array(size);
  touched.set(sums.touched);
  Object.assign(sums, { value, pnl, touched });
}

/** The currency aggregate: one row per currency a position is held in. */
function currencyAggregate(
  book: Book,
  moves: KeyMoves,
  wholeFunds: readonly WholeFund[],
  leveraged: readonly { group: number; move: { return: number } }[],
): AggregateSums {
  const ex = book.exposure;
  const W = ex.width;
  const sums = rowSums(book.currencies.slice(), new Float64Array(2 * W), new Uint8Array(W));
  const slot = allSlots(moves);
  const { slotChange, fxChange } = moves;
  const { restChange } = moves.workspace;
  for (let c = 0; c < book.currencies.length; c++) {
    for (let j = ex.cellStart[c]; j < ex.cellStart[c + 1]; j++) {
      const x = CELL_GRID * (ex.cellKeys[j] * W + c);
      ddAddPair(sums.value, c, ex.cellGrid[x], ex.cellGrid[x + 1]);
      ddAddComposed(sums.pnl, c, ex.cellGrid[x], ex.cellGrid[x + 1], slotChange[slot[ex.cellKeys[j]]], fxChange[c]);
      sums.touched[c] = 1;
    }
  }
  ex.rests.forEach((rest, j) => {
    const c = rest.currencyIndex;
    ddAddPair(sums.value, c, rest.net, rest.netLo);
    ddAddComposed(sums.pnl, c, rest.net, rest.netLo, restChange[j], fxChange[c]);
    sums.touched[c] = 1;
  });
  // A fund moving whole: each of its slices shifted (as in the other aggregates: value × weight × shift).
  for (const { group, shift, slices } of wholeFunds)
    ddAddProductPair(sums.pnl, book.groups[group].currencyIndex, slices[0], slices[1], shift[0], shift[1]);
  for (const { group, move } of leveraged) {
    const g = book.groups[group];
    ddAddPair(sums.value, g.currencyIndex, g.value, g.valueLo);
    ddAddProduct(sums.pnl, g.currencyIndex, g.value, g.valueLo, move.return);
    sums.touched[g.currencyIndex] = 1;
  }
  return rounded(book, sums);
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
