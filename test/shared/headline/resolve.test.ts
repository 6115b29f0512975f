import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../../shared/engine';
import {
  buildScenario,
  draftFromStory,
  extractMoves,
  foldName,
  htmlToText,
  NO_MOVES_MESSAGE,
  resolveFindings,
} from '../../../shared/headline';
import { bundledMaster } from './master';

const master = bundledMaster();
const DEEPSEEK =
  'Jan 27 (Reuters) - Nvidia slid 10% premarket, ASML was down 11% and Siemens Energy slid 20%, while Nasdaq 100 futures tumbled 3.4% and S&P 500 futures fell 2%.';

describe('resolving findings against the bundled security master', () => {
  it('maps the five DeepSeek moves to NVDA, ASML, ENR.DE, QQQ and the market shock', () => {
    const proposals = resolveFindings(extractMoves(DEEPSEEK), master);
    expect(proposals.map((p) => [p.subject, p.target?.target, p.target?.value, p.resolvedBy, p.change, p.enabled])).toEqual([
      ['Nvidia', 'symbol', 'NVDA', 'name', -0.1, true],
      ['ASML', 'symbol', 'ASML', 'ticker', -0.11, true],
      // The bundled master holds Siemens Energy's Xetra listing.
      ['Siemens Energy', 'symbol', 'ENR.DE', 'name', -0.2, true],
      ['Nasdaq 100 futures', 'symbol', 'QQQ', 'index', -0.034, true],
      ['S&P 500 futures', 'market', '', 'index', -0.02, true],
    ]);
    expect(proposals[4].target?.label).toBe('market (S&P 500)');
    expect(proposals[4].suggestions.map((s) => s.value)).toEqual(['SPY', 'VOO']);
  });

  it('folds legal forms and punctuation, and uses curated aliases', () => {
    expect(foldName('ASML Holding N.V. (ADR)')).toBe('asml');
    expect(foldName('Siemens Energy AG')).toBe('siemens energy');
    expect(foldName('Nvidia Corp.')).toBe('nvidia');
    const story =
      'Facebook parent Meta rose 2%. Google added 1.5%. Taiwan Semiconductor Manufacturing Co. (TSM) fell 4%. Alphabet Inc. gained 1%.';
    expect(resolveFindings(extractMoves(story), master).map((p) => [p.subject, p.target?.value, p.resolvedBy])).toEqual([
      ['Meta', 'META', 'alias'],
      ['Google', 'GOOGL', 'alias'],
      ['Taiwan Semiconductor Manufacturing Co.', 'TSM', 'ticker'],
      ['Alphabet Inc.', 'GOOGL', 'name'],
    ]);
  });

  it('keeps place words that are part of a name and drops those that are not', () => {
    const story =
      'Tokyo Electron dropped 4.9% and German Siemens Energy slid 20%. In Hong Kong, the Hang Seng Index rose 0.7%. Revenue rose 20% to $30 billion.';
    const proposals = resolveFindings(extractMoves(story), master);
    expect(proposals.map((p) => [p.subject, p.change, p.target?.value ?? null])).toEqual([
      ['Tokyo Electron', -0.049, '8035.T'],
      ['German Siemens Energy', -0.2, 'ENR.DE'],
      ['Hang Seng Index', 0.007, null],
    ]);
    expect(proposals[2].suggestions.map((s) => s.value)).toEqual(['FXI', 'MCHI']);
    expect(proposals[2].note).toBe('Hang Seng Index has no fund or market shock that stands for it here; pick one or leave it out.');
  });

  it('maps sector phrases through the curated vocabulary to industries, sectors and themes', () => {
    const story = 'Chip stocks fell 9%, chip equipment makers lost 8% and AI power plays slumped 20%, while utilities rose 1%.';
    expect(resolveFindings(extractMoves(story), master).map((p) => [p.subject, p.target?.target, p.target?.value])).toEqual([
      ['Chip stocks', 'industry', 'Semiconductors'],
      ['chip equipment makers', 'industry', 'Semiconductor Materials & Equipment'],
      ['AI power plays', 'theme', 'ai-energy'],
      ['utilities', 'sector', 'Utilities'],
    ]);
  });

  it('lists an unresolvable European name as not matched, with near names to pick from', () => {
    const draft = draftFromStory('Infineon Technologies AG slid 6% in Frankfurt, and Siemens AG fell 3.2%.', master, { id: 'eu' });
    expect(draft.unmatched).toEqual(['Infineon Technologies AG (−6%)', 'Siemens AG (−3.2%)']);
    expect(draft.proposals[1].suggestions.map((s) => s.value)).toContain('ENR.DE');
    // Not matched means not shocked, and the scenario says so; never dropped silently.
    expect(draft.scenario.shocks).toEqual([]);
    expect(draft.scenario.description).toContain('Not matched, so not shocked: Infineon Technologies AG (−6%), Siemens AG (−3.2%).');
  });

  it('keeps both of two contradicting reports of one subject, the first switched on, and says so', () => {
    const draft = draftFromStory('ASML fell 10% at the open. Later in the session ASML Holding NV slid as much as 17%.', master, {
      id: 'twice',
    });
    expect(draft.proposals.map((p) => [p.target?.value, p.change, p.enabled])).toEqual([
      ['ASML', -0.1, true],
      ['ASML', -0.17, false],
    ]);
    expect(draft.notes).toEqual([
      'ASML (−10%): ASML is reported more than once with different sizes; this first report is used.',
      'ASML Holding NV (−17%): This contradicts an earlier report of ASML (−10%); the first is used — switch this one on (and that one off) if it is the move you mean.',
    ]);
    expect(draft.scenario.shocks.map((s) => [s.value, s.change, s.enabled])).toEqual([
      ['ASML', -0.1, true],
      ['ASML', -0.17, false],
    ]);
  });

  it('says in one sentence that a story without moves has none', () => {
    const draft = draftFromStory('Markets were closed for the holiday. Trading resumes on Tuesday.', master, { id: 'none' });
    expect(draft.message).toBe(NO_MOVES_MESSAGE);
    expect(draft.proposals).toEqual([]);
  });
});

describe('the drafted scenario', () => {
  it('is an ordinary scenario: quoted sentences as notes, publisher and date as the event source, premarket basis', () => {
    const draft = draftFromStory(DEEPSEEK, master, {
      id: 'deepseek',
      name: 'DeepSeek premarket',
      date: '2025-01-27',
      publisher: 'Reuters',
    });
    const scenario = scenarioSchema.parse(draft.scenario);
    expect(scenario).toMatchObject({ id: 'deepseek', name: 'DeepSeek premarket', kind: 'hypothetical' });
    expect(scenario.shocks[0]).toEqual({ target: 'symbol', value: 'NVDA', change: -0.1, enabled: true, note: `“${DEEPSEEK}”` });
    expect(scenario.event).toEqual({
      date: '2025-01-27',
      basis: { timing: 'premarket', returns: 'price' },
      sources: [
        {
          title: 'Reuters, 2025-01-27',
          note: 'Moves read from the story: Nvidia (−10%), ASML (−11%), Siemens Energy (−20%), Nasdaq 100 futures (−3.4%), S&P 500 futures (−2%).',
        },
      ],
    });
  });

  it('follows the user’s choices: a switched-off move, an edited size, a target picked for an unmatched name', () => {
    const proposals = resolveFindings(extractMoves('Nvidia slid 10%. Infineon Technologies AG fell 6%.'), master);
    const scenario = buildScenario(
      proposals,
      [
        { enabled: false, change: -0.12, target: proposals[0].target },
        { enabled: true, change: -0.06, target: { target: 'theme', value: 'semiconductors', label: 'theme Semiconductors' } },
      ],
      { id: 'picked' },
    );
    expect(scenario.shocks.map((s) => [s.target, s.value, s.change, s.enabled])).toEqual([
      ['symbol', 'NVDA', -0.12, false],
      ['theme', 'semiconductors', -0.06, true],
    ]);
    expect(scenario.event?.basis.timing).toBe('close-to-close');
    expect(scenario.description).not.toContain('Not matched');
  });
});

describe('htmlToText', () => {
  it('keeps the text of a page and drops scripts, styles and tags, decoding entities', () => {
    const html =
      '<html><head><title>x</title><style>p{}</style></head><body><h1>Chips slide</h1><p>ASML was down &minus;11% &amp; <b>Nvidia</b> slid 10%.</p><script>alert("hi")</script></body></html>';
    expect(htmlToText(html)).toBe('Chips slide\n\nASML was down −11% & Nvidia slid 10%.');
    expect(extractMoves(htmlToText(html)).map((f) => [f.subject, f.change])).toEqual([
      ['ASML', -0.11],
      ['Nvidia', -0.1],
    ]);
  });
});

describe('a market wrap with indices, yields, currencies and commodities', () => {
  const WRAP =
    'The S&P 500 lost 2.1% while the Dow Jones Industrial Average shed 1.5%. Energy shares bucked the trend, with Exxon Mobil up 1.2%. ' +
    'The 10-year Treasury yield rose 20 basis points to 4.8%, and the two-year yield climbed 0.15 percentage point. ' +
    'The euro fell 1% against the dollar, and gold gained 0.8% while oil prices sank 3%. Bond yields rose 2% on the week.';
  const proposals = resolveFindings(extractMoves(WRAP), master);

  it('reads each move once, with the target it names and its size in its own unit', () => {
    expect(proposals.map((p) => [p.subject, p.target?.target ?? null, p.target?.value ?? null, p.change, p.enabled])).toEqual([
      ['S&P 500', 'market', '', -0.021, true],
      // The whole name, not "the Dow" and a company called "Jones Industrial Average".
      ['the Dow Jones Industrial Average', 'symbol', 'DIA', -0.015, true],
      // The master writes ExxonMobil as one word.
      ['Exxon Mobil', 'symbol', 'XOM', 0.012, true],
      // A change in yields: 20 basis points is +0.002; the level it reached (4.8%) is not a move.
      ['10-year Treasury yield', 'rates', '', 0.002, true],
      // One rate shock moves every bond fund: a second report of yields is kept, switched off.
      ['two-year yield', 'rates', '', 0.0015, false],
      // What the euro fell against is not a second subject of gold's rise.
      ['The euro', 'currency', 'EUR', -0.01, true],
      ['gold', 'industry', 'Gold', 0.008, true],
      ['oil prices', 'industry', 'Crude Oil (futures)', -0.03, true],
      // "Bond yields rose 2%" is not read: a percent of a yield could be relative, or the level.
    ]);
  });

  it('reads the words currencies and yields move by: weakened, strengthened, eased, firmed', () => {
    const moves = resolveFindings(
      extractMoves(
        'The yen weakened 0.7% against the dollar and sterling strengthened 0.3%, while the 10-year yield eased 5 basis points.',
      ),
      master,
    );
    expect(moves.map((p) => [p.subject, p.target?.target, p.target?.value, p.change])).toEqual([
      ['The yen', 'currency', 'JPY', -0.007],
      ['sterling', 'currency', 'GBP', 0.003],
      ['10-year yield', 'rates', '', -0.0005],
    ]);
  });

  it('reads oil companies as the energy sector, not as the price of oil', () => {
    const [move] = resolveFindings(extractMoves('Oil and gas producers fell 2%.'), master);
    expect([move.subject, move.target?.target, move.target?.value]).toEqual(['Oil and gas producers', 'sector', 'Energy']);
  });

  it('writes a change in yields in basis points wherever the draft shows it', () => {
    const draft = draftFromStory(WRAP, master, { id: 'wrap' });
    const rates = draft.scenario.shocks.find((s) => s.target === 'rates')!;
    expect(rates).toMatchObject({ value: '', change: 0.002, enabled: true });
    expect(draft.scenario.description).toContain('10-year Treasury yield +20bp');
    expect(draft.unmatched).toEqual([]);
    expect(draft.notes).toContain(
      'two-year yield (+15bp): This contradicts an earlier report of 10-year Treasury yield (+20bp); the first is used — switch this one on (and that one off) if it is the move you mean.',
    );
    expect(scenarioSchema.safeParse(draft.scenario).success).toBe(true);
  });
});
