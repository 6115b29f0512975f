/** The stress engine: pure functions of data (docs/stress-semantics.md). */
export { prepareBook, type Book, type BookIssue } from './book';
export { explainPosition, type SliceExplanation } from './explain';
export { compileScenario, describeShock, signedPercent, type Provenance } from './match';
export { reverseStress, type ReverseResult } from './reverse';
export {
  COVERAGE_PARTS,
  DIMENSIONS,
  MOVED_PARTS,
  NO_THEME,
  noReturnReason,
  returnOn,
  returnText,
  runScenario,
  scenarioMoves,
  UNCLASSIFIED,
  type AggregateRow,
  type Coverage,
  type CoveragePart,
  type Dimension,
  type PositionResult,
  type StressResult,
} from './run';
export {
  scenarioSchema,
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  TARGET_KINDS,
  TARGET_PRECEDENCE,
  type Scenario,
  type ScenarioInput,
  type Shock,
  type TargetKind,
} from './scenario';
export { positionsHitBy } from './hits';
export { groupReturns, scenarioTotals } from './totals';
