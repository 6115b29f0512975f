import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../../shared/engine';
import { draftFromStory, MAX_SHOCKS, MAX_STORY_CHARS } from '../../../shared/headline';
import { bundledMaster } from './master';

describe('a story near the 1 MB limit', () => {
  it('yields a valid scenario of at most 500 shocks, saying it cut the rest', () => {
    const paragraph = 'Nvidia slid 10% premarket, ASML was down 11% and Siemens Energy slid 20%, while Nasdaq 100 futures tumbled 3.4%. ';
    const story = paragraph.repeat(Math.floor(MAX_STORY_CHARS / paragraph.length));
    const draft = draftFromStory(story, bundledMaster(), { id: 'long' });
    expect(draft.proposals.length).toBe(4 * Math.floor(MAX_STORY_CHARS / paragraph.length));
    expect(scenarioSchema.parse(draft.scenario).shocks).toHaveLength(MAX_SHOCKS);
    expect(draft.notes[0]).toBe(
      `The story reports ${draft.proposals.length} matched moves; a scenario holds at most 500 shocks, so only the first 500 are used.`,
    );
    // Every later report of the same four subjects repeats the first and starts switched off.
    expect(draft.scenario.shocks.filter((s) => s.enabled)).toHaveLength(4);
  });
});
