import { describe, expect, it } from 'vitest';
import { extractMoves, splitSentences, type Finding } from '../../../shared/headline';

/** The parts of a finding a reader checks, with the spans shown as the text they cover. */
function read(text: string, f: Finding) {
  return {
    subject: f.subject,
    kind: f.kind,
    ticker: f.ticker,
    change: f.change,
    sizeText: f.sizeText,
    isUpTo: f.isUpTo,
    basis: f.basis,
    confidence: f.confidence,
    span: text.slice(...f.span),
    subjectSpan: text.slice(...f.subjectSpan),
    sizeSpan: text.slice(...f.sizeSpan),
  };
}

describe('extractMoves on wire-style paragraphs', () => {
  it('reads the five moves of the DeepSeek Monday premarket story', () => {
    const story =
      'FRANKFURT/NEW YORK, Jan 27 (Reuters) - Shares of Nvidia Corp. (NVDA) slid 10% in premarket trading on Monday, ' +
      'ASML Holding NV was down 11% and Siemens Energy AG, which makes turbines for data centres, slid 20%, ' +
      'while Nasdaq 100 futures tumbled 3.4% and S&P 500 futures fell 2%.\n\n' +
      'The sell-off followed the launch of a low-cost model by Chinese start-up DeepSeek.';
    const found = extractMoves(story);
    expect(found.map((f) => read(story, f))).toEqual([
      {
        subject: 'Nvidia Corp.',
        kind: 'company',
        ticker: 'NVDA',
        change: -0.1,
        sizeText: '10%',
        isUpTo: false,
        basis: 'premarket',
        confidence: 0.95,
        span: 'Nvidia Corp. (NVDA) slid 10%',
        subjectSpan: 'Nvidia Corp. (NVDA)',
        sizeSpan: '10%',
      },
      {
        subject: 'ASML Holding NV',
        kind: 'company',
        ticker: null,
        change: -0.11,
        sizeText: '11%',
        isUpTo: false,
        basis: 'premarket',
        confidence: 0.9,
        span: 'ASML Holding NV was down 11%',
        subjectSpan: 'ASML Holding NV',
        sizeSpan: '11%',
      },
      {
        subject: 'Siemens Energy AG',
        kind: 'company',
        ticker: null,
        change: -0.2,
        sizeText: '20%',
        isUpTo: false,
        basis: 'premarket',
        confidence: 0.9,
        span: 'Siemens Energy AG, which makes turbines for data centres, slid 20%',
        subjectSpan: 'Siemens Energy AG',
        sizeSpan: '20%',
      },
      {
        subject: 'Nasdaq 100 futures',
        kind: 'index',
        ticker: null,
        change: -0.034,
        sizeText: '3.4%',
        isUpTo: false,
        basis: 'premarket',
        confidence: 0.9,
        span: 'Nasdaq 100 futures tumbled 3.4%',
        subjectSpan: 'Nasdaq 100 futures',
        sizeSpan: '3.4%',
      },
      {
        subject: 'S&P 500 futures',
        kind: 'index',
        ticker: null,
        change: -0.02,
        sizeText: '2%',
        isUpTo: false,
        basis: 'premarket',
        confidence: 0.9,
        span: 'S&P 500 futures fell 2%',
        subjectSpan: 'S&P 500 futures',
        sizeSpan: '2%',
      },
    ]);
    // Every finding keeps the sentence it came from, with its offset in the story.
    expect(new Set(found.map((f) => f.sentence)).size).toBe(1);
    expect(story.slice(found[0].sentenceStart, found[0].sentenceStart + found[0].sentence.length)).toBe(found[0].sentence);
    expect(found[0].sentence.endsWith('S&P 500 futures fell 2%.')).toBe(true);
  });

  it('reads a rise and a fall in one paragraph, with the basis each sentence states', () => {
    const story =
      'Oracle Corp. jumped 6.2% in extended trading after results beat forecasts. ' +
      'Intel Corp shares closed down 3 per cent on Thursday, having earlier fallen as much as 5.5 percent.';
    expect(extractMoves(story).map((f) => [f.subject, f.change, f.sizeText, f.basis, f.isUpTo])).toEqual([
      ['Oracle Corp.', 0.062, '6.2%', 'unspecified', false],
      ['Intel Corp', -0.03, '3 per cent', 'close', false],
    ]);
  });

  it('reads sector and industry phrases, "as much as" sizes and a size written with a true minus', () => {
    const story =
      'European chip stocks slumped as much as 17 per cent. Chip equipment makers lost −3%, and utilities rose 1.2% as bond yields eased.';
    expect(extractMoves(story).map((f) => read(story, f))).toEqual([
      {
        subject: 'chip stocks',
        kind: 'phrase',
        ticker: null,
        change: -0.17,
        sizeText: 'as much as 17 per cent',
        isUpTo: true,
        basis: 'intraday',
        confidence: 0.9,
        span: 'chip stocks slumped as much as 17 per cent',
        subjectSpan: 'chip stocks',
        sizeSpan: '17 per cent',
      },
      {
        subject: 'Chip equipment makers',
        kind: 'phrase',
        ticker: null,
        change: -0.03,
        sizeText: '−3%',
        isUpTo: false,
        basis: 'unspecified',
        confidence: 0.9,
        span: 'Chip equipment makers lost −3%',
        subjectSpan: 'Chip equipment makers',
        sizeSpan: '−3%',
      },
      {
        subject: 'utilities',
        kind: 'phrase',
        ticker: null,
        change: 0.012,
        sizeText: '1.2%',
        isUpTo: false,
        basis: 'unspecified',
        confidence: 0.9,
        span: 'utilities rose 1.2%',
        subjectSpan: 'utilities',
        sizeSpan: '1.2%',
      },
    ]);
  });

  it('reads signed sizes without a verb, bare tickers, "X% lower" and subjects listed together', () => {
    const story =
      'Losers included Infineon Technologies AG (−11%) and Hang Seng Tech Index (+2%). ' +
      'AMD traded 4% lower. Broadcom and Marvell each fell 7%. The Stoxx 600 technology sub-index dropped 2.5%. ' +
      'Later, Intel, Micron and Qualcomm all fell 3%.';
    expect(extractMoves(story).map((f) => [f.subject, f.kind, f.change, f.confidence])).toEqual([
      ['Infineon Technologies AG', 'company', -0.11, 0.7],
      ['Hang Seng Tech Index', 'index', 0.02, 0.7],
      ['AMD', 'ticker', -0.04, 0.8],
      ['Broadcom', 'company', -0.07, 0.75],
      ['Marvell', 'company', -0.07, 0.9],
      ['Stoxx 600 technology sub-index', 'index', -0.025, 0.9],
      ['Intel', 'company', -0.03, 0.7],
      ['Micron', 'company', -0.03, 0.75],
      ['Qualcomm', 'company', -0.03, 0.9],
    ]);
  });

  it('lowers the confidence when the subject is far from its verb', () => {
    const [near] = extractMoves('Siemens Energy slid 20%.');
    const [far] = extractMoves('Siemens Energy in Frankfurt early on Monday morning slid 20%.');
    expect([near.subject, far.subject]).toEqual(['Siemens Energy', 'Siemens Energy']);
    // Six words between subject and verb: 0.05 off for each beyond two.
    expect([near.confidence, far.confidence]).toEqual([0.9, 0.7]);
  });

  it('finds nothing in a story without moves, nor in sizes that are not moves', () => {
    expect(extractMoves('The central bank left rates unchanged on Wednesday; officials said 25% of members wanted a cut.')).toEqual([]);
    expect(extractMoves('')).toEqual([]);
  });
});

describe('splitSentences', () => {
  it('does not split after legal forms, initialisms or decimals', () => {
    const text = 'Nvidia Corp. slid 10.5% in the U.S. market. ASML Holding N.V. fell 11%! Done';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Nvidia Corp. slid 10.5% in the U.S. market.',
      'ASML Holding N.V. fell 11%!',
      'Done',
    ]);
  });
});
