/** Dates as a report's reader reads them, in the report's locale: "3 December 2026" (en-GB), "December 3, 2026" (en-US). */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function formatter(locale: string, month: 'long' | 'short'): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' });
  } catch {
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' });
  }
}

/** A YYYY-MM-DD date in long form ("3 December 2026"); anything that is not such a date is returned as it is. */
export function longDate(iso: string, locale = 'en-GB'): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  return formatter(locale, 'long').format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** A YYYY-MM-DD date with the month abbreviated ("27 Jan 2025"), for tables and citations. */
export function shortDate(iso: string, locale = 'en-GB'): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  return formatter(locale, 'short')
    .format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))))
    .replace('Sept', 'Sep');
}

/** Every YYYY-MM-DD date inside a sentence in long form (health findings are written with ISO dates). */
export function humanDates(text: string, locale = 'en-GB'): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => longDate(iso, locale));
}

/** A span of dates in words: one date, or "14 February 2025 to 3 March 2025". */
export function dateSpan(span: { oldest: string; newest: string } | null, locale = 'en-GB', none = 'unknown'): string {
  if (!span) return none;
  return span.oldest === span.newest
    ? longDate(span.oldest, locale)
    : `${longDate(span.oldest, locale)} to ${longDate(span.newest, locale)}`;
}

/** The page size a locale prints on: Letter in the US and Canada (and the few others that use it), A4 elsewhere. */
export function pageSizeOf(locale: string): 'A4' | 'Letter' {
  const region = /[-_]([A-Za-z]{2})\b/.exec(locale)?.[1]?.toUpperCase();
  return region && ['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'PR'].includes(region) ? 'Letter' : 'A4';
}
