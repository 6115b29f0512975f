import { describe, expect, it } from 'vitest';
import { guessDecimalStyle, parseNumber } from '../../../shared/import/numbers';

describe('parseNumber', () => {
  it.each([
    ['$1,234.56', '.', 1234.56],
    ['-$694.48', '.', -694.48],
    ['(123.45)', '.', -123.45],
    ['($1,095.80)', '.', -1095.8],
    ['+$0.16', '.', 0.16],
    ['+31.10%', '.', 31.1],
    ['"26,45"'.slice(1, -1), ',', 26.45],
    ['26,45', '.', 26.45],
    ['1.234,56', ',', 1234.56],
    ['1,234.56', ',', 1234.56],
    ['1,234', '.', 1234],
    ['1,234', ',', 1.234],
    ['1.234', ',', 1234],
    ['1 234,56', ',', 1234.56],
    ['2.645,00', ',', 2645],
    ['0,76672417', '.', 0.76672417],
    ['€88.94', '.', 88.94],
    ['-1,259.59', '.', -1259.59],
    ['1,000,000', '.', 1000000],
    ['0.0290530000', '.', 0.029053],
    ['-8000', '.', -8000],
    ['1e3', '.', 1000],
  ] as const)('%s (%s) → %d', (raw, decimal, expected) => {
    expect(parseNumber(raw, decimal)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '--', 'n/a', 'N/A', '-', '  '])('%j is an explicit blank', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value: null });
  });

  it('reads plain numbers and US money exactly as Number() does, for random cells', () => {
    // The reference is the regex fast path readNumber had before its hand-written scanner.
    const reference = (raw: string, decimal: '.' | ','): number | undefined => {
      if (/^-?\d+(\.\d+)?$/.test(raw) && !(decimal === ',' && /\.\d{3}$/.test(raw))) return Number(raw);
      if (decimal === '.' && /^[-+]?\$?\d{1,3}(,\d{3})*(\.\d+)?$/.test(raw)) return Number(raw.replace(/[$,+]/g, ''));
      return undefined;
    };
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = '0123456789012345678901234567890123456789,,..$-+';
    let checked = 0;
    for (let n = 0; n < 50_000; n++) {
      const raw = Array.from({ length: 1 + Math.floor(random() * 20) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      for (const decimal of ['.', ','] as const) {
        const expected = reference(raw, decimal);
        if (expected === undefined) continue;
        checked++;
        const parsed = parseNumber(raw, decimal);
        expect(parsed.ok && Object.is(parsed.value, expected), `${raw} (${decimal})`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it.each(['abc', 'EOF27002856700', '12..5', '1,2,3', '$', '1.2.3,4.5', 'Infinity', '1e999'])('%j is not a number', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: false });
  });
});

describe('guessDecimalStyle', () => {
  it('reads decimal commas when they dominate', () => {
    expect(guessDecimalStyle(['26,45', '-1741,00', '1.234,56', ''])).toBe(',');
    expect(guessDecimalStyle(['$1,234.56', '12.5', '0,25'])).toBe('.');
  });
});
