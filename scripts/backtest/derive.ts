import fs from 'node:fs';
import path from 'node:path';
import { backtestSummary, shockSetBacktest, stressDayBacktest, type BacktestSummary } from '../../shared/history/backtest-runs';
import { OLS_MODEL, PROPAGATION_MODEL, type PropagationModel } from '../../shared/history/estimator';
import { bundledBacktestInputs } from './bundled';

/** The 27 Jan 2025 check of issue #22: SMH, SPY and the four ai-energy names shocked by their actual moves. */
const DEEPSEEK = {
  name: 'DeepSeek Monday with SMH, SPY, VST, CEG, TLN and GEV shocked',
  date: '2025-01-27',
  shocked: ['SMH', 'VST', 'CEG', 'TLN', 'GEV'],
};

/** Runs the backtest on the bundled data with the product's model and the one it replaced; writes resources/backtest-summary.json. */
export function deriveBacktest(
  root: string,
  ranOn: string,
): { summary: BacktestSummary; baseline: BacktestSummary; sameDays: BacktestSummary } {
  const resources = path.join(root, 'resources');
  const { history, setup } = bundledBacktestInputs(resources);
  const run = (model: PropagationModel, from?: string) => {
    const result = stressDayBacktest(history, { ...setup, model, from });
    const check = shockSetBacktest(history, {
      date: DEEPSEEK.date,
      market: setup.config.market,
      shocked: DEEPSEEK.shocked,
      targets: setup.targets,
      model,
    });
    return backtestSummary(
      result,
      [{ name: DEEPSEEK.name, date: DEEPSEEK.date, shocked: [setup.config.market, ...DEEPSEEK.shocked], totals: check.overall }],
      ranOn,
    );
  };
  const summary = run(PROPAGATION_MODEL);
  const baseline = run(OLS_MODEL);
  // The product's model on the days the old one could test (it needed 500 days of history, so it starts later).
  const sameDays = run(PROPAGATION_MODEL, baseline.from);
  const file = {
    ...summary,
    baseline: {
      model: baseline.model,
      from: baseline.from,
      to: baseline.to,
      overall: baseline.overall,
      largest: baseline.largest,
      checks: baseline.checks,
    },
    onBaselineDays: { from: sameDays.from, to: sameDays.to, overall: sameDays.overall, largest: sameDays.largest },
  };
  fs.writeFileSync(path.join(resources, 'backtest-summary.json'), `${JSON.stringify(file, null, 2)}\n`);
  return { summary, baseline, sameDays };
}
