import type { DateOrder } from './types';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // German, Dutch, Scandinavian, French, Italian, Spanish and Portuguese abbreviations that differ from the English ones.
  mrz: 3,
  mrt: 3,
  mei: 5,
  mai: 5,
  maj: 5,
  okt: 10,
  dez: 12,
  des: 12,
  dic: 12,
  ene: 1,
  abr: 4,
  ago: 8,
  set: 9,
  out: 10,
  fev: 2,
  avr: 4,
  gen: 1,
  giu: 6,
  lug: 7,
  ott: 10,
  dek: 12,
  maa: 3,
  huh: 4,
  tou: 5,
  kes: 6,
  hei: 7,
  elo: 8,
  syy: 9,
  lok: 10,
};

function iso(y: number, m: number, d: number): string | null {
  if (y < 100) y += y < 70 ? 2000 : 1900;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Reads a date cell as YYYY-MM-DD: ISO (with or without a time), `YYYYMMDD`, `MM/DD/YYYY` or
 * `DD-MM-YYYY` by the given order, `14 Oct 2024`, and Schwab's `10/14/2024 as of 10/10/2024`
 * (the first date is the posting date). Returns null when the cell is not a date.
 */
export function parseDate(raw: string, order: DateOrder = 'MDY'): string | null {
  const text = raw.trim().replace(/\s+as of\s+.*$/i, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(text);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})(?:[;\s].*)?$/.exec(text);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})(?:[T\s,].*)?$/.exec(text);
  if (m) return order === 'DMY' ? iso(+m[3], +m[2], +m[1]) : iso(+m[3], +m[1], +m[2]);
  m = /^(\d{1,2})[\s-]([A-Za-z]{3})[a-z]*[\s-,]+(\d{2,4})$/.exec(text);
  if (m && MONTHS[m[2].toLowerCase()]) return iso(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
  m = /^([A-Za-z]{3})[a-z]*[\s-](\d{1,2}),?\s+(\d{4})(?:,?\s+\d{1,2}:\d{2}.*)?$/.exec(text);
  if (m && MONTHS[m[1].toLowerCase()]) return iso(+m[3], MONTHS[m[1].toLowerCase()], +m[2]);
  return null;
}

/**
 * Guesses whether slash dates are month-first or day-first from sample cells; `ambiguous` when no cell settles it
 * (the caller's guess from the header's language).
 */
export function guessDateOrder(samples: readonly string[], ambiguous: DateOrder = 'MDY'): DateOrder {
  for (const s of samples) {
    const m = /^(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}/.exec(s.trim());
    if (!m) continue;
    if (+m[1] > 12) return 'DMY';
    if (+m[2] > 12) return 'MDY';
  }
  // "14-10-2024" and "14.10.2024" are day-first wherever they are written; only slashes are month-first in the US.
  return samples.some((s) => /^\d{1,2}[-.]\d{1,2}[-.]\d{4}/.test(s.trim())) ? 'DMY' : ambiguous;
}
