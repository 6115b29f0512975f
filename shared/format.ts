/** Display formatting shared by the renderer and the CLI; values stay float64 until shown. */

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Formats an amount of money with its currency, e.g. "$12,345.67" or "−€1,234.50" (a true minus sign, as in print). */
export function formatMoney(value: number, currency: string, fractionDigits = 2): string {
  const key = `${currency}:${fractionDigits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        signDisplay: 'negative',
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      });
    } catch {
      format = new Intl.NumberFormat('en-US', {
        signDisplay: 'negative',
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      });
    }
    moneyFormats.set(key, format);
  }
  return format.format(value).replace('-', '\u2212');
}

const quantityFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** Formats a quantity of shares, keeping fractional shares visible (a short with a true minus sign). */
export function formatQuantity(value: number): string {
  return quantityFormat.format(value).replace('-', '\u2212');
}

/**
 * Formats a 0–1 share as a percentage, e.g. 0.1234 → "12.34%", −0.0033 → "−0.33%" (a true minus sign, as formatMoney
 * writes it); a share that rounds to zero has no sign ("0.00%", never "−0.00%").
 */
export function formatPercent(share: number, fractionDigits = 2): string {
  const digits = Math.abs(share * 100).toFixed(fractionDigits);
  return `${share < 0 && Number(digits) !== 0 ? '\u2212' : ''}${digits}%`;
}

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A whole count with thousands separators: 100000 → "100,000". */
export function formatCount(count: number): string {
  return countFormat.format(count);
}

/** A count with its noun, singular or plural: 1 portfolio, 3 portfolios, 100,000 positions. */
export function countOf(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** Names joined for a sentence, the first `max` only when there are more: "A, B, C and 17 more". */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${formatCount(names.length - max)} more`;
}

/** Formats a change as a signed percentage, e.g. −10% or +3.2%. */
export function signedPercent(change: number | null): string {
  if (change === null) return 'n/a';
  const pct = Math.round(change * 10000) / 100;
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${Math.abs(pct)}%`;
}
