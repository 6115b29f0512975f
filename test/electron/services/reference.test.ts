import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeServices } from '../../../electron/services/services';
import { upsertSecurityLayer } from '../../../electron/db/securities';
import { insertSecurityTheme } from '../../../electron/db/themes';
import {
  bundledReferenceVersion,
  ensureBundledReference,
  loadBundledReference,
  readBundledReference,
} from '../../../electron/services/bundled-reference';
import { listUnclassified, loadReferenceData } from '../../../electron/services/reference';
import { listPrices } from '../../../electron/db/prices';
import { blankLayer } from '../../../shared/domain/classification';
import { memoryServices, RESOURCES, testServices } from '../../helpers/services';

describe('loadReferenceData on the bundled data', () => {
  it('classifies NVDA, VST, ASML and LDO.MI with sources, themes and as-of', () => {
    const { db } = memoryServices({ loadReference: true });
    const ref = loadReferenceData(db, ['NVDA', 'VST', 'ASML', 'LDO.MI', 'ZZZZ']);
    expect(ref.securities.NVDA).toMatchObject({
      name: 'Nvidia',
      isin: 'US67066G1040',
      type: 'stock',
      sector: 'Information Technology',
      industry: 'Semiconductors',
      country: 'United States',
      themes: ['ai-infrastructure', 'mega-cap-tech', 'semiconductors'],
      asOf: '2026-08-08',
    });
    expect(ref.securities.NVDA.sources).toEqual({
      name: 'bundled',
      type: 'bundled',
      sector: 'bundled',
      industry: 'bundled',
      country: 'bundled',
      currency: 'bundled',
      isin: 'bundled',
      themes: 'bundled',
    });
    expect(ref.securities.VST.themes).toEqual(['ai-energy']);
    expect(ref.securities.ASML).toMatchObject({
      industry: 'Semiconductor Materials & Equipment',
      country: 'Netherlands',
      themes: ['semicap-equipment'],
    });
    expect(ref.securities['LDO.MI']).toMatchObject({ sector: 'Industrials', currency: 'EUR', themes: ['defense'] });
    expect(ref.securities.ZZZZ).toBeUndefined();
    expect(ref.unclassified).toEqual(['ZZZZ']);
    expect(ref.fxRates).toContainEqual({
      currency: 'EUR',
      quote: 'USD',
      rate: 1.0465,
      asOf: '2025-02-21',
      source: 'ECB euro reference rate',
    });
    expect(ref.fxRates).toContainEqual({
      currency: 'EUR',
      quote: 'GBP',
      rate: 0.82608,
      asOf: '2025-02-28',
      source: 'ECB euro reference rate',
    });
  });

  it('includes fund holdings with as-of and classifies their constituents', () => {
    const { db } = memoryServices({ loadReference: true });
    const ref = loadReferenceData(db, ['QQQ', 'SPY']);
    expect(ref.funds.QQQ).toMatchObject({ fund: 'QQQ', asOf: '2025-10-04', origin: 'bundled' });
    expect(ref.funds.QQQ.holdings).toHaveLength(101);
    expect(ref.funds.QQQ.holdings[0]).toEqual({ symbol: 'NVDA', weight: 0.09921 });
    expect(ref.funds.SPY.holdings).toHaveLength(503);
    expect(ref.funds.SPY.totalWeight).toBeCloseTo(0.998444, 6);
    expect(ref.securities.NVDA.sector).toBe('Information Technology');
    expect(Object.keys(ref.securities).length).toBeGreaterThan(500);
  });

  it('lets a user override win per field and keeps it when bundled data is re-loaded', () => {
    const { db } = memoryServices({ loadReference: true });
    upsertSecurityLayer(db, {
      ...blankLayer('VST', 'market-data'),
      industry: 'Utilities—Independent Power Producers',
      country: 'United States',
      asOf: '2026-11-01',
    });
    upsertSecurityLayer(db, { ...blankLayer('VST', 'user'), sector: 'Energy', themesOverride: true });
    insertSecurityTheme(db, 'VST', 'semiconductors', 'user');
    loadBundledReference(db, readBundledReference(RESOURCES), { force: true });
    const vst = loadReferenceData(db, ['VST']).securities.VST;
    expect(vst).toMatchObject({
      sector: 'Energy',
      industry: 'Utilities—Independent Power Producers',
      name: 'Vistra Corp.',
      themes: ['semiconductors'],
      asOf: '2026-11-01',
    });
    expect(vst.sources).toMatchObject({ sector: 'user', industry: 'market-data', name: 'bundled', themes: 'user' });
  });

  it('loads the bundled closes once and lists unclassified symbols', () => {
    const { db } = memoryServices({ loadReference: true });
    const nvda = listPrices(db, 'NVDA', '2025-01-24', '2025-01-27');
    expect(nvda.map((p) => [p.date, p.close])).toEqual([
      ['2025-01-24', 142.59],
      ['2025-01-27', 118.5],
    ]);
    expect(loadBundledReference(db, readBundledReference(RESOURCES))).toBe(false);
    // The cheap version check on start agrees with the full read, so a start does not re-parse the files.
    expect(bundledReferenceVersion(RESOURCES)).toBe(readBundledReference(RESOURCES).version);
    expect(ensureBundledReference(db, RESOURCES)).toBe(false);
    expect(listUnclassified(db, ['AAPL', 'NOPE', 'EUR'])).toEqual(['NOPE']);
  });
});

describe('bundled price history', () => {
  it('joins the long histories to the primary series without a jump and covers the 2020 crash', () => {
    const { db } = memoryServices({ loadReference: true });
    const close = (symbol: string, date: string) => listPrices(db, symbol, date, date)[0]?.close;
    // NVDA's long file predates its 2024 10:1 split; rescaled, 24 → 27 Jul 2020 is an ordinary day.
    const splice = close('NVDA', '2020-07-27') / close('NVDA', '2020-07-24') - 1;
    expect(Math.abs(splice)).toBeLessThan(0.05);
    const crash = close('SPY', '2020-03-23') / close('SPY', '2020-02-19') - 1;
    expect(Math.round(crash * 1e4) / 1e4).toBe(-0.3372);
    expect(listPrices(db, '^SPX', '1987-10-19', '1987-10-19')).toHaveLength(1);
  });
});

describe('loadReferenceData keeps what it read until the database changes', () => {
  it('shares entries between calls, and reads afresh after any write, by this connection or another', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-refcache-'));
    const file = path.join(dir, 'book.sqlite');
    const services = testServices(file, { backups: false, loadReference: true });
    const other = new Database(file);
    try {
      const { db } = services;
      const first = loadReferenceData(db, ['SPY', 'NVDA']);
      // Another symbol set reuses the fund and constituent entries already read.
      const second = loadReferenceData(db, ['QQQ', 'SPY']);
      expect(second.funds.SPY).toBe(first.funds.SPY);
      expect(second.securities.AAPL).toBe(first.securities.AAPL);
      expect(second.securities.NVDA).toBe(first.securities.NVDA);
      // Nobody can change a shared entry behind the others' backs.
      expect(() => (first.securities.NVDA.themes as string[]).push('x')).toThrow(TypeError);
      expect(() => ((first.funds.SPY.holdings[0] as { weight: number }).weight = 1)).toThrow(TypeError);
      expect(first.securities.NVDA.themes).not.toContain('x');

      // A write through this connection: the user's own sector for NVDA.
      upsertSecurityLayer(db, { ...blankLayer('NVDA', 'user'), sector: 'My sector' });
      expect(loadReferenceData(db, ['NVDA']).securities.NVDA.sector).toBe('My sector');
      // A write by another process (the command line on the same file).
      other.prepare("UPDATE securities SET sector = 'Theirs' WHERE symbol = 'NVDA' AND source = 'user'").run();
      expect(loadReferenceData(db, ['NVDA']).securities.NVDA.sector).toBe('Theirs');
      other.prepare("INSERT INTO fx_rates (currency, quote, rate, as_of, source) VALUES ('CHF', 'USD', 1.1, '2025-03-01', 'test')").run();
      expect(loadReferenceData(db, ['NVDA']).fxRates).toContainEqual({
        currency: 'CHF',
        quote: 'USD',
        rate: 1.1,
        asOf: '2025-03-01',
        source: 'test',
      });
      // And the answer is the one a fresh read gives.
      const again = loadReferenceData(db, ['SPY', 'NVDA']);
      const fresh = testServices(file, { backups: false, loadReference: true });
      try {
        expect(again).toEqual(loadReferenceData(fresh.db, ['SPY', 'NVDA']));
      } finally {
        closeServices(fresh);
      }
    } finally {
      other.close();
      closeServices(services);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
