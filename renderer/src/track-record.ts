import summary from '../../resources/backtest-summary.json';
import { backtestSentence } from '../../shared/history/backtest-runs';

/** Propagation's track record in one sentence, from the backtest derived into resources/ (scripts/derive-backtest.mjs). */
export const TRACK_RECORD = backtestSentence(summary);

/** The day the backtest behind TRACK_RECORD was run. */
export const TRACK_RECORD_RAN_ON = summary.ranOn;
