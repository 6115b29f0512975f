import { findSubjects, type SubjectCandidate, type SubjectKind } from './subjects';
import { splitSentences } from './text';
import { BASIS_WORDS, FALL_WORDS, isRatesPhrase, RISE_WORDS, SIZE_LEAD_WORDS } from './vocabulary';

/** When a reported move was measured, from the story's wording; 'unspecified' when it says nothing. */
export type MoveBasis = 'premarket' | 'intraday' | 'close' | 'unspecified';

/** One reported move: "Siemens Energy AG slid 20%". Offsets are into the whole text. */
export interface Finding {
  /** The subject as written: "Siemens Energy AG", "Nasdaq 100 futures", "chip stocks". */
  subject: string;
  kind: SubjectKind;
  /** A ticker written in parentheses after the name. */
  ticker: string | null;
  /** The index label or phrase the subject matched (see vocabulary), else null. */
  key: string | null;
  /** The move as a signed fraction: −0.10 is a 10% fall. */
  change: number;
  /** The size as written ("as much as 17%", "3.4 per cent"). */
  sizeText: string;
  /** "as much as", "up to": the size is the extreme of the move, not where it settled. */
  isUpTo: boolean;
  basis: MoveBasis;
  /** The words the basis was read from ("premarket"), if any. */
  basisText: string | null;
  sentence: string;
  sentenceStart: number;
  /** From the subject's first character to the size's last. */
  span: [number, number];
  subjectSpan: [number, number];
  sizeSpan: [number, number];
  /** How sure the reading is, 0–1: lower when the subject is far from its verb or the direction comes from a sign only. */
  confidence: number;
}

const words = (list: readonly string[]) => list.map((w) => w.replace(/ /g, '\\s+')).join('|');
const SIZE =
  /(?<![\w.,])([+\u2212–-])?\s?(\d{1,3}(?:\.\d+)?)\s?(%|per\s?cent\b|percent\b|pct\b|percentage\s+points?\b|basis\s+points?\b|bps?\b)/gi;
/** A size's unit: a price move in percent, or a change in yields in percentage or basis points. */
const unitOf = (written: string) => (/^b/i.test(written) ? 'bp' : /^percentage/i.test(written) ? 'pp' : '%');
const PER_UNIT = { '%': 100, pp: 100, bp: 10_000 } as const;
const VERB_BEFORE = new RegExp(
  String.raw`\b(${words([...FALL_WORDS, ...RISE_WORDS].filter((w) => w !== 'lower' && w !== 'higher'))})\s+(?:(${words(SIZE_LEAD_WORDS)})\s+)?$`,
  'i',
);
const DIRECTION_AFTER = /^\s+(lower|higher|down|up)\b/i;
const FALLS = new Set(FALL_WORDS);
/** A comma-delimited aside between a subject and its verb ("Siemens Energy AG, the turbine maker, slid"). */
const ASIDE =
  /,\s*(?:which|who|whose|where|the|a|an|its|their|one|once|now|already|known|after|despite|having|maker|owner|parent)\b[^,;]*,/gi;

/** Every reported move in a text, in reading order. */
export function extractMoves(text: string): Finding[] {
  return splitSentences(text).flatMap((sentence) => movesInSentence(sentence.text, sentence.start));
}

function movesInSentence(sentence: string, offset: number): Finding[] {
  const found: (Omit<Finding, 'basis' | 'basisText'> & { localEnd: number })[] = [];
  let clauseStart = 0;
  for (const size of sentence.matchAll(SIZE)) {
    const sizeStart = size.index + (size[0].length - size[0].trimStart().length);
    const sizeEnd = size.index + size[0].length;
    const before = sentence.slice(clauseStart, sizeStart);
    const verb = VERB_BEFORE.exec(before);
    const after = DIRECTION_AFTER.exec(sentence.slice(sizeEnd));
    const sign = size[1] ? (size[1] === '+' ? 1 : -1) : 0;
    let direction: number;
    let verbStart: number;
    let base: number;
    if (verb) {
      direction = FALLS.has(verb[1].toLowerCase()) ? -1 : 1;
      verbStart = clauseStart + verb.index;
      base = 0.9;
    } else if (after && sign === 0) {
      direction = FALLS.has(after[1].toLowerCase()) ? -1 : 1;
      verbStart = sizeStart;
      base = 0.8;
    } else if (sign !== 0) {
      direction = sign;
      verbStart = sizeStart - (/\(\s*$/.test(before) ? before.length - before.trimEnd().length + 1 : 0);
      base = 0.7;
    } else continue;
    const region = sentence.slice(clauseStart, verbStart).replace(ASIDE, (aside) => ' '.repeat(aside.length));
    // What a move is measured against is not a subject of it ("the euro fell 1% against the dollar").
    const candidates = findSubjects(region).filter(
      (c) => !/\b(?:against|versus|vs\.?|relative to|compared (?:with|to))\s+$/i.test(region.slice(0, c.start)),
    );
    const subject = candidates.at(-1);
    if (!subject) continue;
    // Yields move in basis or percentage points ("rose 20 basis points"), prices in percent: any other pairing is not
    // a move this can read ("yields rose 2%" could be relative), so it is passed over.
    const unit = unitOf(size[3]);
    if ((subject.kind === 'phrase' && isRatesPhrase(subject.key)) !== (unit !== '%')) {
      clauseStart = sizeEnd;
      continue;
    }
    const magnitude = Number((Number(size[2]) / PER_UNIT[unit]).toFixed(6));
    const lead = verb?.[2]?.toLowerCase() ?? '';
    const subjects = [...coSubjects(region, candidates), subject];
    for (const [i, s] of subjects.entries()) {
      const distance = wordCount(region.slice(s.end));
      const penalty = Math.max(0, distance - 2) * 0.05 + (i < subjects.length - 1 ? 0.1 : 0);
      found.push({
        subject: s.text,
        kind: s.kind,
        ticker: s.ticker,
        key: s.key,
        change: direction * magnitude,
        sizeText: sentence.slice(verb ? clauseStart + verb.index + verb[1].length : sizeStart, sizeEnd).trim(),
        isUpTo: /as much as|up to|as many as/.test(lead),
        sentence,
        sentenceStart: offset,
        span: [offset + clauseStart + s.start, offset + sizeEnd],
        subjectSpan: [offset + clauseStart + s.start, offset + clauseStart + s.end],
        sizeSpan: [offset + sizeStart, offset + sizeEnd],
        confidence: round2(Math.max(0.3, base + (s.isShares ? 0.05 : 0) - penalty)),
        localEnd: sizeEnd,
      });
    }
    clauseStart = sizeEnd + (after && !verb && sign === 0 ? after[0].length : 0);
  }
  return found.map(({ localEnd, ...finding }, i) => {
    const next = found[i + 1];
    const ownStart = finding.subjectSpan[0] - offset;
    const ownEnd = next && next.subjectSpan[0] - offset > localEnd ? next.subjectSpan[0] - offset : sentence.length;
    return { ...finding, ...readBasis(sentence.slice(ownStart, ownEnd), sentence, finding.isUpTo) };
  });
}

/** Subjects listed before the last one with "and" or commas ("Nvidia, Broadcom and AMD fell 5%"). */
function coSubjects(region: string, candidates: SubjectCandidate[]): SubjectCandidate[] {
  const out: SubjectCandidate[] = [];
  for (let i = candidates.length - 2; i >= 0; i--) {
    const between = region.slice(candidates[i].end, candidates[i + 1].start);
    // The list ends with "and" ("A, B and C"); a lone comma before the subject is an opening phrase ("Later, ASML").
    const isJoined = i === candidates.length - 2 ? /^\s*,?\s*(?:and|&)\s*$/.test(between) : /^\s*,\s*$/.test(between);
    if (!isJoined) break;
    out.unshift(candidates[i]);
  }
  return out;
}

/** The basis from the move's own clause, else from its sentence; "as much as" alone says intraday. */
function readBasis(clause: string, sentence: string, isUpTo: boolean): { basis: MoveBasis; basisText: string | null } {
  for (const where of [clause, sentence]) {
    for (const { basis, pattern } of BASIS_WORDS) {
      const m = pattern.exec(where);
      if (m && !(basis === 'intraday' && /as much as/i.test(m[0]) && !isUpTo && where === sentence)) return { basis, basisText: m[0] };
    }
  }
  return { basis: 'unspecified', basisText: null };
}

const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const round2 = (x: number) => Math.round(x * 100) / 100;
