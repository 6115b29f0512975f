import { describe, expect, it } from 'vitest';
import { dateSpan, humanDates, longDate, pageSizeOf, shortDate } from '../../../shared/report/dates';

describe('report dates', () => {
  it('writes dates long form in the report’s locale', () => {
    expect(longDate('2026-12-03', 'en-GB')).toBe('3 December 2026');
    expect(longDate('2026-12-03', 'en-US')).toBe('December 3, 2026');
    expect(shortDate('2025-01-27', 'en-GB')).toBe('27 Jan 2025');
    expect(longDate('not a date')).toBe('not a date');
    expect(dateSpan({ oldest: '2025-10-04', newest: '2025-11-24' }, 'en-GB')).toBe('4 October 2025 to 24 November 2025');
    expect(dateSpan(null, 'en-GB', 'none used')).toBe('none used');
  });

  it('turns the ISO dates inside a health sentence into long dates', () => {
    expect(humanDates('23 prices are more than 7 days old (oldest 2025-02-14, 659 days before 2026-12-05).', 'en-GB')).toBe(
      '23 prices are more than 7 days old (oldest 14 February 2025, 659 days before 5 December 2026).',
    );
  });

  it('prints on Letter in the US and Canada, A4 elsewhere', () => {
    expect(pageSizeOf('en-US')).toBe('Letter');
    expect(pageSizeOf('fr-CA')).toBe('Letter');
    expect(pageSizeOf('en-GB')).toBe('A4');
    expect(pageSizeOf('de-DE')).toBe('A4');
    expect(pageSizeOf('en')).toBe('A4');
  });
});
