/** The oldest and newest of a set of dates (YYYY-MM-DD). */
export interface DateSpan {
  oldest: string;
  newest: string;
}

/** The span of the given dates, ignoring missing ones; null when there are none. */
export function spanOf(dates: readonly (string | null | undefined)[]): DateSpan | null {
  let oldest = '';
  let newest = '';
  for (const d of dates) {
    if (!d) continue;
    if (!oldest || d < oldest) oldest = d;
    if (d > newest) newest = d;
  }
  return oldest ? { oldest, newest } : null;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** A span in words: "2026-11-30", or "2026-10-01 to 2026-11-30"; `none` when there is no date. */
export function spanText(span: DateSpan | null, none = 'unknown'): string {
  if (!span) return none;
  return span.oldest === span.newest ? span.oldest : `${span.oldest} to ${span.newest}`;
}
