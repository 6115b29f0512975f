// Daily closes from the 40-ticker price set, stored as day offsets + closes per symbol.
import fs from 'node:fs';
import path from 'node:path';

const DAY = 86_400_000;

/** Builds the prices.json document: per symbol a start date, day gaps between rows and closes. */
export function derivePrices(dir, tools) {
  const series = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
    const symbol = path.basename(file, '.csv');
    const rows = tools
      .readCsvObjects(path.join(dir, file))
      .map((r) => ({ date: r.Date.slice(0, 10), close: Number(r.Close) }))
      .filter((r) => r.date >= '2020-07-27' && Number.isFinite(r.close) && r.close > 0);
    rows.sort((a, b) => a.date.localeCompare(b.date));
    const start = rows[0].date;
    let previous = Date.parse(start);
    const gaps = [];
    for (const r of rows) {
      const t = Date.parse(r.date);
      gaps.push(Math.round((t - previous) / DAY));
      previous = t;
    }
    series.push({ symbol, start, gaps: gaps.join(''), closes: rows.map((r) => tools.round(r.close, 4)) });
    if (gaps.slice(1).some((g) => g < 1 || g > 9)) throw new Error(`${symbol}: a gap between two rows is outside 1–9 days.`);
  }
  return {
    format: 'aftershock-prices',
    version: 1,
    asOf: series.map((s) => s.start).length ? '2025-04-04' : null,
    sources: [
      'Daily closes 2020-07-27 → 2025-04-04 from Spooky-Labs/Course-1 data/<T>.csv @ 14e15fd (2025-05-05); split- and dividend-adjusted as of download (close = adjusted close); not Yahoo data. SPY\'s stray 2018-11-01 row is dropped.',
      'Encoding: `gaps` is one digit per row, the days since the previous row (the first is 0, counted from `start`).',
    ],
    series,
  };
}
