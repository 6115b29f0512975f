// Fund look-through weights from the issuers' holdings files in etf-holdings/.
import fs from 'node:fs';
import path from 'node:path';

const JUNK = new Set(['', '-', 'NAN', 'USD', 'CASH']);
// iShares writes class shares without the dot; ARK appends the exchange ("DKNG UW").
const RENAME = { BRKB: 'BRK.B', BFB: 'BF.B' };
const normalise = (symbol) => {
  const s = symbol.trim().toUpperCase().split(' ')[0];
  return RENAME[s] ?? s;
};
const isFuture = (row) => /EMINI|FUTURE|\bFUT\b|\b(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\d\d$/i.test(row.name ?? '');

/** What the holdings files say about constituents (name, GICS sector, country), first file wins. */
const constituents = new Map();

/** One fund's holdings as [symbol, weight 0–1] tuples, junk, cash and derivative rows removed, merged by symbol. */
function clean(rows) {
  const bySymbol = new Map();
  for (const row of rows) {
    const { weight } = row;
    const s = normalise(row.symbol);
    if (JUNK.has(s) || !(weight > 0) || isFuture(row)) continue;
    if (row.name || row.sector || row.country) {
      if (!constituents.has(s))
        constituents.set(s, { name: row.name ?? null, sector: row.sector ?? null, country: row.country ?? null, fund: row.fund });
    }
    bySymbol.set(s, (bySymbol.get(s) ?? 0) + weight / 100);
  }
  return [...bySymbol.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function xrayJson(dir, ticker) {
  const rows = JSON.parse(fs.readFileSync(path.join(dir, 'portfolio-xray', `${ticker}.json`), 'utf8'));
  return rows
    .filter((r) => r.sector !== 'Cash and/or Derivatives' && typeof r.weight === 'number')
    .map((r) => ({
      symbol: String(r.ticker ?? ''),
      weight: r.weight,
      name: r.name,
      fund: ticker,
      sector: r.sector && r.sector !== 'Unknown' ? r.sector : null,
    }));
}

function isharesRaw(file, tools) {
  const rows = tools.parseCsv(fs.readFileSync(file, 'utf8'));
  const header = rows.findIndex((r) => r[0] === 'Ticker');
  const asOfRow = rows.find((r) => r[0] === 'Fund Holdings as of');
  const cols = rows[header];
  const at = (name) => cols.indexOf(name);
  const holdings = rows
    .slice(header + 1)
    .filter((r) => r.length === cols.length && r[at('Asset Class')] === 'Equity')
    .map((r) => ({
      symbol: r[at('Ticker')],
      weight: Number(r[at('Weight (%)')].replace(/,/g, '')),
      name: r[at('Name')],
      sector: r[at('Sector')],
      country: r[at('Location')],
      fund: path.basename(file).split('_')[0],
    }));
  return { holdings, asOf: new Date(`${asOfRow[1]} UTC`).toISOString().slice(0, 10) };
}

/** Builds the funds.json document. */
export function deriveFunds(dir, tools) {
  const funds = [];
  const add = (fund, asOf, source, rows) => {
    const holdings = clean(rows).map(([s, w]) => [s, tools.round(w, 6)]);
    const total = holdings.reduce((sum, [, w]) => sum + w, 0);
    if (total > 1.0005) throw new Error(`${fund}: holdings weights sum to ${(total * 100).toFixed(2)}%, above 100%.`);
    funds.push({ fund, asOf, source, holdings });
  };
  const xray =
    'MitchellRLayton/portfolio-xray data/holdings_json @ 36c5996 (issuer files of about 2025-11-18/19; as-of is the commit date)';
  for (const t of ['SPY', 'VOO', 'VGT', 'XLK', 'XLF', 'XLE', 'XLV', 'XLY', 'XLP', 'XLI', 'XLB', 'XLU', 'XLRE', 'XLC']) {
    add(t, '2025-11-24', `${t}: ${xray}`, xrayJson(dir, t));
  }
  const ivv = isharesRaw(path.join(dir, 'portfolio-xray', 'IVV_ishares_raw_2025-11-18.csv'), tools);
  add(
    'IVV',
    ivv.asOf,
    'iShares IVV holdings download ("Fund Holdings as of Nov 18, 2025") via MitchellRLayton/portfolio-xray @ 503b613',
    ivv.holdings,
  );
  const soxx = isharesRaw(path.join(dir, 'soxx-dashboard', 'SOXX_ishares_raw_2026-08-03.csv'), tools);
  add(
    'SOXX',
    soxx.asOf,
    'iShares SOXX holdings download ("Fund Holdings as of Aug 03, 2026") via ekhwn0430/SOXX_dashboard @ 7c21253',
    soxx.holdings,
  );
  const qqq = tools.readCsvObjects(path.join(dir, 'index-etfs', 'qqq_2025-10-04.csv'));
  add(
    'QQQ',
    '2025-10-04',
    'Invesco QQQ holdings via major/index-etfs qqq.csv @ 53a5efa (2025-10-04)',
    qqq.map((r) => ({ symbol: r.Ticker, weight: Number(r.Weight) })),
  );
  const arkk = tools.readCsvObjects(path.join(dir, 'ark-funds-flat-data', 'ARKK_raw_2024-06-04.csv'));
  add(
    'ARKK',
    '2024-06-04',
    'ARK Invest ARKK daily holdings CSV of 06/04/2024 via tsekityam/ark-funds-flat-data @ ceea7aa',
    arkk.map((r) => ({ symbol: r.ticker, weight: Number(String(r['weight (%)']).replace('%', '')) })),
  );
  return {
    format: 'aftershock-funds',
    version: 1,
    asOf: funds
      .map((f) => f.asOf)
      .sort()
      .at(-1),
    sources: [
      "Weights are the issuers' published holdings (percent of net assets) divided by 100, rounded to 6 decimals; cash, futures, money-market and disclaimer rows are dropped, so a fund's weights sum to less than 1 and the remainder is its residual.",
      ...funds.map((f) => f.source),
    ],
    funds: funds.map((f) => ({ fund: f.fund, asOf: f.asOf, source: f.source.split(' via ')[0].split(': ')[0], holdings: f.holdings })),
    constituents,
  };
}
