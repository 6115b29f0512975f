import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { SECURITY_TYPES, type EtfFacts } from '../../shared/domain/reference';
import { describeIssues } from '../../shared/ipc/validate';
import { replaceBundledDurations } from '../db/durations';
import { deleteFundHoldings, replaceFundHoldings } from '../db/fund-holdings';
import { upsertFxRate } from '../db/fx-rates';
import { replaceIsinListings } from '../db/isin-listings';
import { insertPriceSeries, type PriceRow } from '../db/prices';
import { deleteSecurityLayers, upsertSecurityLayer } from '../db/securities';
import { getSetting, setSetting } from '../db/settings';
import { deleteSecurityThemes, insertSecurityTheme, upsertTheme } from '../db/themes';

const text = z.string().nullable();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const schemas = {
  securities: z.object({
    format: z.literal('aftershock-securities'),
    asOf: date,
    rows: z.array(z.tuple([z.string().min(1), z.string(), z.enum(SECURITY_TYPES), text, text, text, text, text, z.string()])),
    /** Bond funds' and T-bill ETFs' effective durations from the ETF master: symbol, years, as-of. */
    durations: z.array(z.tuple([z.string().min(1), z.number().min(0).max(100), date])).default([]),
    /** The ETF master's facts per fund: symbol, issuer, index followed, region, source page, as-of. */
    etfs: z.array(z.tuple([z.string().min(1), z.string(), z.string(), z.string(), z.string(), date])).default([]),
  }),
  themes: z.object({
    format: z.literal('aftershock-themes'),
    themes: z.array(
      z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1), criteria: z.string(), members: z.array(z.string()) }),
    ),
  }),
  funds: z.object({
    format: z.literal('aftershock-funds'),
    funds: z.array(
      z.object({
        fund: z.string(),
        asOf: date,
        source: z.string(),
        holdings: z.array(z.tuple([z.string(), z.number().positive().max(1)])),
      }),
    ),
  }),
  fx: z.object({
    format: z.literal('aftershock-fx'),
    rates: z.array(z.tuple([z.string().length(3), z.string().length(3), z.number().positive(), date, z.string()])),
  }),
  isins: z.object({
    format: z.literal('aftershock-isins'),
    asOf: date,
    rows: z.array(
      z.tuple([
        z.string().regex(/^[A-Z]{2}[A-Z0-9]{9}\d$/),
        z.string().min(1).max(32),
        z.string(),
        z.string().regex(/^[A-Z]{3}$/),
        z.string(),
      ]),
    ),
  }),
  prices: z.object({
    format: z.literal('aftershock-prices'),
    sources: z.array(z.string()),
    series: z.array(
      z.object({
        symbol: z.string(),
        origin: z.string().optional(),
        start: date,
        gaps: z.string().regex(/^[0-9a-z]*$/),
        closes: z.array(z.number().positive()),
      }),
    ),
  }),
};

export type BundledReference = { [K in keyof typeof schemas]: z.infer<(typeof schemas)[K]> } & { version: string };

const VERSION_KEY = 'bundled_reference_version';
const ETF_FACTS_KEY = 'bundled_etf_master';

/** The bundled ETF master's facts about one fund (issuer, index, region, source page, as-of), or null for any other symbol. */
export function bundledEtfFacts(db: Database, symbol: string): EtfFacts | null {
  const facts = getSetting<Record<string, [string, string, string, string, string]>>(db, ETF_FACTS_KEY)?.[symbol];
  if (!facts) return null;
  const [issuer, index, region, source, asOf] = facts;
  return { issuer, index, region, source, asOf };
}

/** Reads and checks the bundled reference files in resources/reference; `version` is a hash of their bytes. */
const FILES = ['securities', 'themes', 'funds', 'fx', 'prices', 'isins'] as const;

/** The version of the bundled files: a hash of their bytes, cheap next to parsing and checking them. */
export function bundledReferenceVersion(resourcesDir: string): string {
  const hash = createHash('sha256');
  for (const name of FILES) hash.update(fs.readFileSync(path.join(resourcesDir, 'reference', `${name}.json`)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Loads the bundled reference data unless the database already holds this version of it; the files are
 * only parsed and checked when they will be loaded, not on every start.
 */
export function ensureBundledReference(db: Database, resourcesDir: string): boolean {
  if (getSetting<string>(db, VERSION_KEY) === bundledReferenceVersion(resourcesDir)) return false;
  return loadBundledReference(db, readBundledReference(resourcesDir));
}

/** Reads and checks every bundled reference file. */
export function readBundledReference(resourcesDir: string): BundledReference {
  const hash = createHash('sha256');
  const read = <K extends keyof typeof schemas>(name: K) => {
    const file = path.join(resourcesDir, 'reference', `${name}.json`);
    const bytes = fs.readFileSync(file);
    hash.update(bytes);
    const parsed = schemas[name].safeParse(JSON.parse(bytes.toString('utf8')));
    if (!parsed.success) throw new Error(`The bundled file ${file} is damaged: ${describeIssues(parsed.error.issues)}`);
    return parsed.data as z.infer<(typeof schemas)[K]>;
  };
  const bundle = {
    securities: read('securities'),
    themes: read('themes'),
    funds: read('funds'),
    fx: read('fx'),
    prices: read('prices'),
    isins: read('isins'),
  };
  return { ...bundle, version: hash.digest('hex').slice(0, 16) };
}

/** Expands one compact price series into rows. */
export function expandSeries(series: BundledReference['prices']['series'][number], source: string): PriceRow[] {
  if (series.gaps.length !== series.closes.length) {
    throw new Error(`The bundled price series of ${series.symbol} has ${series.gaps.length} dates for ${series.closes.length} closes.`);
  }
  let t = Date.parse(`${series.start}T00:00:00Z`);
  return series.closes.map((close, i) => {
    t += parseInt(series.gaps[i], 36) * 86_400_000;
    return { symbol: series.symbol, date: new Date(t).toISOString().slice(0, 10), close, adjClose: close, source };
  });
}

/**
 * Loads the bundled data into SQLite in one transaction, once per bundle version. Only the bundled
 * layers are replaced: user overrides, user themes, market data and downloaded prices are kept.
 */
export function loadBundledReference(db: Database, bundle: BundledReference, options: { force?: boolean } = {}): boolean {
  const load = db.transaction(() => {
    if (!options.force && getSetting<string>(db, VERSION_KEY) === bundle.version) return false;
    deleteSecurityLayers(db, 'bundled');
    const asOf = bundle.securities.asOf;
    // The ISIN of a bundled security is the one its listing row in the ISIN table names ("master" rows).
    const isinOf = new Map(bundle.isins.rows.filter((r) => r[4] === 'master').map(([isin, symbol]) => [symbol, isin]));
    replaceIsinListings(
      db,
      bundle.isins.rows.map(([isin, symbol, exchange, currency, origin]) => ({ isin, symbol, exchange, currency, origin })),
    );
    for (const [symbol, name, type, sector, industry, country, currency, exchange] of bundle.securities.rows) {
      upsertSecurityLayer(db, {
        symbol,
        source: 'bundled',
        name,
        type,
        sector,
        industry,
        country,
        currency,
        exchange,
        isin: isinOf.get(symbol) ?? null,
        themesOverride: false,
        asOf,
      });
    }
    replaceBundledDurations(db, bundle.securities.durations);
    setSetting(db, ETF_FACTS_KEY, Object.fromEntries(bundle.securities.etfs.map(([symbol, ...facts]) => [symbol, facts])));
    deleteSecurityThemes(db, 'bundled');
    for (const theme of bundle.themes.themes) {
      upsertTheme(db, { id: theme.id, name: theme.name, criteria: theme.criteria, source: 'bundled' });
      for (const member of theme.members) insertSecurityTheme(db, member, theme.id, 'bundled');
    }
    deleteFundHoldings(db, 'bundled');
    for (const fund of bundle.funds.funds) {
      replaceFundHoldings(
        db,
        fund.fund,
        'bundled',
        fund.asOf,
        fund.source,
        fund.holdings.map(([symbol, weight]) => ({ symbol, weight })),
      );
    }
    for (const [currency, quote, rate, rateAsOf, source] of bundle.fx.rates) {
      const existing = db
        .prepare('SELECT as_of AS asOf FROM fx_rates WHERE currency = :currency AND quote = :quote')
        .get({ currency, quote }) as { asOf: string } | undefined;
      if (!existing || existing.asOf < rateAsOf) upsertFxRate(db, { currency, quote, rate, asOf: rateAsOf, source });
    }
    for (const series of bundle.prices.series) {
      const rows = expandSeries(series, 'bundled');
      insertPriceSeries(
        db,
        series.symbol,
        rows.map((r) => r.date),
        series.closes,
        'bundled',
      );
    }
    setSetting(db, VERSION_KEY, bundle.version);
    return true;
  });
  return load();
}
