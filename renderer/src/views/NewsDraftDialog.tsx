import { useEffect, useMemo, useRef, useState } from 'react';
import { returnText, type StressResult } from '../../../shared/engine';
import { formatMoney } from '../../../shared/format';
import { buildScenario, MAX_STORY_CHARS, type HeadlineDraft, type ProposalChoice } from '../../../shared/headline';
import type { ScenarioVocabulary } from '../../../shared/ipc/stress-types';
import { draftScenario, listThemes, runStress } from '../store/commands';
import { Dialog, DialogActions } from '../components/Dialog';
import { useStore } from '../store/store';
import { initialChoices, storyFromFile } from './news-draft';
import { NewsProposalRow } from './NewsProposalRow';

/**
 * "New scenario › From a news story…": paste (or load) a story, confirm the moves it reports, watch the selected
 * portfolio's result, save an ordinary user scenario. The story is only ever shown as text.
 */
export function NewsDraftDialog({ onClose, vocabulary }: { onClose: () => void; vocabulary: ScenarioVocabulary | null }) {
  const portfolioId = useStore((s) => s.selectedPortfolioId);
  const portfolio = useStore((s) => s.portfolios.find((p) => p.id === s.selectedPortfolioId) ?? null);
  const lookThrough = useStore((s) => s.lookThrough);
  const [text, setText] = useState('');
  const [publisher, setPublisher] = useState('');
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [draft, setDraft] = useState<HeadlineDraft | null>(null);
  const [choices, setChoices] = useState<ProposalChoice[]>([]);
  const [propagate, setPropagate] = useState(false);
  const [themeNames, setThemeNames] = useState<Map<string, string>>(new Map());
  const fileInput = useRef<HTMLInputElement>(null);
  const isTooLong = text.length > MAX_STORY_CHARS;

  useEffect(() => {
    void listThemes().then(
      (themes) => setThemeNames(new Map(themes.map((t) => [t.id, t.name]))),
      () => undefined,
    );
  }, []);

  const findMoves = async () => {
    setProblem(null);
    try {
      // Pasted page source is read as its text, as a loaded .html file is; it is never rendered.
      const story = storyFromFile('', text);
      const answer = await draftScenario({
        text: story,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(date ? { date } : {}),
        ...(publisher.trim() ? { publisher: publisher.trim() } : {}),
      });
      if (answer.message) return setProblem(answer.message);
      setDraft(answer);
      setName(answer.scenario.name);
      setChoices(initialChoices(answer));
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  const loadFile = async (file: File | undefined) => {
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    if (file.size > 20 * 1024 * 1024)
      return setProblem(`${file.name} is larger than 20 MB; save the story itself as a .txt or .html file.`);
    setText(storyFromFile(file.name, await file.text()));
  };

  const scenario = useMemo(
    () =>
      draft
        ? buildScenario(draft.proposals, choices, {
            id: draft.scenario.id,
            name: name.trim() || draft.scenario.name,
            date: date || undefined,
            publisher: publisher.trim() || undefined,
          })
        : null,
    [draft, choices, name, date, publisher],
  );
  const live = useLiveResult(portfolioId, scenario, lookThrough, propagate);

  const save = async (thenResults: boolean) => {
    if (!scenario) return;
    const store = useStore.getState();
    if (!(await store.saveDraftedScenario(scenario))) return;
    if (propagate) store.setPropagate(true);
    if (thenResults) store.setView('results');
    onClose();
  };

  return (
    <Dialog title="New scenario from a news story" onClose={onClose} wide>
      {Object.entries({
        symbol: vocabulary?.symbols,
        theme: vocabulary?.themes,
        industry: vocabulary?.industries,
        sector: vocabulary?.sectors,
      }).map(([kind, values]) => (
        <datalist key={kind} id={`news-values-${kind}`}>
          {(values ?? []).slice(0, 2000).map((v) => (
            <option key={v} value={v} label={kind === 'theme' ? themeNames.get(v) : undefined} />
          ))}
        </datalist>
      ))}
      {!draft ? (
        <div className="form news-paste">
          <label>
            The story (pasted as text; a loaded .html page is read as its text, never shown as a page)
            <textarea
              aria-label="News story"
              className="news-text"
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoFocus
              placeholder="e.g. Nvidia slid 10% premarket, ASML was down 11% and Siemens Energy slid 20%, while Nasdaq 100 futures tumbled 3.4%…"
            />
          </label>
          <div className="form grid-3">
            <label>
              Publisher (optional)
              <input value={publisher} maxLength={200} onChange={(e) => setPublisher(e.target.value)} placeholder="e.g. Reuters" />
            </label>
            <label>
              Date (optional)
              <input type="date" aria-label="Story date" value={date} onChange={(e) => setDate(e.target.value)} />
            </label>
            <label>
              Scenario name (optional)
              <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} placeholder="News story" />
            </label>
          </div>
          <p className={isTooLong ? 'form-problem' : 'muted small'}>
            {isTooLong
              ? `The text is ${text.length.toLocaleString()} characters; the limit is ${MAX_STORY_CHARS.toLocaleString()} (1 MB). Paste the story itself rather than a whole page.`
              : `${text.length.toLocaleString()} characters`}
          </p>
          <DialogActions
            problem={problem}
            onCancel={onClose}
            lead={
              <>
                <button type="button" onClick={() => fileInput.current?.click()}>
                  Load a .txt or .html file…
                </button>
                <input
                  ref={fileInput}
                  type="file"
                  accept=".txt,.html,.htm,text/plain,text/html"
                  hidden
                  onChange={(e) => void loadFile(e.target.files?.[0])}
                />
              </>
            }
          >
            <button type="button" className="primary" disabled={!text.trim() || isTooLong} onClick={() => void findMoves()}>
              Find the moves
            </button>
          </DialogActions>
        </div>
      ) : (
        <div className="news-draft">
          <div className="form news-draft-head">
            <label>
              Scenario name
              <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
            </label>
            <LiveLoss live={live} portfolioName={portfolio?.name ?? null} />
          </div>
          <p className="muted small">
            {draft.proposals.length} moves found, {draft.proposals.filter((p) => p.target).length} matched. Switch each on or off, correct
            its size or target; a name that is not matched is not shocked until you pick a security or theme for it.
          </p>
          <ol className="news-proposals">
            {draft.proposals.map((p, i) => (
              <NewsProposalRow
                key={i}
                index={i}
                proposal={p}
                choice={choices[i]}
                themeNames={themeNames}
                onChange={(next) => setChoices((all) => all.map((c, j) => (j === i ? next : c)))}
              />
            ))}
          </ol>
          <label className="toggle small">
            <input type="checkbox" checked={propagate} onChange={(e) => setPropagate(e.target.checked)} /> Also move holdings the story does
            not name (propagation: estimated from price history; a run setting, switched on in Results when you save)
          </label>
          <DialogActions
            problem={problem}
            onCancel={onClose}
            lead={
              <button type="button" onClick={() => setDraft(null)}>
                Back to the text
              </button>
            }
          >
            <button type="button" onClick={() => void save(false)} disabled={!scenario?.shocks.length}>
              Save scenario
            </button>
            <button type="button" className="primary" onClick={() => void save(true)} disabled={!scenario?.shocks.length}>
              Save and see results
            </button>
          </DialogActions>
        </div>
      )}
    </Dialog>
  );
}

type Live = { result: StressResult | null; error: string | null; pending: boolean };

/** The portfolio's result under the drafted scenario, from main's stress:run (debounced, latest request wins). */
function useLiveResult(
  portfolioId: number | null,
  scenario: ReturnType<typeof buildScenario> | null,
  lookThrough: boolean,
  propagate: boolean,
): Live {
  const request = useMemo(
    () => (portfolioId !== null && scenario ? { portfolioId, scenario, lookThrough, ...(propagate ? { propagate: true } : {}) } : null),
    [portfolioId, scenario, lookThrough, propagate],
  );
  const [remote, setRemote] = useState<{ request: unknown; result: StressResult | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!request) return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      runStress(request)
        .then((result) => isCurrent && setRemote({ request, result, error: null }))
        .catch((error: Error) => isCurrent && setRemote({ request, result: null, error: error.message }));
    }, 150);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [request]);
  const fresh = remote && remote.request === request ? remote : null;
  // While main recomputes, the previous answer stays on screen, marked as updating.
  return { result: fresh ? fresh.result : (remote?.result ?? null), error: fresh?.error ?? null, pending: !!request && !fresh };
}

function LiveLoss({ live, portfolioName }: { live: Live; portfolioName: string | null }) {
  if (!portfolioName) return <p className="muted small">Create a portfolio to see this scenario’s result.</p>;
  if (live.error) return <p className="form-problem">{live.error}</p>;
  const r = live.result;
  return (
    <div className={`news-live${live.pending ? ' pending' : ''}`} aria-live="polite">
      <div className="muted small">
        {portfolioName}
        {r?.history?.mode === 'propagation' ? ' · propagated' : ''}
      </div>
      {r ? (
        <div className={r.pnl < 0 ? 'loss big' : r.pnl > 0 ? 'gain big' : 'big'} data-testid="draft-pnl">
          {formatMoney(r.pnl, r.baseCurrency, 0)} <span className="small">({returnText(r.return, r.valueBefore)})</span>
        </div>
      ) : (
        <div className="muted">…</div>
      )}
    </div>
  );
}
