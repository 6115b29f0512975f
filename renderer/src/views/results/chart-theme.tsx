import { ResponsiveContainer } from 'recharts';
/** Chart colours: Okabe–Ito vermillion for losses and blue for gains, readable by colour-blind users and in grey. */
export const LOSS = '#D55E00';
export const GAIN = '#0072B2';
export const TOTAL = '#7a8699';

/**
 * Tooltip looks for every chart: the panel's colours, and the text in the theme's text colour (recharts would print
 * a bar's label in near-black, unreadable on the dark panel).
 */
export const TOOLTIP = {
  cursor: { fill: 'var(--row-hover)' },
  contentStyle: { background: 'var(--panel)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--text)' },
  labelStyle: { color: 'var(--text)' },
  itemStyle: { color: 'var(--text)' },
} as const;

/** Every chart's axes: lines and tick labels in the muted colour, at 11 px. */
export const AXIS = { stroke: 'var(--muted)', fontSize: 11 } as const;

/**
 * An axis title in the muted colour: under a horizontal axis, or turned along a vertical one at its left (the
 * category names of a bar chart sit between it and the bars).
 */
export function axisLabel(value: string, position: 'bottom' | 'left') {
  return position === 'bottom'
    ? { value, position: 'insideBottom' as const, offset: -14, fill: 'var(--muted)', fontSize: 11 }
    : { value, position: 'insideLeft' as const, angle: -90, textAnchor: 'middle' as const, fill: 'var(--muted)', fontSize: 11 };
}

/** Short money for chart axes: $1.2M, $35k, −$800. */
export function compactMoney(value: number, currency: string): string {
  let text: string;
  try {
    text = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
      signDisplay: 'negative',
    }).format(value);
  } catch {
    text = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1, signDisplay: 'negative' }).format(value);
  }
  // A true minus sign, as formatMoney prints.
  return text.replace('-', '\u2212');
}

/**
 * Charts size themselves to their container on screen; on paper (and in tests) they get a fixed width,
 * because ResponsiveContainer has nothing to measure there.
 */
export function Sized(props: { width?: number; height: number; children: React.ReactElement }) {
  if (props.width) return props.children;
  return (
    <ResponsiveContainer width="100%" height={props.height}>
      {props.children}
    </ResponsiveContainer>
  );
}
