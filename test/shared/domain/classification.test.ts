import { describe, expect, it } from 'vitest';
import { blankLayer, chooseFundHoldings, mergeClassification } from '../../../shared/domain/classification';
import type { ClassificationLayer } from '../../../shared/domain/reference';

const layer = (source: ClassificationLayer['source'], fields: Partial<ClassificationLayer>): ClassificationLayer => ({
  ...blankLayer('GEV', source),
  ...fields,
});

describe('merging classification layers', () => {
  it('takes each field from the highest layer that has it: user > market data > bundled', () => {
    const merged = mergeClassification(
      'GEV',
      [
        layer('bundled', {
          name: 'GE Vernova',
          type: 'stock',
          sector: 'Industrials',
          industry: 'Heavy Electrical Equipment',
          country: 'United States',
          asOf: '2026-08-08',
        }),
        layer('market-data', { name: 'GE Vernova Inc.', country: 'United States', exchange: 'NYSE', asOf: '2026-11-20' }),
        layer('user', { industry: 'Gas turbines' }),
      ],
      [{ themeId: 'ai-energy', source: 'bundled' }],
    );
    expect(merged).toEqual({
      symbol: 'GEV',
      name: 'GE Vernova Inc.',
      type: 'stock',
      sector: 'Industrials',
      industry: 'Gas turbines',
      country: 'United States',
      currency: null,
      exchange: 'NYSE',
      isin: null,
      themes: ['ai-energy'],
      sources: {
        name: 'market-data',
        type: 'bundled',
        sector: 'bundled',
        industry: 'user',
        country: 'market-data',
        exchange: 'market-data',
        themes: 'bundled',
      },
      asOf: '2026-11-20',
    });
  });

  it('replaces the theme list only when the user re-tagged, and then even with none', () => {
    const tags = [
      { themeId: 'ai-energy', source: 'bundled' as const },
      { themeId: 'mine', source: 'user' as const },
    ];
    expect(mergeClassification('GEV', [layer('user', { themesOverride: false })], tags).themes).toEqual(['ai-energy', 'mine']);
    expect(mergeClassification('GEV', [layer('user', { themesOverride: true })], tags).themes).toEqual(['mine']);
    expect(mergeClassification('GEV', [layer('user', { themesOverride: true })], [tags[0]])).toMatchObject({
      themes: [],
      sources: { themes: 'user' },
    });
  });

  it('prefers full bundled holdings over market data top holdings and totals the weights', () => {
    const chosen = chooseFundHoldings([
      { fund: 'QQQ', asOf: '2026-11-20', source: 'Yahoo', origin: 'market-data', holdings: [{ symbol: 'NVDA', weight: 0.1 }] },
      {
        fund: 'QQQ',
        asOf: '2025-10-04',
        source: 'Invesco',
        origin: 'bundled',
        holdings: [
          { symbol: 'NVDA', weight: 0.09 },
          { symbol: 'MSFT', weight: 0.08 },
        ],
      },
    ]);
    expect(chosen?.source).toBe('Invesco');
    expect(chosen?.totalWeight).toBeCloseTo(0.17, 12);
    expect(chooseFundHoldings([])).toBeUndefined();
  });
});
