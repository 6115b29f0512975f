// Daily closes: the 40-ticker set as the primary series, extended back in time with the long
// histories (rescaled to join the primary series) and with index/stock histories it lacks.
import fs from 'node:fs';
import path from 'node:path';

const DAY = 86_400_000;
const OVERLAP_DAYS = 20;
const PRIMARY_START = '2020-07-27';

const sig = (x) => Number(x.toPrecision(6));

function readRows(file, tools) {
  return tools.readCsvObjects(file).map((r) => ({ date: String(r.Date ?? r.date).slice(0, 10), row: r }));
}

/** Classic Yahoo CSV; the SMH/SOXX files carry yfinance's column order under a classic header. */
function classic(file, tools) {
  const rows = readRows(file, tools);
  const inverted = rows.filter(({ row }) => Number(row.High) < Number(row.Low)).length > rows.length / 2;
  return rows.map(({ date, row }) => ({ date, close: Number(inverted ? row.Open : row['Adj Close']) }));
}

/** yfinance multi-index CSV: 3 header lines, the first naming the columns, Adj Close first. */
function multiIndex(file, tools) {
  const rows = tools.parseCsv(fs.readFileSync(file, 'utf8'));
  const at = rows[0].indexOf('Adj Close');
  return rows
    .slice(3)
    .filter((r) => r.length > at)
    .map((r) => ({ date: r[0].slice(0, 10), close: Number(r[at]) }));
}

function wide(file, tools) {
  const rows = tools.readCsvObjects(file);
  const out = new Map();
  for (const symbol of Object.keys(rows[0]).filter((k) => k !== 'date')) {
    out.set(
      symbol,
      rows.filter((r) => r[symbol] !== '').map((r) => ({ date: r.date, close: Number(r[symbol]) })),
    );
  }
  return out;
}

function encode(symbol, rows, round, origin) {
  const clean = rows
    .filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.date) && Number.isFinite(r.close) && r.close > 0)
    .sort((a, b) => a.date.localeCompare(b.date));
  const start = clean[0].date;
  let previous = Date.parse(start);
  const gaps = [];
  for (const r of clean) {
    const t = Date.parse(r.date);
    const gap = Math.round((t - previous) / DAY);
    if (gap < 0 || gap > 35 || (gaps.length && gap === 0))
      throw new Error(`${symbol} (${origin}): a gap of ${gap} days before ${r.date} cannot be encoded.`);
    gaps.push(gap.toString(36));
    previous = t;
  }
  return { symbol, origin, start, gaps: gaps.join(''), closes: clean.map((r) => round(r.close)) };
}

/** Builds the prices.json document. */
export function derivePrices(dir, tools) {
  const spooky = path.join(dir, 'spooky-labs-course-1');
  const primary = new Map();
  for (const file of fs
    .readdirSync(spooky)
    .filter((f) => f.endsWith('.csv'))
    .sort()) {
    const symbol = path.basename(file, '.csv');
    const rows = readRows(path.join(spooky, file), tools)
      .map(({ date, row }) => ({ date, close: Number(row.Close) }))
      .filter((r) => r.date >= PRIMARY_START);
    primary.set(symbol, rows);
  }
  const hj = path.join(dir, 'hjyssg-tqqq-simulation');
  const long = new Map([
    ['QQQ', multiIndex(path.join(hj, 'qqq.csv'), tools)],
    ['^SPX', multiIndex(path.join(hj, '^SPX.csv'), tools)],
    ['^NDX', multiIndex(path.join(hj, '^NDX.csv'), tools)],
    ...['SMH', 'SOXX', 'NVDA', 'MSFT', 'AAPL', 'ASML'].map((s) => [s, classic(path.join(hj, `${s}.csv`), tools)]),
    ['VOO', classic(path.join(hj, 'voo.csv'), tools)],
  ]);
  const ppo = path.join(dir, 'pyportfolioopt');
  for (const [symbol, rows] of [...wide(path.join(ppo, 'stock_prices.csv'), tools), ...wide(path.join(ppo, 'spy_prices.csv'), tools)]) {
    if (!long.has(symbol) || rows[0].date < long.get(symbol)[0].date) long.set(symbol, rows);
  }

  const series = [...primary].map(([symbol, rows]) => encode(symbol, rows, (x) => tools.round(x, 4), 'primary'));
  const splices = [];
  for (const [symbol, rows] of [...long].sort((a, b) => a[0].localeCompare(b[0]))) {
    const main = primary.get(symbol);
    if (!main) {
      series.push(encode(symbol, rows, sig, 'long'));
      continue;
    }
    const byDate = new Map(rows.map((r) => [r.date, r.close]));
    const ratios = main
      .filter((r) => byDate.has(r.date))
      .slice(0, OVERLAP_DAYS)
      .map((r) => r.close / byDate.get(r.date))
      .sort((a, b) => a - b);
    const before = rows.filter((r) => r.date < main[0].date);
    if (ratios.length < OVERLAP_DAYS || before.length === 0) continue;
    const factor = ratios[Math.floor(ratios.length / 2)];
    splices.push(`${symbol} ×${factor.toPrecision(6)}`);
    series.push(
      encode(
        symbol,
        before.map((r) => ({ date: r.date, close: r.close * factor })),
        sig,
        'long',
      ),
    );
  }
  return {
    format: 'aftershock-prices',
    version: 2,
    asOf: '2025-04-04',
    sources: [
      'Primary series (origin "primary"): daily closes 2020-07-27 → 2025-04-04 of 40 tickers from Spooky-Labs/Course-1 data/<T>.csv @ 14e15fd (2025-05-05); split- and dividend-adjusted as of download (close = adjusted close); not Yahoo data. SPY\'s stray 2018-11-01 row is dropped.',
      'Long histories (origin "long"), Yahoo adjusted closes: hjyssg/tqqq_simulation data/ @ 850cf4e (qqq, ^SPX, ^NDX, SMH, SOXX, NVDA, MSFT, AAPL, ASML; voo.csv @ 60c8af0) and robertmartin8/PyPortfolioOpt cookbook/data @ 65cabce (stock_prices.csv, spy_prices.csv; MIT). For a ticker that also has a primary series only the dates before it are kept, multiplied by the median ratio primary/long over the first 20 common dates so the two join without a jump (adjustment bases differ: splits and dividends after each download).',
      `Splice factors: ${splices.join(', ')}.`,
      'The SMH and SOXX long files label their columns Open…Adj Close but hold Adj Close, Close, High, Low, Open (detected: "High" below "Low"); their adjusted close is used.',
      'Encoding: `gaps` has one base-36 digit per row, the days since the previous row (the first is 0, counted from `start`).',
    ],
    series,
  };
}
