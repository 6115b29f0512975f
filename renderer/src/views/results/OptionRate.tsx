import { useState } from 'react';
import type { StressResult } from '../../../../shared/engine';
import { DEFAULT_OPTION_RATE } from '../../../../shared/engine/options-pass';
import { formatPercent } from '../../../../shared/format';
import { attempt } from '../../store/attempt';
import { setOptionRate } from '../../store/commands';
import { useStore } from '../../store/store';

/**
 * The interest rate the portfolio's options were revalued at, and a way to change it (one setting for every
 * portfolio): the result is recomputed with the new rate. Nothing is shown when no option was revalued.
 */
export function OptionRate({ result }: { result: StressResult }) {
  const rate = result.positions.find((p) => p.option)?.option?.rate;
  const [draft, setDraft] = useState<string | null>(null);
  if (rate === undefined) return null;
  const typed = draft === null ? NaN : Number(draft.replace(',', '.'));
  const isValid = Number.isFinite(typed) && typed > -5 && typed < 50;
  const save = (value: number | null) =>
    void attempt(useStore.getState, async () => {
      await setOptionRate(value);
      setDraft(null);
      await useStore.getState().loadSnapshot();
    });
  if (draft === null)
    return (
      <p className="small muted">
        Options are revalued (Black–Scholes) at a {formatPercent(rate, 2)} interest rate.{' '}
        <button type="button" className="link" onClick={() => setDraft(String(Math.round(rate * 10_000) / 100))}>
          Change the rate
        </button>
      </p>
    );
  return (
    <form
      className="small option-rate"
      onSubmit={(e) => {
        e.preventDefault();
        if (isValid) save(typed / 100);
      }}
    >
      <label>
        Interest rate for options, in % (every portfolio){' '}
        <input
          type="text"
          inputMode="decimal"
          value={draft}
          autoFocus
          aria-invalid={!isValid}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}
        />
      </label>{' '}
      <button type="submit" disabled={!isValid}>
        Save
      </button>{' '}
      <button type="button" onClick={() => save(null)}>
        Use {formatPercent(DEFAULT_OPTION_RATE, 0)} (default)
      </button>{' '}
      <button type="button" className="link" onClick={() => setDraft(null)}>
        Cancel
      </button>
      {!isValid && <span className="warn"> A rate above −5% and below 50%.</span>}
    </form>
  );
}
