import { useMemo, useState } from 'react';
import type { Dimension } from '../../../../shared/engine';
import { replayScenario } from '../../../../shared/history/replay';
import { replayWindow } from '../../store/commands';
import { useStore } from '../../store/store';
import { useCommand } from '../../use-command';
import { replayPresets, windowProblem } from './history-model';
import { ResultBody } from './ResultBody';
import { useBook } from './use-stress';

const BY: Dimension[] = ['sector', 'industry', 'theme', 'country', 'account', 'assetClass', 'currency', 'symbol'];

/** The replay picker (presets and custom dates) and what the chosen window does to today's holdings. */
export function ReplayView() {
  const { book, snapshot, lookThrough } = useBook();
  const scenarios = useStore((s) => s.scenarios);
  const presets = useMemo(() => replayPresets(scenarios), [scenarios]);
  const [from, setFrom] = useState('2025-01-24');
  const [to, setTo] = useState('2025-01-27');
  const [dimension, setDimension] = useState<Dimension>('sector');
  const problem = windowProblem(from, to);
  // The window asked for; it is replayed on the selected portfolio and look-through, and again when they change.
  const [asked, setAsked] = useState<{ from: string; to: string } | null>(null);
  const portfolioId = snapshot?.portfolio.id ?? null;
  const request = useMemo(
    () => (asked && portfolioId !== null ? { portfolioId, ...asked, lookThrough, by: BY } : null),
    [asked, portfolioId, lookThrough],
  );
  const answer = useCommand(request, replayWindow);

  const replay = (a = from, b = to) => {
    if (!snapshot || windowProblem(a, b)) return;
    setAsked({ from: a, to: b });
    answer.rerun();
  };
  const choose = (id: string) => {
    const preset = presets.find((p) => p.id === id);
    if (!preset) return;
    setFrom(preset.from);
    setTo(preset.to);
    replay(preset.from, preset.to);
  };
  const result = answer.value;
  const busy = answer.loading;
  const scenario = useMemo(() => (result?.history ? replayScenario(result.history.from, result.history.to) : null), [result]);

  return (
    <>
      <form
        className="card pad replay-picker"
        aria-label="Replay a window"
        onSubmit={(e) => {
          e.preventDefault();
          replay();
        }}
      >
        <label>
          Preset{' '}
          <select aria-label="Replay preset" value="" onChange={(e) => choose(e.target.value)}>
            <option value="">Choose an event or year…</option>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label} ({p.from} → {p.to})
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" aria-label="Replay from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To <input type="date" aria-label="Replay to" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={!!problem || busy || !snapshot}>
          {busy ? 'Replaying…' : 'Replay'}
        </button>
        <span className="muted small">
          {problem ??
            'Each holding moves by its own total return over the window (closes on or before each date); without history, by its industry or sector fund, else the market; holdings in other currencies also by their currency’s move.'}
        </span>
      </form>
      {answer.error && (
        <p className="warn small" role="alert">
          {answer.error}
        </p>
      )}
      {!result && !answer.error && (
        <p className="muted">Choose a preset or dates and press Replay to see what that window would do to today’s holdings.</p>
      )}
      {result && book && scenario && (
        <ResultBody book={book} scenario={scenario} result={result} dimension={dimension} onDimension={setDimension} pending={busy} />
      )}
    </>
  );
}
