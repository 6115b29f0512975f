import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeServices } from '../../../electron/services/services';
import { readSamplePortfolio } from '../../../electron/services/sample';
import { call, memoryServices, RESOURCES, testServices } from '../../helpers/services';
import { tempDir } from '../../helpers/temp';

const dir = tempDir('sample');

const open = (file: string) => testServices(file, { seedSample: true, loadReference: true });

describe('first run', () => {
  it('seeds the sample client with a realistic portfolio', () => {
    const services = open(path.join(dir, 'first.sqlite'));
    const [client] = call(services, 'clients:list');
    expect(client).toMatchObject({ isSample: true, portfolioCount: 1 });
    const [portfolio] = call(services, 'portfolios:list', {});
    const holdings = call(services, 'portfolios:holdings', { id: portfolio.id });
    const symbols: string[] = holdings.positions.map((p: { symbol: string }) => p.symbol);
    for (const required of [
      'NVDA',
      'AVGO',
      'TSM',
      'ASML',
      'AMD',
      'MU',
      'VST',
      'CEG',
      'GEV',
      'MSFT',
      'GOOGL',
      'META',
      'AMZN',
      'AAPL',
      'QQQ',
      'SPY',
      'SMH',
      'XLU',
      'TLT',
      'SPAXX',
    ]) {
      expect(symbols).toContain(required);
    }
    expect(holdings.positions.length).toBeGreaterThanOrEqual(24);
    expect(holdings.positions.some((p: { currency: string }) => p.currency !== 'USD')).toBe(true);
    expect(holdings.missingFx).toEqual([]);

    // The total, recomputed by hand from the bundled file: Σ quantity × price × FX.
    const sample = readSamplePortfolio(RESOURCES);
    const eurUsd = sample.fxRates.find((r) => r.currency === 'EUR')!.rate;
    const expected = sample.accounts
      .flatMap((a) => a.positions)
      .reduce((sum, p) => sum + p.quantity * p.price * (p.currency === 'EUR' ? eurUsd : 1), 0);
    expect(holdings.totalBaseValue).toBeCloseTo(expected, 6);
    expect(holdings.totalBaseValue).toBeCloseTo(626964.286, 3);
    closeServices(services);
  });

  it('does not bring the sample back after the user deleted it', () => {
    const file = path.join(dir, 'deleted.sqlite');
    const first = open(file);
    const [client] = call(first, 'clients:list');
    call(first, 'clients:delete', { id: client.id });
    closeServices(first);
    const second = open(file);
    expect(call(second, 'clients:list')).toEqual([]);
    closeServices(second);
  });

  it('does not add the sample to a database that already has clients', () => {
    const services = memoryServices({ loadReference: true });
    call(services, 'clients:create', { name: 'Existing' });
    closeServices(services);
    expect(fs.existsSync(path.join(RESOURCES, 'sample-portfolio.json'))).toBe(true);
  });
});
