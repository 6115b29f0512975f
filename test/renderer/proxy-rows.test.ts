import { describe, expect, it } from 'vitest';
import type { Shock } from '../../shared/engine';
import { proxyRows } from '../../renderer/src/views/results/ProxyEditor';

const used = [
  { symbol: 'SMH', shock: 'industry Semiconductors' },
  { symbol: 'ASML', shock: 'symbol ASML' },
  { symbol: 'ai-energy basket', shock: 'theme ai-energy' },
  { symbol: 'SPY', shock: 'market' },
];
const shocks = [
  { target: 'industry', value: 'Semiconductors', change: -0.1, enabled: true },
  { target: 'industry', value: 'Semiconductor Materials & Equipment', change: -0.12, enabled: true },
  { target: 'sector', value: 'Energy', change: -0.05, enabled: false },
] as Shock[];

describe('the proxy funds a user can change', () => {
  it('lists market, sector and industry proxies in use, not theme baskets or single names, and shocks that found none', () => {
    expect(proxyRows(used, {}, shocks)).toEqual([
      { kind: 'industry', name: 'Semiconductors', symbol: 'SMH', isChosen: false },
      { kind: 'market', name: 'market', symbol: 'SPY', isChosen: false },
      { kind: 'industry', name: 'Semiconductor Materials & Equipment', symbol: '', isChosen: false },
    ]);
  });

  it("marks the user's choices and keeps one main could not use, so it can be reset", () => {
    const rows = proxyRows([{ symbol: 'SOXX', shock: 'industry Semiconductors' }], {
      industries: { Semiconductors: 'SOXX' },
      sectors: { Energy: 'NOPE' },
    });
    expect(rows).toEqual([
      { kind: 'industry', name: 'Semiconductors', symbol: 'SOXX', isChosen: true },
      { kind: 'sector', name: 'Energy', symbol: 'NOPE', isChosen: true },
    ]);
  });
});
