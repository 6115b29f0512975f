import { describe, expect, it } from 'vitest';
import { extractMoves, resolveFindings, draftFromStory } from '../../shared/headline';
import { bundledMaster } from '../shared/headline/master';
import { highlightParts, initialChoices, pickedTarget, storyFromFile } from '../../renderer/src/views/news-draft';

const master = bundledMaster();

describe('the news-story draft dialog’s helpers', () => {
  it('marks the words of each finding inside its sentence', () => {
    const [, second] = extractMoves('Intro line here. Later, ASML was down 11% and Nvidia slid 10%.');
    expect(highlightParts(second)).toEqual(['Later, ASML was down 11% and ', 'Nvidia slid 10%', '.']);
  });

  it('starts with every matched move on except a contradicting repeat, and unmatched ones off', () => {
    const draft = draftFromStory('ASML fell 10%. ASML slid 17%. Infineon Technologies AG fell 6%.', master, { id: 'x' });
    expect(initialChoices(draft).map((c) => [c.enabled, c.change, c.target?.value ?? null])).toEqual([
      [true, -0.1, 'ASML'],
      [false, -0.17, 'ASML'],
      [false, -0.06, null],
    ]);
  });

  it('turns a pick into a target only once it names something', () => {
    const themes = new Map([['ai-energy', 'Energy for AI']]);
    expect(pickedTarget('theme', 'ai-energy', themes)).toEqual({ target: 'theme', value: 'ai-energy', label: 'theme Energy for AI' });
    expect(pickedTarget('symbol', ' enr.de ', themes)).toEqual({ target: 'symbol', value: 'ENR.DE', label: 'ENR.DE' });
    expect(pickedTarget('market', '', themes)).toEqual({ target: 'market', value: '', label: 'market (everything not named)' });
    expect(pickedTarget('sector', '  ', themes)).toBeNull();
  });

  it('reads an HTML file, or pasted page source, as its text', () => {
    expect(storyFromFile('story.html', '<p>Nvidia <b>slid</b> 10%.</p><script>x()</script>')).toBe('Nvidia slid 10%.');
    expect(storyFromFile('', '<div>ASML fell 11%</div>')).toBe('ASML fell 11%');
    expect(storyFromFile('story.txt', 'Plain <b> text')).toBe('Plain <b> text');
    expect(resolveFindings(extractMoves(storyFromFile('a.htm', '<p>Google&nbsp;added 1%</p>')), master)[0].target?.value).toBe('GOOGL');
  });
});
