import { SCENARIO_FORMAT, SCENARIO_VERSION, type Scenario, type Shock } from '../engine/scenario';
import { extractMoves, type MoveBasis } from './extract';
import { proposalSize, resolveFindings, type DraftTarget, type HeadlineMaster, type ProposedShock } from './resolve';

/** Who published the story and when, as the user gives them. */
export interface StorySource {
  name?: string;
  date?: string;
  publisher?: string;
}

/** What drafting a story answers: every proposal (matched or not), the scenario they make, and what to tell the user. */
export interface HeadlineDraft {
  proposals: ProposedShock[];
  /** Proposals with no target, as "Siemens Energy AG (−20%)". */
  unmatched: string[];
  /** The scenario made of the proposals as proposed (matched ones only). */
  scenario: Scenario;
  /** One sentence when the story reports no moves, else null. */
  message: string | null;
  /** Sentences about choices made for the user (contradictions, stand-ins). */
  notes: string[];
}

/** The user's answer for one proposal: on or off, its size, and a target for one that was not matched. */
export interface ProposalChoice {
  enabled: boolean;
  change: number;
  target: DraftTarget | null;
}

/** The most shocks a scenario file may hold (the scenario schema's limit). */
export const MAX_SHOCKS = 500;

export const NO_MOVES_MESSAGE = 'No reported moves found: the text names no price move with a size (such as “Nvidia slid 10%”).';

/** How a proposal reads in a list: "Siemens Energy AG (−20%)", "Treasury yields (+20bp)". */
export function proposalLabel(p: Pick<ProposedShock, 'subject' | 'change'> & { target?: DraftTarget | null }): string {
  return `${p.subject} (${proposalSize(p)})`;
}

/** Drafts a scenario from a story's text against the master: extraction, resolution, then the scenario. */
export function draftFromStory(text: string, master: HeadlineMaster, source: StorySource & { id: string }): HeadlineDraft {
  const proposals = resolveFindings(extractMoves(text), master);
  const choices = proposals.map((p) => ({ enabled: p.enabled, change: p.change, target: p.target }));
  const notes = proposals.filter((p) => p.note).map((p) => `${proposalLabel(p)}: ${p.note}`);
  const matched = proposals.filter((p) => p.target).length;
  if (matched > MAX_SHOCKS)
    notes.unshift(
      `The story reports ${matched} matched moves; a scenario holds at most ${MAX_SHOCKS} shocks, so only the first ${MAX_SHOCKS} are used.`,
    );
  return {
    proposals,
    unmatched: proposals.filter((p) => !p.target).map(proposalLabel),
    scenario: buildScenario(proposals, choices, source),
    message: proposals.length ? null : NO_MOVES_MESSAGE,
    notes,
  };
}

/** The quoted sentence for a shock's note, within the 500 characters a note may hold. */
function quote(sentence: string): string {
  const text = sentence.replace(/\s+/g, ' ').trim();
  return `“${text.length > 496 ? `${text.slice(0, 495)}…` : text}”`;
}

/** The basis the scenario states: premarket if any used move was premarket, else intraday, else close. */
function scenarioTiming(bases: MoveBasis[]): 'premarket' | 'intraday' | 'close-to-close' {
  if (bases.includes('premarket')) return 'premarket';
  if (bases.includes('intraday')) return 'intraday';
  return 'close-to-close';
}

/**
 * An ordinary user scenario from the proposals and the user's choices: one shock per proposal with a target (off ones
 * kept, switched off), the quoted sentence as each shock's note, the story's publisher and date as the event's source.
 */
export function buildScenario(
  proposals: readonly ProposedShock[],
  choices: readonly ProposalChoice[],
  source: StorySource & { id: string },
): Scenario {
  // A scenario holds at most MAX_SHOCKS shocks; a longer list is cut and the draft's notes say so.
  const used = proposals
    .map((p, i) => ({ p, c: choices[i] ?? { enabled: p.enabled, change: p.change, target: p.target } }))
    .filter(({ c }) => c.target)
    .slice(0, MAX_SHOCKS);
  const shocks: Shock[] = used.map(({ p, c }) => ({
    target: c.target!.target,
    value: c.target!.target === 'market' ? '' : c.target!.value,
    change: c.change,
    enabled: c.enabled,
    note: quote(p.sentence),
  }));
  const on = used.filter(({ c }) => c.enabled);
  const timing = scenarioTiming(on.map(({ p }) => p.basis));
  const unmatched = proposals.filter((p, i) => !(choices[i]?.target ?? p.target));
  const publisher = source.publisher?.trim();
  const title = [publisher || 'News story', source.date].filter(Boolean).join(', ');
  const described = on.map(({ p, c }) => `${p.subject} ${proposalSize({ change: c.change, target: c.target })}`).join(', ');
  const description = [
    `Drafted from a news story${publisher ? ` (${publisher})` : ''}: ${described || 'no moves used'}.`,
    on.some(({ p }) => p.basis === 'premarket' || p.basis === 'intraday')
      ? 'Premarket or intraday figures are as reported, not closing moves.'
      : '',
    unmatched.length ? `Not matched, so not shocked: ${unmatched.map(proposalLabel).join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    id: source.id,
    name: (source.name?.trim() || `News story${source.date ? ` of ${source.date}` : ''}`).slice(0, 200),
    description: description.slice(0, 4000),
    kind: 'hypothetical',
    tags: ['from-news'],
    shocks,
    event: {
      ...(source.date ? { date: source.date } : {}),
      basis: { timing, returns: 'price' },
      sources: [
        {
          title: title.slice(0, 300),
          note: `Moves read from the story: ${proposals.map(proposalLabel).join(', ') || 'none'}.`.slice(0, 1000),
        },
      ],
    },
  };
}
