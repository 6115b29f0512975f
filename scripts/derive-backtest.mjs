// Runs the propagation backtest on the bundled daily closes and writes resources/backtest-summary.json, the figures
// the Results view and the report's methodology quote (with the date it was run). Run: node scripts/derive-backtest.mjs
import { importTs, root } from './import-ts.mjs';

const { deriveBacktest } = await importTs('scripts/backtest/derive.ts', 'scripts/derive-backtest.cjs');
const started = Date.now();
const { summary, baseline, sameDays } = deriveBacktest(root, new Date().toISOString().slice(0, 10));
const f = (x) => (x * 100).toFixed(2);
for (const [name, s] of [
  ['before (equal-weight OLS, 500-day minimum, estimation band)', baseline],
  ['after (product model)', summary],
  ['after, on the days before could test', sameDays],
]) {
  const o = s.overall;
  console.log(
    `${name}: ${s.from} → ${s.to}, ${o.days} days, ${o.pairs} pairs, MAE ${f(o.mae)} (no move ${f(o.maeZero)}, market beta ${f(o.maeBeta)}), in band ${f(o.coverage)}%; equal-weight book in its correlated band ${f(o.bookCoverage)}% of days (end to end ${f(o.bookCoverageEndToEnd)}%)`,
  );
  for (const c of s.checks)
    console.log(`  ${c.name}: MAE ${f(c.totals.mae)} over ${c.totals.pairs} tickers (no move ${f(c.totals.maeZero)})`);
}
console.log(`Wrote resources/backtest-summary.json in ${((Date.now() - started) / 1000).toFixed(1)} s`);
