import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURITY_TYPES } from '../../../shared/domain/reference';
import { CASH_EQUIVALENTS } from '../../../shared/domain/cash-equivalents';
import { LEVERAGED_ETFS } from '../../../shared/domain/leveraged-etfs';

const root = path.join(__dirname, '..', '..', '..');
const master = JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'reference-data', 'etf-master.json'), 'utf8')) as {
  asOf: string;
  sources: Record<string, string>;
  columns: string[];
  rows: [string, string, string, string, string, string | null, string, string | null, string, string][];
};
const securities = JSON.parse(fs.readFileSync(path.join(root, 'resources', 'reference', 'securities.json'), 'utf8')) as {
  rows: string[][];
};
const themes = JSON.parse(fs.readFileSync(path.join(root, 'resources', 'reference', 'themes.json'), 'utf8')) as {
  themes: { id: string; members: string[] }[];
};

describe('the ETF master (scripts/reference-data/etf-master.json)', () => {
  it('gives every fund an issuer with a source page, an index, a type and a bucket, under one dated file', () => {
    expect(master.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(master.rows.length).toBeGreaterThanOrEqual(180);
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
    expect(themed('semiconductors')).toEqual(expect.arrayContaining(['SMH', 'SOXX', 'XSD']));
  });
});
