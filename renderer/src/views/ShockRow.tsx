import { useEffect, useRef, useState } from 'react';
import { TARGET_KINDS, type Shock, type TargetKind } from '../../../shared/engine';
import { changeToPercent, percentToChange } from './scenario-editor';

const KIND_LABELS: Record<TargetKind, string> = {
  symbol: 'Symbol',
  rates: 'Rates (via duration)',
  theme: 'Theme',
  industry: 'Industry',
  sector: 'Sector',
  country: 'Country',
  assetClass: 'Asset class',
  market: 'Market (the rest)',
  currency: 'Currency',
};

/**
 * One editable shock: on/off, target kind with its value below it (with suggestions), size by slider or exact entry,
 * order.
 */
export function ShockRow(props: {
  index: number;
  shock: Shock;
  readOnly: boolean;
  isFirst: boolean;
  isLast: boolean;
  /** Share of the portfolio's value this shock moves, in whole percent. */
  hits: number;
  onChange: (shock: Shock) => void;
  onMove: (direction: -1 | 1) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  const { shock, readOnly, index } = props;
  const [typed, setTyped] = useState<string | null>(null);
  const label = `Shock ${index + 1}`;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);
  /** A typed size that reads as a change of −100% to +1,000%, as a change; null otherwise (not applied). */
  const readTyped = (text: string) => {
    const change = percentToChange(text);
    return change !== null && change >= -1 && change <= 10 ? change : null;
  };
  const commitTyped = () => {
    clearTimeout(timer.current ?? undefined);
    if (typed === null) return;
    const change = readTyped(typed);
    if (change !== null && change !== shock.change) props.onChange({ ...shock, change });
    setTyped(null);
  };
  // Live while typing: a size that reads is applied 150 ms after the last keystroke, the text stays as typed.
  const type = (text: string) => {
    setTyped(text);
    clearTimeout(timer.current ?? undefined);
    const change = readTyped(text);
    if (change !== null && change !== shock.change) timer.current = setTimeout(() => props.onChange({ ...shock, change }), 150);
  };

  return (
    <tr className={shock.enabled ? undefined : 'disabled'} aria-label={label}>
      <td>
        <input
          type="checkbox"
          checked={shock.enabled}
          disabled={readOnly}
          aria-label={`${label} enabled`}
          onChange={(e) => props.onChange({ ...shock, enabled: e.target.checked })}
        />
      </td>
      <td className="shock-target">
        <select
          value={shock.target}
          disabled={readOnly}
          aria-label={`${label} target`}
          onChange={(e) =>
            props.onChange({
              ...shock,
              target: e.target.value as TargetKind,
              value: e.target.value === 'market' || e.target.value === 'rates' ? '' : shock.value,
            })
          }
        >
          {TARGET_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        {shock.target === 'market' || shock.target === 'rates' ? (
          <span className="muted small">
            {shock.target === 'market' ? 'all not matched' : 'bond funds of known duration; size = change in yields'}
          </span>
        ) : (
          <input
            className="shock-value"
            value={shock.value}
            disabled={readOnly}
            list={`shock-values-${shock.target}`}
            aria-label={`${label} value`}
            title={shock.value}
            placeholder={shock.target === 'symbol' ? 'NVDA' : shock.target === 'theme' ? 'ai-energy' : ''}
            onChange={(e) => props.onChange({ ...shock, value: e.target.value })}
          />
        )}
      </td>
      <td>
        <div className="shock-size">
          <input
            type="range"
            min={-50}
            max={50}
            step={0.5}
            disabled={readOnly}
            aria-label={`${label} size slider`}
            value={Math.max(-50, Math.min(50, shock.change * 100))}
            onChange={(e) => props.onChange({ ...shock, change: Number(e.target.value) / 100 })}
          />
          <input
            className="shock-percent"
            aria-label={`${label} size in percent`}
            disabled={readOnly}
            value={typed ?? changeToPercent(shock.change)}
            onChange={(e) => type(e.target.value)}
            onBlur={commitTyped}
            onKeyDown={(e) => e.key === 'Enter' && commitTyped()}
          />
          <span className="muted">%</span>
        </div>
      </td>
      <td className="num muted" title="Share of the portfolio's value this shock moves">
        {props.hits}%
      </td>
      <td className="row-actions">
        {!readOnly && (
          <>
            <button
              type="button"
              className="icon"
              aria-label={`Move ${label.toLowerCase()} up`}
              disabled={props.isFirst}
              onClick={() => props.onMove(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon"
              aria-label={`Move ${label.toLowerCase()} down`}
              disabled={props.isLast}
              onClick={() => props.onMove(1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="link small"
              aria-label={`Copy ${label.toLowerCase()}`}
              title="Duplicate"
              onClick={props.onDuplicate}
            >
              Copy
            </button>
            <button
              type="button"
              className="icon danger-text"
              aria-label={`Delete ${label.toLowerCase()}`}
              title="Delete"
              onClick={props.onDelete}
            >
              ×
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
