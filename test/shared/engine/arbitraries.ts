import fc from 'fast-check';
import type { AssetClass, Position } from '../../../shared/domain/types';
import type { TargetKind } from '../../../shared/engine/scenario';
import { pos } from './book-builder';

// Random books and scenarios for the engine's property tests: each test names its vocabulary, these build the draws.

/** A price change from −60% to +30%, rounded to a basis point. */
export const roundedChange = fc.double({ min: -0.6, max: 0.3, noNaN: true }).map((c) => Math.round(c * 10000) / 10000);
/** A price change from −60% to +30% in whole percent. */
export const wholePercentChange = fc.integer({ min: -60, max: 30 }).map((c) => c / 100);
/** A rates move from −200 to +200 basis points. */
export const basisPointMove = fc.integer({ min: -200, max: 200 }).map((bp) => bp / 10000);

/** What one target's shocks are drawn from: its values ('' for market and rates) and, if not the common one, its change. */
type TargetDraw = readonly string[] | { values: readonly string[]; change: fc.Arbitrary<number> };

/** A shock as the scenario file would hold it. */
export interface RandomShock {
  target: TargetKind;
  value: string;
  change: number;
  enabled?: boolean;
}

const isList = (draw: TargetDraw): draw is readonly string[] => Array.isArray(draw);

/**
 * One shock: a target from `targets` (in the order given), a value from that target's list, the target's change or
 * `change`; with `toggled`, enabled or not at random.
 */
export function randomShock(
  targets: Partial<Record<TargetKind, TargetDraw>>,
  change: fc.Arbitrary<number>,
  { toggled = false }: { toggled?: boolean } = {},
): fc.Arbitrary<RandomShock> {
  return fc.oneof(
    ...Object.entries(targets).map(([target, draw]): fc.Arbitrary<RandomShock> => {
      const { values, change: drawn } = isList(draw) ? { values: draw, change } : draw;
      const fields = { target: fc.constant(target as TargetKind), value: fc.constantFrom(...values), change: drawn };
      return toggled ? fc.record({ ...fields, enabled: fc.boolean() }) : fc.record(fields);
    }),
  );
}

/**
 * A book of 1 to `maxLength` positions in `symbols`, long and short, priced in one of `currencies`; held in one of
 * `accounts` when given; of the asset class `assetClass` says for its symbol.
 */
export function randomBook(
  symbols: readonly string[],
  {
    currencies,
    accounts,
    assetClass,
    maxLength,
  }: { currencies: readonly string[]; accounts?: readonly string[]; assetClass: (symbol: string) => AssetClass; maxLength: number },
): fc.Arbitrary<Position[]> {
  const fields = {
    symbol: fc.constantFrom(...symbols),
    quantity: fc.integer({ min: -500, max: 5000 }),
    price: fc.double({ min: 0.01, max: 2000, noNaN: true }),
    currency: fc.constantFrom(...currencies),
  };
  const rowArb: fc.Arbitrary<{ symbol: string; quantity: number; price: number; currency: string; account?: string }> = accounts
    ? fc.record({ ...fields, account: fc.constantFrom(...accounts) })
    : fc.record(fields);
  return fc.array(rowArb, { minLength: 1, maxLength }).map((rows) =>
    rows.map((r) =>
      pos(r.symbol, r.quantity, r.price, {
        currency: r.currency,
        ...(r.account === undefined ? {} : { accountName: r.account }),
        assetClass: assetClass(r.symbol),
      }),
    ),
  );
}
