import { describe, expect, it } from 'vitest';
import type { Classification } from '../../shared/domain/reference';
import { classificationSummary, formFrom, patchFrom, sourceLabel } from '../../renderer/src/views/classification-display';

const vst: Classification = {
  symbol: 'VST',
  name: 'Vistra Corp.',
  type: 'stock',
  sector: 'Utilities',
  industry: 'Electric Utilities',
  country: 'United States',
  currency: 'USD',
  exchange: null,
  isin: null,
  themes: ['ai-energy'],
  sources: { name: 'bundled', sector: 'bundled', industry: 'user', country: 'bundled', themes: 'bundled' },
  asOf: null,
};

describe('classify dialog helpers', () => {
  it('sends only what changed, clears the user’s own fields and keeps others’', () => {
    const form = formFrom(vst);
    expect(patchFrom(form, vst)).toBeNull();
    expect(patchFrom({ ...form, sector: ' Energy ' }, vst)).toEqual({ sector: 'Energy' });
    expect(patchFrom({ ...form, industry: '' }, vst)).toEqual({ industry: null });
    expect(patchFrom({ ...form, country: '' }, vst)).toBeNull();
    expect(patchFrom({ ...form, themes: ['semiconductors', 'ai-energy'] }, vst)).toEqual({ themes: ['ai-energy', 'semiconductors'] });
  });

  it('labels sources and summarises a classification', () => {
    expect([sourceLabel('user'), sourceLabel('market-data'), sourceLabel('bundled'), sourceLabel(undefined)]).toEqual([
      'you',
      'market data',
      'bundled',
      'unknown',
    ]);
    expect(classificationSummary(vst)).toBe('Utilities · Electric Utilities');
    expect(classificationSummary(undefined)).toBe('Unclassified');
  });
});
