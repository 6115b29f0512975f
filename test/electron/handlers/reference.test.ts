import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { loadBundledReference, readBundledReference } from '../../../electron/services/bundled-reference';
import { call, memoryServices, RESOURCES } from '../../helpers/services';

describe('classification overrides, themes and exposure commands', () => {
  it('overrides fields, re-tags themes, survives a bundled re-load and resets', () => {
    const services = memoryServices({ loadReference: true });
    const theme = call(services, 'themes:create', { name: 'Nuclear & SMRs', criteria: 'Builds or runs reactors.' });
    expect(theme).toEqual({ id: 'nuclear-smrs', name: 'Nuclear & SMRs', criteria: 'Builds or runs reactors.', source: 'user' });
    const detail = call(services, 'securities:classify', {
      symbol: 'ceg',
      patch: { industry: 'Nuclear Power', themes: ['ai-energy', 'nuclear-smrs'] },
    });
    expect(detail.classification).toMatchObject({
      symbol: 'CEG',
      sector: 'Utilities',
      industry: 'Nuclear Power',
      themes: ['ai-energy', 'nuclear-smrs'],
    });
    expect(detail.classification.sources).toMatchObject({ sector: 'bundled', industry: 'user', themes: 'user' });

    loadBundledReference(services.db, readBundledReference(RESOURCES), { force: true });
    expect(call(services, 'securities:show', { symbol: 'CEG' }).classification).toMatchObject({
      industry: 'Nuclear Power',
      themes: ['ai-energy', 'nuclear-smrs'],
    });

    const cleared = call(services, 'securities:classify', { symbol: 'CEG', patch: { industry: null, themes: null } });
    expect(cleared.classification).toMatchObject({ industry: 'Electric Utilities', themes: ['ai-energy'] });
    expect(cleared.layers.map((l) => l.source)).toEqual(['bundled']);

    call(services, 'securities:classify', { symbol: 'CEG', patch: { country: 'Canada' } });
    expect(call(services, 'securities:reset', { symbol: 'CEG' }).classification.country).toBe('United States');
  });

  it('rejects bad overrides with a sentence and writes nothing', () => {
    const services = memoryServices({ loadReference: true });
    const unknownTheme = dispatch(services, 'securities:classify', {
      symbol: 'VST',
      patch: { sector: 'Energy', themes: ['ai-energy', 'moon-mining'] },
    });
    expect(unknownTheme).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(!unknownTheme.ok && unknownTheme.error.message).toMatch(/^There is no theme "moon-mining"; create it first or pick one of: /);
    expect(call(services, 'securities:show', { symbol: 'VST' }).classification.sector).toBe('Utilities');

    const badIsin = dispatch(services, 'securities:classify', { symbol: 'VST', patch: { isin: 'nope' } });
    expect(!badIsin.ok && badIsin.error.message).toBe(
      'The request "securities:classify" was rejected: patch.isin must be a 12-character ISIN such as US67066G1040.',
    );
    const empty = dispatch(services, 'securities:classify', { symbol: 'VST', patch: {} });
    expect(!empty.ok && empty.error.message).toBe('The request "securities:classify" was rejected: patch must change at least one field.');
    const bundledTheme = dispatch(services, 'themes:delete', { id: 'ai-energy' });
    expect(!bundledTheme.ok && bundledTheme.error.message).toBe(
      '"Energy for AI" is a bundled theme and cannot be deleted; remove it from holdings instead.',
    );
    call(services, 'themes:create', { name: 'Mine' });
    const duplicate = dispatch(services, 'themes:create', { name: 'MINE' });
    expect(!duplicate.ok && duplicate.error.message).toBe('A theme "Mine" (id mine) already exists; choose another name.');
  });

  it('answers exposure of a portfolio with look-through and an Unclassified bucket', () => {
    const services = memoryServices({ loadReference: true });
    const portfolio = call(services, 'portfolios:create', { name: 'Exposure' });
    const account = call(services, 'accounts:create', { portfolioId: portfolio.id, name: 'A' });
    call(services, 'positions:create', { accountId: account.id, symbol: 'QQQ', quantity: 10, price: 1000 });
    call(services, 'positions:create', { accountId: account.id, symbol: 'NVDA', quantity: 50, price: 100 });
    call(services, 'positions:create', { accountId: account.id, symbol: 'MYSTERY', quantity: 1, price: 500 });
    call(services, 'positions:create', {
      accountId: account.id,
      symbol: 'TWDCASH',
      quantity: 1,
      price: 100,
      currency: 'TWD',
      assetClass: 'cash',
    });
    const bySymbol = call(services, 'exposure:portfolio', { portfolioId: portfolio.id, by: 'symbol', lookThrough: true });
    expect(bySymbol.total).toBe(15_500);
    expect(bySymbol.unvalued).toEqual(['TWDCASH']);
    // NVDA: 5,000 direct + 10,000 × 9.921% (QQQ, 2025-10-04) = 5,992.10
    expect(bySymbol.buckets.find((b) => b.key === 'NVDA')!.value).toBeCloseTo(5_992.1, 9);
    expect(bySymbol.unclassified.map((u) => u.symbol)).toContain('MYSTERY');
    const bySector = call(services, 'exposure:portfolio', { portfolioId: portfolio.id, by: 'sector', lookThrough: false });
    expect(bySector.buckets.map((b) => [b.key, b.value])).toEqual([
      ['Multi-Sector', 10_000],
      ['Information Technology', 5_000],
      ['Unclassified', 500],
    ]);
    const reference = call(services, 'reference:portfolio', { portfolioId: portfolio.id });
    expect(reference.unclassified).toEqual(['MYSTERY', 'TWDCASH']);
    expect(reference.securities.QQQ.type).toBe('etf');
  });
});
