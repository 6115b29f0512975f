import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURITY_TYPES } from '../../../shared/domain/reference';
import { CASH_EQUIVALENTS } from '../../../shared/domain/cash-equivalents';
import { LEVERAGED_ETFS } from '../../../shared/domain/leveraged-etfs';

const root = path.join(__dirname, '..', '..', '..');
type MasterRow = [
  string,
  string,
  string,
  string,
  string,
  string | null,
  string,
  string | null,
  string,
  string,
  string,
  number | null,
  string,
  string,
];
const master = JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'reference-data', 'etf-master.json'), 'utf8')) as {
  asOf: string;
  sources: Record<string, string>;
  columns: string[];
  rows: MasterRow[];
  cashEquivalentDurations: { asOf: string; durations: Record<string, number> };
};
const securities = JSON.parse(fs.readFileSync(path.join(root, 'resources', 'reference', 'securities.json'), 'utf8')) as {
  rows: string[][];
  durations: [string, number, string][];
};
const REGIONS = [
  'US',
  'North America',
  'Latin America',
  'Europe',
  'Asia-Pacific',
  'Middle East & Africa',
  'Developed ex-US',
  'Emerging Markets',
  'Global ex-US',
  'Global',
];
const themes = JSON.parse(fs.readFileSync(path.join(root, 'resources', 'reference', 'themes.json'), 'utf8')) as {
  themes: { id: string; members: string[] }[];
};

describe('the ETF master (scripts/reference-data/etf-master.json)', () => {
  it('gives every fund an issuer with a source page, an index, a type and a bucket, under one dated file', () => {
    expect(master.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(master.rows.length).toBeGreaterThanOrEqual(300);
    for (const [symbol, name, type, sector, category, , currency, , issuer, index] of master.rows) {
      expect(symbol, symbol).toMatch(/^[A-Z]{2,5}$/);
      expect(name.length, symbol).toBeGreaterThan(5);
      expect(['etf', 'bond-fund'], symbol).toContain(type);
      expect(SECURITY_TYPES, symbol).toContain(type);
      expect(sector, symbol).toBeTruthy();
      if (type === 'bond-fund') expect(sector, symbol).toBe('Fixed Income');
      expect(category.length, symbol).toBeGreaterThan(2);
      expect(currency, symbol).toBe('USD');
      expect(master.sources[issuer], `${symbol}'s issuer ${issuer}`).toMatch(/^https:\/\//);
      expect(index.length, symbol).toBeGreaterThan(2);
    }
    expect(new Set(master.rows.map((r) => r[0])).size).toBe(master.rows.length);
  });

  it('gives every row its own source page and as-of date, and a region', () => {
    expect(master.columns.slice(10)).toEqual(['region', 'durationYears', 'source', 'asOf']);
    for (const [symbol, , , , , country, , , issuer, , region, , source, asOf] of master.rows) {
      expect(source, symbol).toMatch(/^https:\/\/[^\s]+$/);
      expect(source, symbol).toBe(master.sources[issuer]);
      expect(asOf, symbol).toMatch(/^20\d{2}-\d{2}-\d{2}$/);
      expect(asOf <= master.asOf, symbol).toBe(true);
      expect(REGIONS, symbol).toContain(region);
      if (country === 'United States') expect(region, symbol).toBe('US');
    }
  });

  it('gives every bond fund (and only bond funds) an effective duration, bundled for rate shocks', () => {
    const bundled = new Map(securities.durations.map(([symbol, years, asOf]) => [symbol, { years, asOf }]));
    for (const [symbol, , type, , , , , , , , , years, , asOf] of master.rows) {
      if (type !== 'bond-fund') expect(years, symbol).toBeNull();
      else if (symbol !== 'PFF') {
        expect(years, symbol).toBeGreaterThanOrEqual(0);
        expect(years, symbol).toBeLessThanOrEqual(40);
        expect(bundled.get(symbol), symbol).toEqual({ years, asOf });
      }
    }
    // Long Treasuries are long, T-bill funds and floaters next to nothing, the aggregate in between.
    expect(bundled.get('TLT')!.years).toBeGreaterThan(15);
    expect(bundled.get('EDV')!.years).toBeGreaterThan(bundled.get('TLT')!.years);
    expect(bundled.get('AGG')!.years).toBeGreaterThan(4);
    expect(bundled.get('AGG')!.years).toBeLessThan(8);
    for (const symbol of ['SGOV', 'BIL', 'SHV', 'USFR']) expect(bundled.get(symbol)!.years, symbol).toBeLessThan(0.5);
    for (const symbol of Object.keys(master.cashEquivalentDurations.durations))
      expect(Object.hasOwn(CASH_EQUIVALENTS, symbol), symbol).toBe(true);
    expect(bundled.has('PFF')).toBe(false);
  });

  it('has a provenance file naming its sources, licence and the dates its rows carry', () => {
    const provenance = fs.readFileSync(path.join(root, 'scripts', 'reference-data', 'ETF-MASTER-PROVENANCE.md'), 'utf8');
    expect(provenance).toMatch(/\| what \| source \| licence \| as of \|/);
    for (const asOf of new Set(master.rows.map((r) => r[13]))) expect(provenance, asOf).toContain(asOf);
    expect(provenance).toContain(`${master.rows.length} common US-listed ETFs`);
    expect(provenance).toMatch(/approximate/i);
  });

  it('keeps cash equivalents and leveraged funds in their own lists', () => {
    for (const [symbol] of master.rows) {
      expect(Object.hasOwn(CASH_EQUIVALENTS, symbol), symbol).toBe(false);
      expect(Object.hasOwn(LEVERAGED_ETFS, symbol), symbol).toBe(false);
    }
  });

  it('is in the bundled security master, and the AI and energy-for-AI funds carry their themes', () => {
    const bundled = new Map(securities.rows.map((r) => [r[0], r]));
    for (const [symbol, name, type, sector] of master.rows)
      expect(bundled.get(symbol)?.slice(0, 4), symbol).toEqual([symbol, name, type, sector]);
    expect(bundled.get('VTEB')?.[8]).toBe('etf-master');
    const themed = (id: string) => themes.themes.find((t) => t.id === id)!.members;
    expect(themed('ai-energy')).toEqual(expect.arrayContaining(['URA', 'NLR']));
    expect(themed('semiconductors')).toEqual(expect.arrayContaining(['SMH', 'SOXX', 'XSD', 'SOXQ']));
    expect(themed('ai-robotics-funds')).toEqual(expect.arrayContaining(['AIQ', 'BOTZ', 'ROBO', 'CHAT']));
    expect(themed('ai-infrastructure')).toEqual(expect.arrayContaining(['DTCR', 'SRVR']));
    // The most-held funds are all here, with their index.
    const byIndex = new Map(master.rows.map((r) => [r[0], r[9]]));
    expect(byIndex.get('SPY')).toBe('S&P 500');
    expect(byIndex.get('QQQ')).toBe('Nasdaq-100');
    expect(byIndex.get('SMH')).toBe('MVIS US Listed Semiconductor 25');
  });
});
