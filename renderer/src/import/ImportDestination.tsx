import { importTargetName } from '../store/import-slice';
import { usePick, useStore } from '../store/store';
import { ownPortfolios } from '../store/import-target';

const NEW_CLIENT = 'new';

/**
 * Where the file goes: a new portfolio (named from the file, under a client the user owns) or one of the user's own
 * portfolios. The sample is not offered: imports never mix with it.
 */
export function ImportDestination({ busy }: { busy: boolean }) {
  const {
    importTarget: target,
    setImportTarget,
    clients,
    portfolios,
  } = usePick('importTarget', 'setImportTarget', 'clients', 'portfolios');
  const suggested = useStore(importTargetName);
  if (!target) return null;
  const own = ownPortfolios(clients, portfolios);
  const ownClients = clients.filter((c) => !c.isSample);
  const isNew = target.kind === 'new';
  const asNew = () => void setImportTarget({ kind: 'new', name: null, clientId: ownClients[0]?.id ?? null, clientName: null });
  const clientValue = isNew ? (target.clientName !== null ? NEW_CLIENT : String(target.clientId ?? '')) : '';

  return (
    <fieldset className="import-destination" disabled={busy}>
      <legend>Import into</legend>
      <label className="choice">
        <input type="radio" name="import-target" checked={isNew} onChange={asNew} /> A new portfolio
      </label>
      {isNew && (
        <div className="form grid-3 indent">
          <label>
            Portfolio name
            <input
              value={target.name ?? suggested ?? ''}
              maxLength={200}
              onChange={(e) => void setImportTarget({ ...target, name: e.target.value })}
            />
          </label>
          {ownClients.length > 0 ? (
            <label>
              Client
              <select
                value={clientValue}
                onChange={(e) =>
                  void setImportTarget(
                    e.target.value === NEW_CLIENT
                      ? { ...target, clientId: null, clientName: '' }
                      : { ...target, clientId: Number(e.target.value), clientName: null },
                  )
                }
              >
                {ownClients.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
                <option value={NEW_CLIENT}>New client…</option>
              </select>
            </label>
          ) : (
            <p className="muted">It is kept under “My portfolios”, apart from the sample.</p>
          )}
          {target.clientName !== null && (
            <label>
              New client’s name
              <input
                value={target.clientName}
                maxLength={200}
                placeholder="e.g. The Lee household"
                onChange={(e) => void setImportTarget({ ...target, clientName: e.target.value })}
              />
            </label>
          )}
        </div>
      )}
      {own.length > 0 && (
        <>
          <label className="choice">
            <input
              type="radio"
              name="import-target"
              checked={!isNew}
              onChange={() => void setImportTarget({ kind: 'existing', portfolioId: own[0].id })}
            />{' '}
            A portfolio you have
          </label>
          {!isNew && (
            <div className="form grid-3 indent">
              <label>
                Portfolio
                <select
                  aria-label="Portfolio to import into"
                  value={target.portfolioId}
                  onChange={(e) => void setImportTarget({ kind: 'existing', portfolioId: Number(e.target.value) })}
                >
                  {own.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({p.clientName})
                    </option>
                  ))}
                </select>
              </label>
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
