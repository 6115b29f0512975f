import { describe, expect, it } from 'vitest';
import { explainPosition, prepareBook, runScenario } from '../../../shared/engine';
import { aiCapex, pos, reference, sec } from './book-builder';

// A semis-heavy retail book under the card's three shocks.
const positions = [
  pos('NVDA', 100, 100), // 10,000
  pos('ASML', 10, 700), // 7,000
  pos('AMAT', 20, 150), // 3,000
  pos('VST', 50, 100), // 5,000
  pos('AAPL', 20, 200), // 4,000
  pos('SPAXX', 1000, 1, { assetClass: 'cash' }), // 1,000
];
const ref = reference([
  sec('NVDA', { sector: 'Information Technology', industry: 'Semiconductors', themes: ['semiconductors'] }),
  sec('ASML', { sector: 'Information Technology', industry: 'Semiconductor Materials & Equipment', country: 'NL' }),
  sec('AMAT', { sector: 'Information Technology', industry: 'Semiconductor Materials & Equipment' }),
  sec('VST', { sector: 'Utilities', industry: 'Electric Utilities', themes: ['ai-energy'] }),
  sec('AAPL', { sector: 'Information Technology', industry: 'Technology Hardware, Storage & Peripherals', themes: ['mega-cap-tech'] }),
  sec('SPAXX', { type: 'money-market', country: null }),
]);

describe('story: a semis-heavy retail book under "AI capex thesis collapses"', () => {
  const book = prepareBook(positions, 'USD', ref);
  const result = runScenario(book, aiCapex, { by: ['sector', 'theme', 'industry'] });

  it('loses exactly what the shocks say', () => {
    expect(result.valueBefore).toBe(30000);
    const pnl = Object.fromEntries(result.positions.map((p) => [p.symbol, p.pnl]));
    expect(pnl).toEqual({ NVDA: -1000, ASML: -770, AMAT: -300, VST: -1000, AAPL: 0, SPAXX: 0 });
    expect(result.pnl).toBeCloseTo(-3070, 9);
    expect(result.return).toBeCloseTo(-3070 / 30000, 12);
    expect(result.worst?.symbol).toBe('NVDA');
  });

  it('says which shock moved each position', () => {
    const applied = Object.fromEntries(result.positions.map((p) => [p.symbol, p.applied]));
    expect(applied.ASML).toBe('symbol ASML −11%');
    expect(applied.AMAT).toBe('industry Semiconductor Materials & Equipment −10%');
    expect(applied.VST).toBe('theme ai-energy −20%');
    expect(applied.AAPL).toBe('Not shocked: no shock in the scenario matches it.');
    expect(applied.SPAXX).toBe('Not shocked: cash is not moved by a market shock.');
    const [slice] = explainPosition(book, aiCapex, positions[1].id);
    expect(slice.price).toMatchObject({ kind: 'explicit', level: 'symbol', shockIndex: 2, change: -0.11 });
  });

  it('states coverage by value', () => {
    expect(result.coverage.explicit.value).toBe(25000);
    expect(result.coverage.market.value).toBe(0);
    expect(result.coverage.noShock.value).toBe(5000);
    expect(result.coverage.noShock.positionIds).toEqual([positions[4].id, positions[5].id]);
    expect(result.coverage.explicit.share + result.coverage.noShock.share).toBeCloseTo(1, 12);
    expect(result.coverage.unclassified.value).toBe(0);
    // Semiconductors: NVDA; SME: AMAT (ASML is taken by its own symbol shock); ai-energy: VST.
    expect(result.shockValue).toEqual([10000, 3000, 7000, 5000]);
  });

  it('aggregates by sector and theme', () => {
    expect(result.aggregates.sector).toEqual([
      { key: 'Information Technology', value: 24000, pnl: -2070, return: -2070 / 24000 },
      { key: 'Utilities', value: 5000, pnl: -1000, return: -0.2 },
      { key: 'Unclassified', value: 1000, pnl: 0, return: 0 },
    ]);
    const themes = Object.fromEntries(result.aggregates.theme!.map((r) => [r.key, r.pnl]));
    expect(themes).toEqual({ 'ai-energy': -1000, semiconductors: -1000, 'No theme': -1070, 'mega-cap-tech': 0 });
  });
});
