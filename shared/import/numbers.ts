import type { DecimalStyle } from './types';

/** A parsed cell: a number, an explicit blank (`--`, `n/a`, empty) or a failure. */
export type NumberCell = { ok: true; value: number | null } | { ok: false };

const BLANKS = new Set(['', '-', '--', 'n/a', 'na', 'n.a.', 'none', 'null', 'not available', '—']);

const PLAIN = /^-?\d+(\.\d+)?$/;
const US_MONEY = /^[-+]?\$?\d{1,3}(,\d{3})*(\.\d+)?$/;

/**
 * Reads a money or quantity cell as brokers write it: `$1,234.56`, `-$694.48`, `(123.45)`,
 * `+$0.16`, `12.5%`, `"26,45"`, `1.234,56`, `€88.94`, `1 234,56`. The decimal style breaks ties
 * such as `1,234` (thousands in a `.` file, 1.234 in a `,` file).
 */
export function parseNumber(raw: string, decimal: DecimalStyle = '.'): NumberCell {
  const value = readNumber(raw, decimal);
  return value === undefined ? { ok: false } : { ok: true, value };
}

/** parseNumber without the wrapper object, for the per-row loop: a number, null for a blank, undefined when unreadable. */
export function readNumber(raw: string, decimal: DecimalStyle = '.'): number | null | undefined {
  if (raw === '') return null;
  const simple = readSimpleNumber(raw, decimal);
  if (simple !== undefined) return simple;
  // Fast path for the common plain cell ("12.5", "-8000"); "1.234" in a decimal-comma file is thousands.
  if (PLAIN.test(raw) && !(decimal === ',' && /\.\d{3}$/.test(raw))) return Number(raw);
  // Second fast path: US money such as "$1,234.56" or "-$694.48" in a decimal-point file.
  if (decimal === '.' && US_MONEY.test(raw)) return Number(raw.replace(/[$,+]/g, ''));
  let text = raw.trim();
  if (BLANKS.has(text.toLowerCase())) return null;
  // Webull writes order prices as "@180.00".
  if (text.startsWith('@')) text = text.slice(1).trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  text = text.replace(/^([+-]?)\s*(?:[$€£¥]|US\$|[A-Z]{3}\s)\s*/, '$1').replace(/\s*(?:[$€£%]|[A-Z]{3})$/, '');
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) text = text.slice(1);
  text = text.replace(/^[$€£¥]/, '').replace(/[\s\u00a0\u202f']/g, '');
  if (!/^(\d[\d.,]*|[.,]\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  const normalised = normaliseSeparators(text, decimal);
  if (normalised === null) return undefined;
  const value = Number(normalised);
  if (!Number.isFinite(value)) return undefined;
  return negative ? -value : value;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
const DIGIT_0 = 48;

/**
 * The two fast paths of readNumber without regular expressions or string copies: a plain number
 * (`-12.5`) or, in a decimal-point file, US money (`$1,234.56`, `-$694.48`, `+$0.16`). Undefined for
 * anything else or for more than 15 significant digits, which the general path then reads.
 */
function readSimpleNumber(raw: string, decimal: DecimalStyle): number | undefined {
  const end = raw.length;
  let i = 0;
  let isNegative = false;
  let isMoney = false;
  let c = raw.charCodeAt(0);
  if (c === 45 /* - */ || c === 43 /* + */) {
    isNegative = c === 45;
    isMoney = c === 43;
    c = raw.charCodeAt(++i);
  }
  if (c === 36 /* $ */) {
    isMoney = true;
    i++;
  }
  if (isMoney && decimal !== '.') return undefined;
  let mantissa = 0;
  let digits = 0;
  let group = 0;
  let hasCommas = false;
  for (; i < end; i++) {
    c = raw.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_0 + 9) {
      mantissa = mantissa * 10 + (c - DIGIT_0);
      digits++;
      group++;
    } else if (c === 44 /* , */ && decimal === '.' && group >= 1 && (hasCommas ? group === 3 : group <= 3)) {
      hasCommas = true;
      group = 0;
    } else break;
  }
  if (group === 0 || (hasCommas && group !== 3) || (isMoney && !hasCommas && group > 3)) return undefined;
  let scale = 0;
  if (i < end) {
    if (raw.charCodeAt(i) !== 46 /* . */) return undefined;
    for (i++; i < end; i++) {
      c = raw.charCodeAt(i);
      if (c < DIGIT_0 || c > DIGIT_0 + 9) return undefined;
      mantissa = mantissa * 10 + (c - DIGIT_0);
      digits++;
      scale++;
    }
    // "1.234" in a decimal-comma file is thousands; "12." is not a plain number.
    if (scale === 0 || (decimal === ',' && scale === 3)) return undefined;
  }
  // Up to 15 digits the mantissa and the power of ten are exact, so one division rounds like Number().
  if (digits > 15) return undefined;
  const value = mantissa / POWERS_OF_TEN[scale];
  return isNegative ? -value : value;
}

function normaliseSeparators(text: string, decimal: DecimalStyle): string | null {
  const commas = (text.match(/,/g) ?? []).length;
  const dots = (text.match(/\./g) ?? []).length;
  if (commas && dots) {
    // Whichever comes last is the decimal mark: 1,234.56 or 1.234,56.
    const isCommaDecimal = text.lastIndexOf(',') > text.lastIndexOf('.');
    const [thousands, mark] = isCommaDecimal ? [/\./g, ','] : [/,/g, '.'];
    if ((isCommaDecimal ? commas : dots) > 1) return null;
    return text.replace(thousands, '').replace(mark, '.');
  }
  const sep = commas ? ',' : dots ? '.' : '';
  if (!sep) return text;
  const count = commas || dots;
  const groups = text.split(sep);
  const isThousands = groups.slice(1).every((g) => g.length === 3) && groups[0].length <= 3 && groups[0] !== '';
  if (count > 1) return isThousands ? groups.join('') : null;
  // One separator: thousands only when it groups exactly three digits and the file's style says so.
  if (isThousands && sep !== decimal) return groups.join('');
  return sep === ',' ? text.replace(',', '.') : text;
}

/** Guesses a file's decimal style from sample cells: `,` when decimal commas clearly dominate. */
export function guessDecimalStyle(samples: readonly string[]): DecimalStyle {
  let comma = 0;
  let dot = 0;
  for (const s of samples) {
    const t = s.trim();
    if (/^[-+(]?[^\d]{0,3}\d{1,3}(\.\d{3})*,\d{1,2}\)?$/.test(t) || /^[-+]?\d+,\d{1,2}$/.test(t)) comma++;
    else if (/^[-+(]?[^\d]{0,3}\d{1,3}(,\d{3})*\.\d+\)?$/.test(t) || /^[-+]?\d+\.\d+$/.test(t)) dot++;
  }
  return comma > dot ? ',' : '.';
}
