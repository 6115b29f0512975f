import { useState } from 'react';
import { countOf, formatMoney } from '../../../shared/format';
import { ConfirmDialog } from '../components/Dialog';
import { EmptyState } from '../components/EmptyState';
import { InlineRename } from '../components/InlineRename';
import { useStore } from '../store/store';
import { NewPortfolioDialog } from './NewPortfolioDialog';
import { groupByClient } from './portfolio-groups';

type Pending = { kind: 'portfolio' | 'client'; id: number; name: string; detail: string } | null;

/** Clients and their portfolios: create, open, rename, delete. */
export function PortfoliosView() {
  const { clients, portfolios, portfoliosLoaded } = useStore();
  const { selectPortfolio, setView, renamePortfolio, deletePortfolio, renameClient, deleteClient } = useStore();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const groups = groupByClient(clients, portfolios);

  const open = (id: number) => {
    selectPortfolio(id);
    setView('holdings');
  };
  const confirmDelete = async () => {
    if (!pending) return;
    if (pending.kind === 'portfolio') await deletePortfolio(pending.id);
    else await deleteClient(pending.id);
    setPending(null);
  };

  return (
    <section className="view">
      <header className="view-header">
        <div>
          <h1>Portfolios</h1>
          <p className="lead">
            {countOf(portfolios.length, 'portfolio')} · {countOf(clients.length, 'client')}
          </p>
        </div>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New portfolio
        </button>
      </header>

      {portfoliosLoaded && clients.length === 0 && (
        <EmptyState
          title="No portfolios yet"
          body="Create a portfolio, then add its holdings by hand. Everything stays in a file on this computer."
          action={{ label: 'Create a portfolio', run: () => setCreating(true) }}
        />
      )}

      {groups.map(({ client, portfolios: own, totalValue }) => (
        <article key={client.id} className="card client-card" aria-label={`Client ${client.name}`}>
          <header className="card-header">
            <div className="client-title">
              {renaming === `c${client.id}` ? (
                <InlineRename
                  label="Client name"
                  value={client.name}
                  onSave={(name) => renameClient(client.id, name)}
                  onDone={() => setRenaming(null)}
                />
              ) : (
                <h2>{client.name}</h2>
              )}
              {client.isSample && <span className="badge">Sample</span>}
            </div>
            <div className="row-actions">
              <span className="muted">{own.length ? formatMoney(totalValue, client.baseCurrency, 0) : 'No portfolios'}</span>
              <button type="button" className="link" onClick={() => setRenaming(`c${client.id}`)}>
                Rename
              </button>
              <button
                type="button"
                className="link danger"
                onClick={() =>
                  setPending({
                    kind: 'client',
                    id: client.id,
                    name: client.name,
                    detail: `${countOf(own.length, 'portfolio')} and all their holdings`,
                  })
                }
              >
                Delete
              </button>
            </div>
          </header>
          {own.length === 0 ? (
            <p className="muted card-body">This client has no portfolios yet.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>Portfolio</th>
                  <th className="num">Accounts</th>
                  <th className="num">Positions</th>
                  <th className="num">Value</th>
                  <th aria-label="Actions" />
                </tr>
              </thead>
              <tbody>
                {own.map((p) => (
                  <tr key={p.id}>
                    <td>
                      {renaming === `p${p.id}` ? (
                        <InlineRename
                          label="Portfolio name"
                          value={p.name}
                          onSave={(name) => renamePortfolio(p.id, name)}
                          onDone={() => setRenaming(null)}
                        />
                      ) : (
                        <button type="button" className="link strong" onClick={() => open(p.id)}>
                          {p.name}
                        </button>
                      )}
                    </td>
                    <td className="num">{p.accountCount}</td>
                    <td className="num">{p.positionCount}</td>
                    <td className="num">
                      {formatMoney(p.totalValue, p.baseCurrency)}
                      {p.missingFx.length > 0 && (
                        <span className="warn" title={`No exchange rate for ${p.missingFx.join(', ')}`}>
                          {' '}
                          (excl. {p.missingFx.join(', ')})
                        </span>
                      )}
                    </td>
                    <td className="row-actions">
                      <button type="button" className="link" onClick={() => open(p.id)}>
                        Holdings
                      </button>
                      <button type="button" className="link" onClick={() => setRenaming(`p${p.id}`)}>
                        Rename
                      </button>
                      <button
                        type="button"
                        className="link danger"
                        onClick={() =>
                          setPending({
                            kind: 'portfolio',
                            id: p.id,
                            name: p.name,
                            detail: `${countOf(p.accountCount, 'account')} and ${countOf(p.positionCount, 'position')}`,
                          })
                        }
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </article>
      ))}

      {creating && <NewPortfolioDialog onClose={() => setCreating(false)} />}
      {pending && (
        <ConfirmDialog
          title={`Delete ${pending.kind} “${pending.name}”?`}
          message={`This removes ${pending.detail} from this computer. You can undo it from the notice that follows.`}
          confirmLabel={`Delete ${pending.kind}`}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setPending(null)}
        />
      )}
    </section>
  );
}
