import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstSeen } from '../../../shared/import/first-seen';

describe('FirstSeen', () => {
  it('names the first row of each account and symbol, per account', () => {
    const seen = new FirstSeen(4);
    expect(seen.firstRow('Joint', 'AAPL', 2)).toBeUndefined();
    expect(seen.firstRow('IRA', 'AAPL', 3)).toBeUndefined();
    expect(seen.firstRow('Joint', 'MSFT', 4)).toBeUndefined();
    expect(seen.firstRow('Joint', 'AAPL', 5)).toBe(2);
    expect(seen.firstRow('IRA', 'AAPL', 6)).toBe(3);
    expect(seen.firstRow('Joint', 'AAPL', 7)).toBe(2);
    // The account and symbol are not one joined string: "AB"+"C" is not "A"+"BC".
    expect(seen.firstRow('AB', 'C', 8)).toBeUndefined();
    expect(seen.firstRow('A', 'BC', 9)).toBeUndefined();
  });

  it('agrees with a Map of Maps on any sequence of rows, growing past the size it was given', () => {
    const pair = fc.tuple(fc.constantFrom('', 'Joint', 'IRA', 'Roth IRA (…1234)', 'é'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 300 }), fc.nat(40), (pairs, hint) => {
        const seen = new FirstSeen(hint);
        const reference = new Map<string, Map<string, number>>();
        pairs.forEach(([account, symbol], i) => {
          const row = i + 2;
          const bySymbol = reference.get(account) ?? reference.set(account, new Map()).get(account)!;
          const expected = bySymbol.get(symbol);
          if (expected === undefined) bySymbol.set(symbol, row);
          expect(seen.firstRow(account, symbol, row)).toBe(expected);
        });
      }),
    );
  });
});
