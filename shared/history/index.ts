/** History-driven stress: replay, propagation and risk from daily closes (docs/stress-semantics.md §7–8). Pure functions. */
export { DEFAULT_INDUSTRY_FUNDS, DEFAULT_SECTOR_FUNDS, defaultProxies, historySymbols, standInsFor, type ProxyConfig } from './proxies';
export { ESTIMATION_DAYS, MIN_OBSERVATIONS, propagationMoves, proxyShocks, runPropagated, type ProxyShock } from './propagate';
export { BAND_Z } from './estimator';
export { currencyMoves, currencySentence, fxPairSymbol, fxSymbolsFor, type FxMove } from './fx';
export { exposures, pathStats, replayedScenario, replayMoves, replayScenario, runReplay } from './replay';
export {
  drawdownPath,
  historicalTail,
  parametricTail,
  portfolioRisk,
  returnHistogram,
  returnRisk,
  RISK_HORIZONS,
  RISK_LEVELS,
  type PortfolioRisk,
  type ReturnRisk,
  type TailRisk,
} from './risk';
export { basketReturns, calendarOf, indexAtOrBefore, returnsOn, windowReturn, type PriceHistory, type PriceSeries } from './series';
