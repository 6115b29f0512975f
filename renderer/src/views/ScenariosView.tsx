import { useEffect, useMemo, useRef, useState } from 'react';
import { countOf } from '../../../shared/format';
import { ConfirmDialog } from '../components/Dialog';
import { EmptyState } from '../components/EmptyState';
import { scenarioVocabulary } from '../store/commands';
import { newShock } from '../store/scenario-draft';
import { usePick, useStore } from '../store/store';
import { useCommand } from '../use-command';
import { moveShock, vocabulary } from './scenario-editor';
import { ShockRow } from './ShockRow';
import { saveFile } from './results/export';
import { useStress } from './results/use-stress';
import { WhatIfPreview } from './WhatIfPreview';
import { NewsDraftDialog } from './NewsDraftDialog';
import { PortfolioPicker } from '../components/PortfolioPicker';

/** The scenario library and editor, with the selected portfolio's result recomputed on every edit. */
export function ScenariosView() {
  const { scenarios, draftBuiltIn, draftDirty, lookThrough, selectedPortfolioId, portfolios } = usePick(
    'scenarios',
    'draftBuiltIn',
    'draftDirty',
    'lookThrough',
    'selectedPortfolioId',
    'portfolios',
  );
  const s = usePick(
    'deleteScenario',
    'duplicateScenario',
    'editDraft',
    'exportScenario',
    'importScenarioFile',
    'newScenario',
    'revertDraft',
    'saveDraft',
    'selectPortfolio',
    'selectScenario',
    'setLookThrough',
    'openImport',
    'setView',
  );
  const { snapshot, draft, result } = useStress();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [isNewMenuOpen, setNewMenuOpen] = useState(false);
  const [isNewsOpen, setNewsOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void useStore.getState().loadScenarios();
  }, []);
  // Everything the security master knows, for suggestions; without it, the portfolio's own names are offered.
  const master = useCommand(true, scenarioVocabulary).value;
  const suggestions = useMemo(() => vocabulary(snapshot, master), [snapshot, master]);

  const exportCurrent = async () => {
    if (!draft) return;
    const file = await s.exportScenario(draft.id);
    if (file) saveFile(file.fileName, new Blob([file.json], { type: 'application/json' }));
  };
  const importFile = async (file: File | undefined) => {
    if (file) await s.importScenarioFile(await file.text(), file.name);
    if (fileInput.current) fileInput.current.value = '';
  };

  const builtIns = scenarios.filter((x) => x.builtIn);
  const own = scenarios.filter((x) => !x.builtIn);
  const listItem = (x: (typeof scenarios)[number]) => (
    <li key={x.id}>
      <button
        type="button"
        className={x.id === draft?.id ? 'scenario-item active' : 'scenario-item'}
        aria-current={x.id === draft?.id ? 'true' : undefined}
        onClick={() => void s.selectScenario(x.id)}
      >
        <span>{x.name}</span>
        <span className="muted small">{x.date ?? countOf(x.shockCount, 'shock')}</span>
      </button>
    </li>
  );

  return (
    <section className="view wide">
      <header className="view-header">
        <div>
          <h1>Scenarios</h1>
          <p className="lead">Pick a scenario or write your own; the result for the selected portfolio updates as you edit.</p>
        </div>
        <div className="toolbar">
          {portfolios.length > 0 ? (
            <PortfolioPicker
              label="Portfolio for the live result"
              portfolios={portfolios}
              value={selectedPortfolioId}
              onChange={s.selectPortfolio}
            />
          ) : (
            <span className="muted">No portfolio yet to run scenarios on.</span>
          )}
          <label className="toggle">
            <input type="checkbox" checked={lookThrough} onChange={(e) => s.setLookThrough(e.target.checked)} /> Look through funds
          </label>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Import…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            onChange={(e) => void importFile(e.target.files?.[0])}
          />
          <div className="menu-button">
            <button
              type="button"
              className="primary"
              aria-haspopup="menu"
              aria-expanded={isNewMenuOpen}
              onClick={() => setNewMenuOpen((open) => !open)}
            >
              New scenario ▾
            </button>
            {isNewMenuOpen && (
              <div className="menu" role="menu" aria-label="New scenario">
                <button type="button" role="menuitem" onClick={() => (setNewMenuOpen(false), s.newScenario())}>
                  Blank scenario
                </button>
                <button type="button" role="menuitem" onClick={() => (setNewMenuOpen(false), setNewsOpen(true))}>
                  From a news story…
                </button>
              </div>
            )}
          </div>
        </div>
      </header>

      <div className="scenario-layout">
        <nav className="card scenario-list" aria-label="Scenario library">
          <h3>Built-in</h3>
          <ul>{builtIns.map(listItem)}</ul>
          <h3>Yours</h3>
          {own.length ? (
            <ul>{own.map(listItem)}</ul>
          ) : (
            <p className="muted small pad">None yet: duplicate a built-in or start a new one.</p>
          )}
        </nav>

        {!draft ? (
          <EmptyState title="No scenario selected" body="Choose one from the library on the left." />
        ) : (
          <div className="scenario-editor">
            <div className="card pad">
              <div className="editor-title">
                {draftBuiltIn ? (
                  <h2>{draft.name}</h2>
                ) : (
                  <input
                    className="title-input"
                    aria-label="Scenario name"
                    value={draft.name}
                    maxLength={200}
                    onChange={(e) => s.editDraft((d) => ({ ...d, name: e.target.value }))}
                  />
                )}
                <div className="toolbar">
                  {draftBuiltIn && <span className="badge">Built-in · read-only</span>}
                  <button type="button" onClick={() => void s.duplicateScenario(draft.id)} disabled={draftDirty}>
                    {draftBuiltIn ? 'Duplicate to edit' : 'Duplicate'}
                  </button>
                  <button type="button" onClick={() => void exportCurrent()} disabled={draftDirty}>
                    Export
                  </button>
                  {!draftBuiltIn && (
                    <>
                      <button type="button" className="link danger" onClick={() => setConfirmDelete(true)}>
                        Delete
                      </button>
                      <button type="button" onClick={() => void s.revertDraft()} disabled={!draftDirty}>
                        Revert
                      </button>
                      <button type="button" className="primary" onClick={() => void s.saveDraft()} disabled={!draftDirty}>
                        Save
                      </button>
                    </>
                  )}
                </div>
              </div>
              {draftBuiltIn ? (
                <p className="muted">{draft.description}</p>
              ) : (
                <textarea
                  aria-label="Description"
                  className="description"
                  value={draft.description}
                  maxLength={4000}
                  placeholder="What this scenario assumes, and where its figures come from"
                  onChange={(e) => s.editDraft((d) => ({ ...d, description: e.target.value }))}
                />
              )}
              {/* One list of suggestions per kind of target, shared by every shock row. */}
              {Object.entries(suggestions).map(([kind, values]) => (
                <datalist key={kind} id={`shock-values-${kind}`}>
                  {values.slice(0, 1500).map((v) => (
                    <option key={v} value={v} />
                  ))}
                </datalist>
              ))}
              {draft.kind === 'historical' && (
                <p className="small history-note card pad">
                  Replays {draft.event?.window?.from} → {draft.event?.window?.to} from price history: every holding moves by its own total
                  return over the window, or its industry or sector fund’s (flagged as a proxy). It has no shocks to edit; the preview is
                  computed from history.
                </p>
              )}
              <table className="table shocks">
                <thead>
                  <tr>
                    <th aria-label="On" />
                    <th>Target and value</th>
                    <th>Size</th>
                    <th className="num" title="Value moved, in holdings">
                      Reach
                    </th>
                    <th aria-label="Actions" />
                  </tr>
                </thead>
                <tbody>
                  {draft.shocks.map((shock, i) => (
                    <ShockRow
                      key={i}
                      index={i}
                      shock={shock}
                      readOnly={draftBuiltIn}
                      isFirst={i === 0}
                      isLast={i === draft.shocks.length - 1}
                      hits={result ? Math.round(result.valueBefore ? (result.shockValue[i] / result.valueBefore) * 100 : 0) : 0}
                      onChange={(next) => s.editDraft((d) => ({ ...d, shocks: d.shocks.map((x, j) => (j === i ? next : x)) }))}
                      onMove={(direction) => s.editDraft((d) => ({ ...d, shocks: moveShock(d.shocks, i, direction) }))}
                      onDuplicate={() =>
                        s.editDraft((d) => ({ ...d, shocks: [...d.shocks.slice(0, i + 1), { ...shock }, ...d.shocks.slice(i + 1)] }))
                      }
                      onDelete={() => s.editDraft((d) => ({ ...d, shocks: d.shocks.filter((_, j) => j !== i) }))}
                    />
                  ))}
                </tbody>
              </table>
              {!draftBuiltIn && (
                <button type="button" className="link" onClick={() => s.editDraft((d) => ({ ...d, shocks: [...d.shocks, newShock()] }))}>
                  + Add shock
                </button>
              )}
              <p className="muted small">
                Reach is the share of the portfolio’s value each shock moves. The most specific shock wins: symbol, theme, industry, sector,
                country, asset class, then market; within one kind the shock listed first wins. Currency shocks move holdings in that
                currency on top.
              </p>
              {draft.event && (
                <div className="sources small">
                  <strong>
                    {draft.event.date ?? `${draft.event.window?.from} → ${draft.event.window?.to}`} · {draft.event.basis.timing},{' '}
                    {draft.event.basis.returns} returns
                  </strong>
                  <ul>
                    {draft.event.sources.map((src) => (
                      <li key={src.title}>
                        {src.title}
                        {src.url ? `, ${src.url}` : ''}
                        {src.note ? ` — ${src.note}` : ''}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
            {result ? (
              <WhatIfPreview result={result} scenario={draft} />
            ) : (
              <EmptyState
                title="No portfolio to preview"
                body="Import your holdings from a broker’s CSV export to see this scenario’s result on them, live."
                action={{ label: 'Import from your broker…', run: s.openImport }}
                more={[{ label: 'Go to portfolios', run: () => s.setView('portfolios') }]}
              />
            )}
          </div>
        )}
      </div>
      {isNewsOpen && <NewsDraftDialog vocabulary={master} onClose={() => setNewsOpen(false)} />}
      {confirmDelete && draft && (
        <ConfirmDialog
          title={`Delete “${draft.name}”?`}
          message="The scenario is removed from your library; you can undo right after."
          confirmLabel="Delete scenario"
          onConfirm={() => {
            setConfirmDelete(false);
            void s.deleteScenario(draft.id);
          }}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
    </section>
  );
}
