import { useState } from 'react';
import { proposalLabel, proposalSize, type ProposalChoice, type ProposedShock } from '../../../shared/headline';
import { changeToPercent, percentToChange } from './scenario-editor';
import { highlightParts, pickedTarget, PICKER_KINDS, type PickerKind } from './news-draft';

const BASIS_TEXT: Record<ProposedShock['basis'], string> = {
  premarket: 'premarket',
  intraday: 'intraday',
  close: 'at the close',
  unspecified: 'timing not stated',
};
const confidenceWord = (c: number) => (c >= 0.85 ? 'high' : c >= 0.6 ? 'medium' : 'low');

/** One proposed shock: the sentence with its words marked, the target (or a picker), an on/off switch and the size. */
export function NewsProposalRow(props: {
  index: number;
  proposal: ProposedShock;
  choice: ProposalChoice;
  themeNames: ReadonlyMap<string, string>;
  onChange: (choice: ProposalChoice) => void;
}) {
  const { proposal: p, choice, index } = props;
  const [typed, setTyped] = useState<string | null>(null);
  const drafted = p.target?.target;
  const [kind, setKind] = useState<PickerKind>(PICKER_KINDS.find((k) => k === drafted) ?? 'symbol');
  const [value, setValue] = useState(p.target?.value ?? '');
  const [before, words, after] = highlightParts(p);
  const label = proposalLabel(p);
  const isRates = (choice.target?.target ?? kind) === 'rates';
  const commitSize = () => {
    const change = typed === null ? null : percentToChange(typed);
    if (change !== null && change >= -1 && change <= 10) props.onChange({ ...choice, change });
    setTyped(null);
  };
  const pick = (nextKind: PickerKind, nextValue: string) => {
    setKind(nextKind);
    setValue(nextValue);
    const target = pickedTarget(nextKind, nextValue, props.themeNames);
    props.onChange({ ...choice, target, enabled: target ? choice.enabled || !p.target : false });
  };
  return (
    <li
      className={`news-proposal${choice.enabled ? '' : ' disabled'}${p.target ? '' : ' unmatched'}`}
      aria-label={`Move ${index + 1}: ${label}`}
    >
      <label className="toggle">
        <input
          type="checkbox"
          aria-label={`Use ${label}`}
          checked={choice.enabled}
          disabled={!choice.target}
          onChange={(e) => props.onChange({ ...choice, enabled: e.target.checked })}
        />
      </label>
      <div className="news-proposal-body">
        <blockquote className="news-sentence">
          {before}
          <mark>{words}</mark>
          {after}
        </blockquote>
        <div className="news-proposal-fields">
          {p.target ? (
            <span className="news-target" title={`Matched by ${p.resolvedBy}`}>
              → {p.target.label}
            </span>
          ) : choice.target ? (
            <span className="news-target">→ {choice.target.label} (your pick)</span>
          ) : (
            <span className="warn small">not matched: {label}</span>
          )}
          <select
            aria-label={`Target kind for ${p.subject}`}
            value={kind}
            onChange={(e) => pick(e.target.value as PickerKind, e.target.value === 'market' || e.target.value === 'rates' ? '' : value)}
          >
            {PICKER_KINDS.map((k) => (
              <option key={k} value={k}>
                {k === 'market' ? 'market (the rest)' : k === 'rates' ? 'rates (yields)' : k}
              </option>
            ))}
          </select>
          {kind !== 'market' && kind !== 'rates' && (
            <input
              className="shock-value"
              aria-label={`Target for ${p.subject}`}
              list={`news-values-${kind}`}
              value={value}
              placeholder={p.target ? '' : kind === 'currency' ? 'EUR' : 'pick a security or theme'}
              onChange={(e) => pick(kind, e.target.value)}
            />
          )}
          <input
            className="shock-percent"
            aria-label={`Size of ${p.subject} in percent`}
            value={typed ?? changeToPercent(choice.change)}
            onChange={(e) => setTyped(e.target.value)}
            onBlur={commitSize}
            onKeyDown={(e) => e.key === 'Enter' && commitSize()}
          />
          <span className="muted" title={isRates ? 'The change in yields, in percentage points (0.25 is 25 basis points)' : undefined}>
            {isRates ? `% points (${proposalSize({ change: choice.change, target: { target: 'rates', value: '', label: '' } })})` : '%'}
          </span>
        </div>
        {p.suggestions.length > 0 && (
          <div className="small muted">
            Or:{' '}
            {p.suggestions.map((s) => (
              <button
                key={`${s.target}:${s.value}`}
                type="button"
                className="link small"
                onClick={() => pick(s.target as PickerKind, s.value)}
              >
                {s.label}
              </button>
            ))}
          </div>
        )}
        <div className="small muted">
          {BASIS_TEXT[p.basis]}
          {p.isUpTo ? ' · the most it moved (“as much as”)' : ''} · confidence {confidenceWord(p.confidence)} ({p.confidence.toFixed(2)})
          {p.note ? ` · ${p.note}` : ''}
        </div>
      </div>
    </li>
  );
}
