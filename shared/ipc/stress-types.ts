import type { OptionMarket } from '../engine/options-pass';
import type { ReferenceData } from '../domain/reference';
import type { Portfolio, Position } from '../domain/types';

/** A scenario as listed in the library. */
export interface ScenarioSummaryData {
  id: string;
  name: string;
  description: string;
  tags: string[];
  builtIn: boolean;
  shockCount: number;
  date: string | null;
  /** 'historical' scenarios replay `window` from price history. */
  kind: 'hypothetical' | 'historical';
  window: { from: string; to: string } | null;
}

/** A portfolio with everything the engine needs, for what-ifs run in the renderer. */
export interface StressSnapshotData {
  portfolio: Portfolio;
  positions: Position[];
  reference: ReferenceData;
  /** Set when the portfolio holds options: what revaluing them needs (shared/engine/options-pass.ts). */
  optionMarket?: OptionMarket;
}

/** What the scenario editor suggests for each kind of target: everything the security master knows. */
export interface ScenarioVocabulary {
  symbols: string[];
  themes: string[];
  industries: string[];
  sectors: string[];
  countries: string[];
}
