// Derives Aftershock's bundled ISIN table (resources/reference/isins.json) from the Finance Database files staged in
// ../shared/data/isin/finance-database, the bundled security master and the curated UCITS listings
// (dev time only; the app never reads ../shared).
// Usage: node scripts/derive-isin-table.mjs [--data DIR] [--out DIR]
// Output is deterministic: running it twice gives identical files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsvObjects } from './reference-data/csv.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = process.argv.indexOf('--data');
const data = flag > 0 ? path.resolve(process.argv[flag + 1]) : path.join(root, '..', 'shared', 'data');
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(root, 'resources', 'reference');
const fdb = path.join(data, 'isin', 'finance-database');
if (!fs.existsSync(fdb)) {
  console.error(`derive-isin-table: the source folder ${fdb} is missing; pass --data DIR.`);
  process.exit(1);
}
const COMMIT = '268be5d29898a12dbd6b1f006a0deb55b81a5a29';

/** Whether a code is an ISIN: shape and Luhn check digit over the letters-as-numbers body. */
function isIsin(code) {
  if (!/^[A-Z]{2}[A-Z0-9]{9}\d$/.test(code)) return false;
  return isinCheckDigit(code.slice(0, 11)) === Number(code[11]);
}

function isinCheckDigit(body) {
  let digits = '';
  for (const c of body) digits += c >= 'A' ? String(c.charCodeAt(0) - 55) : c;
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) d *= 2;
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A US ISIN from a CUSIP of a US issuer (first character a digit); null for a CINS (foreign issuer) or a bad code. */
function usIsinFromCusip(cusip) {
  if (!/^\d[0-9A-Z]{8}$/.test(cusip)) return null;
  const body = `US${cusip}`;
  return body + isinCheckDigit(body);
}

/** A company name without legal forms, share-class words and punctuation, for matching one list to another. */
function nameKey(name) {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(
      /\b(inc|corp|corporation|co|company|plc|ltd|limited|the|class [a-c]|cl [a-c]|common stock|common shares|ordinary shares|n v|nv|s a|sa|ag|se|holdings?|group|incorporated|registered shares|shs|dl[ -]?\d*)\b/g,
      ' ',
    )
    .split(' ')
    .filter(Boolean)
    .join(' ');
}

const securities = JSON.parse(fs.readFileSync(path.join(root, 'resources', 'reference', 'securities.json'), 'utf8'));
const columns = securities.columns;
const master = securities.rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
const bySymbol = new Map(master.map((s) => [s.symbol, s]));
const read = (kind, exchange) => {
  const file = path.join(fdb, kind, `${exchange}.csv`);
  return fs.existsSync(file) ? readCsvObjects(file) : [];
};

// isin → symbol → [exchange, currency, origin]
const table = new Map();
const add = (isin, symbol, exchange, currency, origin) => {
  if (!isIsin(isin)) return;
  let listings = table.get(isin);
  if (!listings) table.set(isin, (listings = new Map()));
  if (!listings.has(symbol)) listings.set(symbol, [exchange, currency, origin]);
};
const isinOfSymbol = new Map();
// A US listing's ISIN is a US one (shares and ADRs) or one of the issuer's own country (SHOP: CA, ACN: IE); another
// country's code is a local certificate on the US shares (an Argentine CEDEAR, a Canadian CDR), not the listing.
const COUNTRY_CODES = {
  Ireland: 'IE',
  Canada: 'CA',
  Switzerland: 'CH',
  Netherlands: 'NL',
  'United Kingdom': 'GB',
  Bermuda: 'BM',
  Jersey: 'JE',
  'Cayman Islands': 'KY',
  Luxembourg: 'LU',
  Israel: 'IL',
  Germany: 'DE',
  France: 'FR',
  Japan: 'JP',
  'South Korea': 'KR',
  Taiwan: 'TW',
  Denmark: 'DK',
  Sweden: 'SE',
  Norway: 'NO',
  Finland: 'FI',
  Belgium: 'BE',
  Spain: 'ES',
  Italy: 'IT',
};
const fitsListing = (isin, security) => isin.startsWith('US') || COUNTRY_CODES[security.country] === isin.slice(0, 2);
const counts = { direct: 0, cusip: 0, mexico: 0, name: 0, ucits: 0, ucitsCurated: 0, conflicts: 0, curated: 0 };

// 1. Securities of the bundled master listed in the US: the Finance Database's US rows (ISIN, or a US CUSIP turned into one).
const US_EQUITIES = ['NCM', 'NGM', 'ASE', 'PCX', 'BTS'];
const US_ETFS = ['PCX', 'NMS', 'NGM', 'BTS', 'ASE', 'NYQ', 'NCM'];
const usRows = [...US_EQUITIES.map((e) => read('equities', e)), ...US_ETFS.map((e) => read('etfs', e))].flat();
for (const row of usRows) {
  const security = bySymbol.get(row.symbol);
  if (!security || isinOfSymbol.has(row.symbol)) continue;
  const isin = isIsin(row.isin ?? '') ? row.isin : usIsinFromCusip(row.cusip ?? '');
  if (!isin || !fitsListing(isin, security)) continue;
  isinOfSymbol.set(row.symbol, isin);
  counts[isIsin(row.isin ?? '') ? 'direct' : 'cusip']++;
}
// 2. The Mexican exchange's international quotation system lists US shares under their US tickers (AAPL.MX): the same
//    ISIN, taken only when the names agree on their first word.
for (const row of read('equities', 'MEX')) {
  const symbol = row.symbol.replace(/\.MX$/, '');
  const security = bySymbol.get(symbol);
  if (!security || isinOfSymbol.has(symbol) || !isIsin(row.isin ?? '') || !row.isin.startsWith('US')) continue;
  if (nameKey(row.name).split(' ')[0] !== nameKey(security.name).split(' ')[0]) continue;
  isinOfSymbol.set(symbol, row.isin);
  counts.mexico++;
}
// 3. German and Austrian listings of US companies carry the US ISIN: taken when exactly one ISIN goes with the company's name and the
//    master has one share class of that company (GOOG and GOOGL, FOX and FOXA are left out).
const germanByName = new Map();
for (const row of ['GER', 'BER', 'DUS', 'HAM', 'HAN', 'MUN', 'VIE'].flatMap((e) => read('equities', e))) {
  if (!/^US/.test(row.isin ?? '') || !isIsin(row.isin)) continue;
  const key = nameKey(row.name);
  if (!germanByName.has(key)) germanByName.set(key, new Set());
  germanByName.get(key).add(row.isin);
}
const namesInMaster = new Map();
for (const s of master) namesInMaster.set(nameKey(s.name), (namesInMaster.get(nameKey(s.name)) ?? 0) + 1);
const taken = new Set(isinOfSymbol.values());
for (const s of master) {
  if (isinOfSymbol.has(s.symbol) || (s.symbol.includes('.') && !/^[A-Z]+\.[AB]$/.test(s.symbol))) continue;
  if (s.type === 'cash' || namesInMaster.get(nameKey(s.name)) !== 1) continue;
  const found = germanByName.get(nameKey(s.name));
  if (!found || found.size !== 1) continue;
  const [isin] = found;
  if (taken.has(isin)) continue;
  isinOfSymbol.set(s.symbol, isin);
  taken.add(isin);
  counts.name++;
}
// 4. Hand-curated ISINs of large holdings the Finance Database leaves without one.
const curatedUs = JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'reference-data', 'us-isins.json'), 'utf8'));
for (const [symbol, isin] of Object.entries(curatedUs.isins)) {
  if (!isIsin(isin)) throw new Error(`us-isins.json: ${isin} (${symbol}) fails the ISIN check digit.`);
  if (!bySymbol.has(symbol)) throw new Error(`us-isins.json: ${symbol} is not in the bundled security master.`);
  if (isinOfSymbol.has(symbol) && isinOfSymbol.get(symbol) !== isin)
    throw new Error(`us-isins.json: ${symbol} is ${isin}, the Finance Database says ${isinOfSymbol.get(symbol)}.`);
  if (!isinOfSymbol.has(symbol)) counts.curated++;
  isinOfSymbol.set(symbol, isin);
}
for (const [symbol, isin] of isinOfSymbol) {
  const s = bySymbol.get(symbol);
  add(isin, symbol, s.exchange ?? '', s.currency ?? 'USD', 'master');
}

// 5. European listings of UCITS ETFs. The curated entries come first; a Finance Database listing of one of their symbols
//    under another ISIN is dropped. An ISIN whose listings mix accumulating and distributing names keeps the larger
//    side (a fund's two share classes have two ISINs), or none on a tie.
const curated = JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'reference-data', 'ucits-listings.json'), 'utf8'));
const curatedSymbols = new Set();
for (const fund of curated.funds) {
  if (!isIsin(fund.isin)) throw new Error(`ucits-listings.json: ${fund.isin} is not a valid ISIN.`);
  for (const [symbol, exchange, currency] of fund.listings) {
    add(fund.isin, symbol, exchange, currency, 'curated');
    curatedSymbols.add(symbol);
    counts.ucitsCurated++;
  }
}
const EXCHANGES = {
  LSE: 'London Stock Exchange',
  AMS: 'Euronext Amsterdam',
  GER: 'Xetra',
  MIL: 'Borsa Italiana',
  PAR: 'Euronext Paris',
  EBS: 'SIX Swiss Exchange',
};
const byIsin = new Map();
for (const [code, exchange] of Object.entries(EXCHANGES)) {
  for (const row of read('etfs', code)) {
    if (!isIsin(row.isin ?? '') || curatedSymbols.has(row.symbol) || !/^[A-Z]{3}$/.test(row.currency ?? '')) continue;
    if (!byIsin.has(row.isin)) byIsin.set(row.isin, []);
    byIsin.get(row.isin).push({
      symbol: row.symbol,
      exchange,
      currency: row.currency,
      isAcc: /\b(acc|accumulating|thesaurierend|capitalisation)\b|\(c\)|\bc\b/i.test(row.name),
    });
  }
}
for (const [isin, rows] of [...byIsin].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const acc = rows.filter((r) => r.isAcc);
  const dist = rows.filter((r) => !r.isAcc);
  let keep = rows;
  if (acc.length && dist.length) {
    counts.conflicts++;
    keep = acc.length === dist.length ? [] : acc.length > dist.length ? acc : dist;
  }
  if (table.has(isin) && [...table.get(isin).values()].some((l) => l[2] === 'curated')) continue;
  for (const r of keep.sort((a, b) => (a.symbol < b.symbol ? -1 : 1))) {
    add(isin, r.symbol, r.exchange, r.currency, 'finance-database');
    counts.ucits++;
  }
}

const rows = [...table]
  .sort((a, b) => (a[0] < b[0] ? -1 : 1))
  .flatMap(([isin, listings]) => [...listings].map(([symbol, [exchange, currency, origin]]) => [isin, symbol, exchange, currency, origin]));
const file = {
  format: 'aftershock-isins',
  version: 1,
  asOf: curated.asOf,
  sources: [
    `Finance Database (JerBouma/FinanceDatabase @ ${COMMIT.slice(0, 7)}, 2026-08-16), MIT licence: ISINs and CUSIPs of US-listed shares and ETFs (database/equities and database/etfs for NCM, NGM, ASE, PCX, BTS, NMS, NYQ), the Mexican exchange's US listings (MEX), German listings of US companies (GER), and European ETF listings (LSE, AMS, GER, MIL, PAR, EBS).`,
    'US ISINs built from CUSIPs of US issuers: "US" + CUSIP + the ISIN check digit.',
    `Curated ISINs of large US-listed holdings (scripts/reference-data/us-isins.json): ${curatedUs.sources}`,
    `Curated UCITS listings (scripts/reference-data/ucits-listings.json, as of ${curated.asOf}): ${curated.sources.facts}`,
  ],
  notes: [
    'One row per listing: [isin, symbol, exchange, currency, origin]. origin "master" rows give the ISIN of a bundled security (its classification applies); "curated" and "finance-database" rows are European listings of UCITS ETFs.',
    'German listings are matched to the master by company name (legal forms and share-class words left out), only when one ISIN goes with the name and the master has one share class of the company.',
    `${counts.conflicts} ISINs whose Finance Database listings mix accumulating and distributing names keep the larger side only (none on a tie): one share class has one ISIN.`,
  ],
  columns: ['isin', 'symbol', 'exchange', 'currency', 'origin'],
  rows,
};
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'isins.json'), JSON.stringify(file) + '\n');
const inMaster = isinOfSymbol.size;
console.log(
  `ISINs for ${inMaster}/${master.length} bundled securities (${counts.direct} from US rows, ${counts.cusip} from CUSIPs, ${counts.mexico} from Mexican listings, ${counts.name} by name from German listings, ${counts.curated} curated); ` +
    `${counts.ucitsCurated} curated and ${counts.ucits} Finance Database UCITS listings; ${counts.conflicts} share-class conflicts; ${rows.length} rows.`,
);
