import summary from '../../resources/backtest-summary.json';
import { backtestSentence } from '../../shared/history/backtest-runs';

/** Propagation's track record in one sentence, from the backtest derived into resources/ (scripts/derive-backtest.mjs). */
export const TRACK_RECORD = backtestSentence(summary);

/** The day the backtest behind TRACK_RECORD was run. */
export const TRACK_RECORD_RAN_ON = summary.ranOn;

/** How propagated moves are estimated, in one sentence, from the model the backtest ran with. */
export const TRACK_RECORD_METHOD = `Sensitivities are least-squares slopes on up to ${summary.model.estimationDays} trading days of daily returns before the as-of date (at least ${summary.model.minObservations}), recent days weighted more (a ${summary.model.halfLife}-day half-life), without shrinkage; the band adds the holding's own day-to-day variation (×${summary.model.residualScale}, as stress days are more volatile) to the slopes' estimation error, and the total's band counts how holdings' own moves go together.`;
