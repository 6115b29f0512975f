/** Plain-text helpers for news stories: sentences with their offsets, and the text of an HTML page. */

/** The most a pasted or loaded story may hold: a long article is ~50 KB, a whole saved web page rarely 1 MB. */
export const MAX_STORY_CHARS = 1_000_000;

/** Months as wires abbreviate them ("Jan 27"): no full stop after them ends a sentence, and none is a company. */
export const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];

/** Words after which a full stop does not end a sentence ("Nvidia Corp. slid", "ASML Holding N.V. fell"). */
const ABBREVIATIONS = new Set([
  'corp',
  'inc',
  'co',
  'ltd',
  'plc',
  'bros',
  'no',
  'nos',
  'vs',
  'etc',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'sr',
  'jr',
  'prof',
  'gen',
  ...MONTH_ABBREVIATIONS,
  'approx',
  'est',
  'dept',
  'intl',
  'mt',
]);

export interface Sentence {
  text: string;
  /** Offset of the sentence's first character in the whole text. */
  start: number;
}

/** Splits text into sentences, keeping offsets; full stops after abbreviations, initials ("N.V.", "U.S.") and in numbers do not split. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ text: body, start: start + lead });
    start = end;
  };
  const boundary = /([.!?]["”’)]*)(\s+)|\n\s*\n|\n(?=\s*[-•*–]\s)/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    if (m[1] === undefined) {
      push(m.index);
      continue;
    }
    const before = text.slice(Math.max(start, m.index - 12), m.index);
    const word = /([A-Za-z]+)$/.exec(before)?.[1] ?? '';
    const isInitial = /(?:^|[\s.(])[A-Z]$/.test(before) || /[A-Z]\.[A-Z]$/.test(before);
    const next = text.charAt(m.index + m[0].length);
    const startsSentence = /[A-Z0-9"“‘(\u2212-]/.test(next);
    if (m[1].startsWith('.') && (ABBREVIATIONS.has(word.toLowerCase()) || isInitial) && !/\n/.test(m[2])) continue;
    if (!startsSentence && !/\n/.test(m[2])) continue;
    push(m.index + m[1].length);
  }
  push(text.length);
  return out;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  minus: '\u2212',
  ndash: '–',
  mdash: '—',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  hellip: '…',
  euro: '€',
  pound: '£',
  percnt: '%',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
};

/** Decodes the HTML entities a news page uses (named ones above, decimal and hex). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** True when a text looks like an HTML document or fragment rather than prose. */
export function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype|html|body|p|div|article|span|br|h[1-6])\b/i.test(text.slice(0, 20_000));
}

/**
 * The readable text of an HTML page, as plain text: scripts, styles and comments dropped, block ends as line breaks,
 * every other tag removed, entities decoded. The result is only ever shown as text, never rendered.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|noscript|template|svg|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|h[1-6]|li|tr|article|section|blockquote|header|footer|figcaption)\s*>/gi, '\n\n')
      .replace(/<[^>]*>/g, ' '),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
