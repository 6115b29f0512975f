import { useState } from 'react';
import { useStore } from '../store/store';
import { parseTypedNumber } from './holdings-table';

const DURATION_SOURCE: Record<string, string> = {
  user: 'you',
  'market-data': 'market data',
  bundled: 'approximate, from the bundled ETF master; yours wins',
};

/** A bond fund's duration in years (yours), which rate shocks use: price change ≈ −duration × change in yields. */
export function DurationField(props: { symbol: string; current: { years: number; source: string } | null | undefined }) {
  const [text, setText] = useState(props.current ? String(props.current.years) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const setDuration = useStore((s) => s.setDuration);
  const save = async () => {
    const years = parseTypedNumber(text);
    if (Number.isNaN(years) || (years !== null && (years < 0 || years > 100)))
      return setProblem('Duration must be a number of years from 0 to 100, or empty.');
    setProblem(null);
    await setDuration(props.symbol, years);
  };
  return (
    <div className="duration-field">
      <label>
        Duration in years, for rate shocks{' '}
        <span className="muted">({props.current ? (DURATION_SOURCE[props.current.source] ?? props.current.source) : 'not known'})</span>
        <span className="inline">
          <input
            aria-label="Duration in years"
            inputMode="decimal"
            value={text}
            placeholder="e.g. 16.5"
            onChange={(e) => setText(e.target.value)}
          />
          <button type="button" onClick={() => void save()}>
            Save duration
          </button>
        </span>
      </label>
      {problem && <p className="form-problem">{problem}</p>}
    </div>
  );
}
