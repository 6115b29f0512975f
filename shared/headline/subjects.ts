import { INDEX_ENTRIES, INDEX_TAIL, NOT_SUBJECTS, PHRASES, PLACE_WORDS } from './vocabulary';

/** What a story moved: a company (by name), a ticker, an index or futures contract, or a sector/industry phrase. */
export type SubjectKind = 'company' | 'ticker' | 'index' | 'phrase';

/** A possible subject in a stretch of a sentence; offsets are relative to that sentence. */
export interface SubjectCandidate {
  text: string;
  kind: SubjectKind;
  start: number;
  end: number;
  /** The ticker given in parentheses after a name ("Nvidia Corp. (NVDA)"), upper-case, listing suffix removed. */
  ticker: string | null;
  /** For an index: the label of its vocabulary entry; for a phrase: the phrase, lower-case. */
  key: string | null;
  /** Written as "shares of X" / "X shares": a surer subject. */
  isShares: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One pass over every index name, the more specific first ("Nasdaq 100" before "Nasdaq"); group i+1 is entry i. */
const INDEX_REGEX = new RegExp(
  String.raw`(?<![\w&])(?:${INDEX_ENTRIES.map((e) => `(${e.pattern})`).join('|')})(?![\w&])${INDEX_TAIL}`,
  'g',
);
const PHRASE_LIST = PHRASES.flatMap((p) => p.phrases).sort((a, b) => b.length - a.length);
const PHRASE_REGEX = new RegExp(String.raw`(?<![\w-])(?:${PHRASE_LIST.map(escape).join('|')})(?![\w-])`, 'gi');
const PAREN_TICKER =
  /\(\s*(?:(?:NASDAQ|NYSE|Nasdaq|Nyse|NYSE American|Xetra|XETRA|ETR|AMS|EPA|LON|LSE|TYO|TSE|OTC|FRA|SWX|HKEX|HK|KRX|TWSE)\s*:\s*)?([A-Z0-9][A-Z0-9.-]{0,11})\s*\)/g;
/** A word of a proper name: capitalised, a number-led name ("3M"), an initialism ("N.V."), joined by & or of. */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{N}&.’'-]*|\d+\p{L}[\p{L}\p{N}&.’'-]*|plc|de|of|&)$/u;
const CONNECTORS = new Set(['of', '&', 'de']);

/** Replaces spans with spaces so later recognisers skip them and offsets stay put. */
function blankAll(text: string, spans: readonly { start: number; end: number }[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    out += text.slice(at, start) + ' '.repeat(end - start);
    at = end;
  }
  return out + text.slice(at);
}

/** Every subject candidate in `text`, left to right, not overlapping: indices, then phrases, then names with their tickers. */
export function findSubjects(text: string): SubjectCandidate[] {
  const found: SubjectCandidate[] = [];
  let rest = text;
  for (const m of rest.matchAll(INDEX_REGEX)) {
    const entry = INDEX_ENTRIES[m.slice(1).findIndex((g) => g !== undefined)];
    found.push({ text: m[0], kind: 'index', start: m.index, end: m.index + m[0].length, ticker: null, key: entry.label, isShares: false });
  }
  rest = blankAll(rest, found);
  for (const m of rest.matchAll(PHRASE_REGEX)) {
    found.push({
      text: m[0],
      kind: 'phrase',
      start: m.index,
      end: m.index + m[0].length,
      ticker: null,
      key: m[0].toLowerCase(),
      isShares: false,
    });
  }
  rest = blankAll(rest, found);
  const tickers: { start: number; end: number; ticker: string }[] = [];
  for (const m of rest.matchAll(PAREN_TICKER)) {
    tickers.push({ start: m.index, end: m.index + m[0].length, ticker: m[1].replace(/\.(O|N|OQ|K|A|P)$/, '') });
  }
  rest = blankAll(rest, tickers);
  for (const name of nameRuns(rest)) {
    const paren = tickers.find((t) => t.start >= name.end && /^\s*$/.test(text.slice(name.end, t.start)));
    const isShares =
      /\bshares\s+(?:of|in)\s+$/i.test(text.slice(0, name.start)) || /^[’']?s?\s+(?:shares|stock)\b/i.test(text.slice(name.end));
    const end = paren ? paren.end : name.end;
    const isTicker = /^[A-Z][A-Z0-9.]{0,5}$/.test(name.text) && !paren;
    found.push({
      text: name.text,
      kind: isTicker ? 'ticker' : 'company',
      start: name.start,
      end,
      ticker: paren?.ticker ?? null,
      key: null,
      isShares,
    });
  }
  // A ticker in parentheses with no name before it still names its subject: "(NVDA)".
  for (const t of tickers) {
    if (!found.some((c) => c.ticker === t.ticker && c.end === t.end)) {
      found.push({ text: t.ticker, kind: 'ticker', start: t.start, end: t.end, ticker: t.ticker, key: null, isShares: false });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Runs of capitalised words ("Siemens Energy AG", "ASML Holding N.V."), trimmed of words that are never subjects. */
function nameRuns(text: string): { text: string; start: number; end: number }[] {
  const words = [...text.matchAll(/[\p{L}\p{N}&][\p{L}\p{N}&.’'-]*/gu)].map((m) => {
    const isPossessive = /[’']s?$/.test(m[0]);
    let word = m[0].replace(/[’']s?$/, '');
    // A trailing full stop belongs to the word only for initialisms and legal forms ("N.V.", "Corp.").
    if (word.endsWith('.') && !/^(?:[A-Z]\.)+$|^(?:Corp|Inc|Co|Ltd|Bros)\.$/.test(word)) word = word.replace(/\.+$/, '');
    return { word, start: m.index, end: m.index + word.length, isPossessive };
  });
  const runs: { text: string; start: number; end: number }[] = [];
  const isEdgeNoise = (w: string) => CONNECTORS.has(w) || NOT_SUBJECTS.has(w.toLowerCase());
  let current: typeof words = [];
  const flush = () => {
    while (current.length && isEdgeNoise(current[0].word)) current.shift();
    while (current.length && isEdgeNoise(current.at(-1)!.word)) current.pop();
    const isOnlyPlaces = current.every((w) => PLACE_WORDS.has(w.word.toLowerCase()) || CONNECTORS.has(w.word));
    if (current.length && !isOnlyPlaces)
      runs.push({ text: text.slice(current[0].start, current.at(-1)!.end), start: current[0].start, end: current.at(-1)!.end });
    current = [];
  };
  for (const w of words) {
    const prev = current.at(-1);
    const isAdjacent = !prev || (/^ $/.test(text.slice(prev.end, w.start)) && !prev.isPossessive);
    if (!isAdjacent) flush();
    if (NAME_WORD.test(w.word) && (current.length > 0 || !CONNECTORS.has(w.word))) current.push(w);
    else flush();
  }
  flush();
  return runs;
}
