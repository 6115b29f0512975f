// Derives Aftershock's bundled reference data (resources/reference/*.json) from the team's
// source datasets in ../shared/data (dev time only; the app never reads ../shared).
// Usage: node scripts/derive-reference-data.mjs [--data DIR] [--out DIR]
// Output is deterministic: running it twice gives identical files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv, readCsvObjects, round } from './reference-data/csv.mjs';
import { deriveFunds } from './reference-data/funds.mjs';
import { derivePrices } from './reference-data/prices.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = process.argv.indexOf('--data');
const data = flag > 0 ? path.resolve(process.argv[flag + 1]) : path.join(root, '..', 'shared', 'data');
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(root, 'resources', 'reference');
// themes.json is written by hand; it is read from the repo, never from --out.
const themesFile = path.join(root, 'resources', 'reference', 'themes.json');
if (!fs.existsSync(data)) {
  console.error(`derive-reference-data: the source data folder ${data} is missing; pass --data DIR.`);
  process.exit(1);
}

const US_STATES = new Set(
  (
    'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois ' +
    'Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri ' +
    'Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma ' +
    'Oregon Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington ' +
    'West_Virginia Wisconsin Wyoming D.C.'
  )
    .split(' ')
    .map((s) => s.replace(/_/g, ' ')),
);

/** Country from a "City, State" or "City, Country" headquarters location. */
function countryOf(location) {
  const last = location
    .split(',')
    .pop()
    .replace(/\[\d+\]/g, '')
    .trim();
  if (!last || last === 'none') return null;
  return US_STATES.has(last) ? 'United States' : last;
}

function titleCase(name) {
  return name === name.toUpperCase() ? name.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase()) : name;
}

function screenerCountry(screener, symbol) {
  return screener.get(symbol)?.Country?.trim() || null;
}

function deriveSecurities() {
  const master = path.join(data, 'security-master');
  const sp500 = readCsvObjects(path.join(master, 'sp500_constituents.csv'));
  const screener = new Map(readCsvObjects(path.join(master, 'nasdaq_screener_2024-05-08.csv')).map((r) => [r.Symbol.trim(), r]));
  const rows = new Map();
  for (const r of sp500) {
    rows.set(r.Symbol, [
      r.Symbol,
      r.Security,
      'stock',
      r['GICS Sector'],
      r['GICS Sub-Industry'],
      countryOf(r['Headquarters Location']) ?? screenerCountry(screener, r.Symbol),
      'USD',
      null,
      'sp500',
    ]);
  }
  const curated = JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'reference-data', 'curated-securities.json'), 'utf8'));
  for (const r of curated.rows) {
    if (rows.has(r[0]))
      throw new Error(`curated-securities.json: ${r[0]} is already in the S&P 500 list; remove it from the curated file.`);
    rows.set(r[0], [...r, 'curated']);
  }
  const etfMaster = JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'reference-data', 'etf-master.json'), 'utf8'));
  const durations = [];
  const etfs = [];
  const columns = [
    'symbol',
    'name',
    'type',
    'sector',
    'category',
    'country',
    'currency',
    'exchange',
    'issuer',
    'index',
    'region',
    'durationYears',
    'source',
    'asOf',
  ];
  if (etfMaster.columns.join() !== columns.join()) throw new Error(`etf-master.json: the columns must be ${columns.join(', ')}.`);
  for (const row of etfMaster.rows) {
    const [symbol, name, type, sector, category, country, currency, exchange, issuer, , region, years, source, asOf] = row;
    const where = `etf-master.json: ${symbol}`;
    if (row.length !== columns.length) throw new Error(`${where} has ${row.length} fields, not ${columns.length}.`);
    if (rows.has(symbol)) throw new Error(`${where} is already in the S&P 500 or curated list; remove it from the ETF master.`);
    if (!etfMaster.sources[issuer]) throw new Error(`${where}: the issuer "${issuer}" has no entry in sources.`);
    if (!/^https:\/\//.test(source ?? '')) throw new Error(`${where} has no source page.`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf ?? '')) throw new Error(`${where} has no as-of date (YYYY-MM-DD).`);
    if (!region) throw new Error(`${where} has no region.`);
    if (years !== null && (type !== 'bond-fund' || !(years >= 0 && years <= 40)))
      throw new Error(`${where}: a duration (${years}) belongs to bond funds only, between 0 and 40 years.`);
    if (years !== null) durations.push([symbol, years, asOf]);
    etfs.push([symbol, issuer, row[9], region, source, asOf]);
    rows.set(symbol, [symbol, name, type, sector, category, country, currency, exchange, 'etf-master']);
  }
  const cashDurations = etfMaster.cashEquivalentDurations;
  for (const [symbol, years] of Object.entries(cashDurations.durations)) {
    if (rows.get(symbol)?.[2] !== 'money-market')
      throw new Error(`etf-master.json: cashEquivalentDurations names ${symbol}, which is not a cash equivalent of the curated list.`);
    durations.push([symbol, years, cashDurations.asOf]);
  }
  durations.sort((a, b) => a[0].localeCompare(b[0]));
  const nasdaq100 = readCsvObjects(path.join(master, 'nasdaq100_constituents_2022-02-23.csv')).map((r) => r.Symbol);
  const droppedNasdaq100 = nasdaq100.filter((s) => !rows.has(s));
  const sp500Symbols = sp500.map((r) => r.Symbol);
  return {
    rows: [...rows.values()].sort((a, b) => a[0].localeCompare(b[0])),
    sp500Symbols,
    nasdaq100,
    droppedNasdaq100,
    curated,
    etfMaster,
    durations,
    etfs,
  };
}

function writeJson(name, value) {
  const file = path.join(out, name);
  fs.writeFileSync(file, JSON.stringify(value) + '\n');
  return `${name} ${(fs.statSync(file).size / 1024).toFixed(0)} KB`;
}

fs.mkdirSync(out, { recursive: true });
const securities = deriveSecurities();
const funds = deriveFunds(path.join(data, 'etf-holdings'), { parseCsv, readCsvObjects, round });
const screener = new Map(
  readCsvObjects(path.join(data, 'security-master', 'nasdaq_screener_2024-05-08.csv')).map((r) => [r.Symbol.trim(), r]),
);
// Constituents of bundled funds that neither list covers: name and GICS sector from the fund's own
// holdings file (iShares raw files also give the country); country otherwise from the screener.
const listed = new Set(securities.rows.map((r) => r[0]));
let fromFunds = 0;
for (const [symbol, c] of funds.constituents) {
  if (listed.has(symbol) || !c.sector) continue;
  const country = c.fund === 'SOXX' || c.fund === 'IVV' ? c.country : screenerCountry(screener, symbol);
  securities.rows.push([symbol, titleCase(c.name ?? symbol), 'stock', c.sector, null, country || null, null, null, `holdings:${c.fund}`]);
  fromFunds++;
}
securities.rows.sort((a, b) => a[0].localeCompare(b[0]));
delete funds.constituents;
const known = new Set(securities.rows.map((r) => r[0]));
const themes = JSON.parse(fs.readFileSync(themesFile, 'utf8'));
for (const theme of themes.themes) {
  for (const member of theme.members) {
    if (!known.has(member)) throw new Error(`themes.json: theme "${theme.id}" lists ${member}, which the security master does not know.`);
  }
}

const written = [];
written.push(
  writeJson('securities.json', {
    format: 'aftershock-securities',
    version: 1,
    asOf: '2026-08-08',
    sources: [
      'S&P 500 members with GICS sector and sub-industry: datasets/s-and-p-500-companies data/constituents.csv @ 56509dd (2026-08-08), ODC-PDDL-1.0; country derived from the headquarters location.',
      'Nasdaq-100 membership check: axyan/nasdaq-100-companies @ 16e42c8 (2022-02-23), MIT; members outside the S&P 500 come from the curated list.',
      'Country where the headquarters location gives none, and ADR countries: NASDAQ stock screener download of 2024-05-08 (pontino/nasdaq-csvs @ 804e60d).',
      ...curated(securities.curated),
      `ETF master (origin "etf-master", ${securities.etfMaster.rows.length} funds, as of ${securities.etfMaster.asOf}): ${securities.etfMaster.about} Per-fund issuer, index, region, source page and as-of date in scripts/reference-data/etf-master.json; issuer pages: ${Object.entries(
        securities.etfMaster.sources,
      )
        .map(([issuer, url]) => `${issuer} ${url}`)
        .join('; ')}.`,
      'Fund constituents outside both lists (origin "holdings:<FUND>"): name and GICS sector as given in that fund\'s bundled holdings file; industry unknown; country from the iShares file (IVV, SOXX) or the NASDAQ screener.',
    ],
    notes: {
      sp500Members: securities.sp500Symbols.length,
      nasdaq100DroppedAsDelisted: securities.droppedNasdaq100,
      industry: 'GICS sub-industry for stocks; for funds a short description of the mandate.',
    },
    columns: ['symbol', 'name', 'type', 'sector', 'industry', 'country', 'currency', 'exchange', 'origin'],
    rows: securities.rows,
    durationSources: [
      `Effective durations (years) of ${securities.durations.length} bond funds and Treasury-bill ETFs, the 'bundled' duration rate shocks use when neither you nor a market-data refresh gave one: approximate, rounded to 0.1 year, compiled by hand from the issuers' fund characteristics (scripts/reference-data/etf-master.json, durationYears and cashEquivalentDurations); each row's date is when it was compiled.`,
    ],
    durationColumns: ['symbol', 'years', 'asOf'],
    durations: securities.durations,
    etfColumns: ['symbol', 'issuer', 'index', 'region', 'source', 'asOf'],
    etfs: securities.etfs,
  }),
);

function curated(file) {
  return [`Hand-curated entries (origin "curated"): ${file.about}`, ...file.notes];
}

written.push(writeJson('funds.json', funds));

// ECB euro foreign exchange reference rates (units of each currency per euro). EUR/USD is the 21 Feb 2025 rate the
// bundled sample uses; the others are the ECB table of 28 Feb 2025, the nearest full table on record here. Cross
// rates (e.g. GBP→USD) go through the euro; each rate keeps its own date, so the app can show it.
const ECB_28_FEB_2025 = {
  GBP: 0.82608,
  CHF: 0.9394,
  JPY: 156.96,
  CAD: 1.5019,
  AUD: 1.6741,
  SEK: 11.188,
  NOK: 11.7245,
  DKK: 7.4583,
  HKD: 8.098,
  SGD: 1.4037,
  NZD: 1.8579,
  CNY: 7.5782,
  INR: 90.971,
  KRW: 1519.92,
  MXN: 21.2191,
  ZAR: 19.1917,
  PLN: 4.1503,
  CZK: 25.029,
  HUF: 399.5,
  ILS: 3.7457,
  BRL: 6.0712,
};
written.push(
  writeJson('fx.json', {
    format: 'aftershock-fx',
    version: 1,
    asOf: '2025-02-28',
    sources: [
      'ECB euro foreign exchange reference rate of 21 Feb 2025 for EUR/USD (1.0465), the rate the bundled sample uses.',
      'ECB euro foreign exchange reference rates of 28 Feb 2025 for the other currencies (units per euro), as published in the daily table.',
      'Other currencies need a market-data refresh; until then positions in them are listed as lacking an FX rate.',
    ],
    rates: [
      ['EUR', 'USD', 1.0465, '2025-02-21', 'ECB euro reference rate'],
      ...Object.entries(ECB_28_FEB_2025).map(([currency, rate]) => ['EUR', currency, rate, '2025-02-28', 'ECB euro reference rate']),
    ],
  }),
);

written.push(writeJson('prices.json', derivePrices(path.join(data, 'prices'), { parseCsv, readCsvObjects, round })));

const sp = new Set(securities.sp500Symbols);
const classified = securities.rows.filter((r) => sp.has(r[0]) && r[3] && r[4]).length;
console.log(`Wrote ${written.join(', ')}.`);
console.log(
  `Security master: ${securities.rows.length} symbols (${fromFunds} from fund holdings files); S&P 500 classified to sector and sub-industry: ${classified}/${sp.size}.`,
);
console.log(`Funds: ${funds.funds.map((f) => `${f.fund} ${f.holdings.length} (${f.asOf})`).join(', ')}.`);
