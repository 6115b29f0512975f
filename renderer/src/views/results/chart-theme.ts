/** Chart colours: Okabe–Ito vermillion for losses and blue for gains, readable by colour-blind users and in grey. */
export const LOSS = '#D55E00';
export const GAIN = '#0072B2';
export const TOTAL = '#7a8699';

/** Short money for chart axes: $1.2M, $35k, −$800. */
export function compactMoney(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(value);
  } catch {
    return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  }
}
