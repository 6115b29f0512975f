import { useMemo, useState } from 'react';
import { countOf } from '../../../shared/format';
import { VIRTUAL_FROM } from '../components/TableWindow';
import { ConfirmDialog } from '../components/Dialog';
import { TableHead } from '../components/TableHead';
import { ownPortfolios } from '../store/import-target';
import { GetStarted } from './GetStarted';
import { usePick } from '../store/store';
import { NewPortfolioDialog } from './NewPortfolioDialog';
import { FILTER_FROM_CLIENTS, filterGroups, filterNote, groupByClient, lineCount, type ShownGroup } from './portfolio-groups';
import {
  ClientActions,
  ClientTitle,
  clientTotal,
  PortfolioCells,
  PORTFOLIO_COLUMNS,
  type ListActions,
  type PendingDelete,
} from './PortfolioRows';
import { PortfolioTable } from './PortfolioTable';
import { ViewHeader } from '../components/ViewHeader';
import { SearchField } from '../components/SearchField';

/** Clients and their portfolios: create, open, rename, delete. A few clients show as cards; a long book as one windowed table with a search. */
export function PortfoliosView() {
  const { clients, portfolios, portfoliosLoaded } = usePick('clients', 'portfolios', 'portfoliosLoaded');
  const { selectPortfolio, setView, renamePortfolio, deletePortfolio, renameClient, deleteClient, openImport } = usePick(
    'openImport',
    'selectPortfolio',
    'setView',
    'renamePortfolio',
    'deletePortfolio',
    'renameClient',
    'deleteClient',
  );
  const [creating, setCreating] = useState<false | 'list' | 'typed'>(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingDelete | null>(null);
  const [query, setQuery] = useState('');
  // Scrolling a long book re-renders the view: group and filter once per change of the data or the search, not per frame.
  const groups = useMemo(() => groupByClient(clients, portfolios), [clients, portfolios]);
  const shown = useMemo(() => filterGroups(groups, query), [groups, query]);
  // Decided on the whole book, so the layout does not switch while typing a search.
  const isLong = lineCount(groups) > VIRTUAL_FROM;
  // Until the user has a portfolio of their own, the first screen leads with import; the sample stays apart.
  const isFirstRun = portfoliosLoaded && ownPortfolios(clients, portfolios).length === 0;
  const sampleIds = new Set(clients.filter((c) => c.isSample).map((c) => c.id));
  const samplePortfolio = portfolios.find((p) => sampleIds.has(p.clientId)) ?? null;

  const actions: ListActions = {
    renaming,
    setRenaming,
    open: (id) => {
      selectPortfolio(id);
      setView('holdings');
    },
    askDelete: setPending,
    renameClient,
    renamePortfolio,
  };
  const confirmDelete = async () => {
    if (!pending) return;
    if (pending.kind === 'portfolio') await deletePortfolio(pending.id);
    else await deleteClient(pending.id);
    setPending(null);
  };

  const toolbar = clients.length > FILTER_FROM_CLIENTS && (
    <div className="card-toolbar">
      <SearchField label="Filter portfolios" placeholder="Filter by client or portfolio" value={query} onChange={setQuery} />
      <span className="muted" data-testid="portfolio-matches">
        {filterNote(shown.length, groups.length, query)}
      </span>
    </div>
  );

  return (
    <section className="view">
      <ViewHeader
        title="Portfolios"
        lead={
          <>
            {countOf(portfolios.length, 'portfolio')} · {countOf(clients.length, 'client')}
          </>
        }
      >
        <button type="button" onClick={openImport}>
          Import…
        </button>
        <button type="button" className={isFirstRun ? undefined : 'primary'} onClick={() => setCreating('list')}>
          New portfolio
        </button>
      </ViewHeader>

      {isFirstRun && <GetStarted sample={samplePortfolio} onTypeIn={() => setCreating('typed')} />}

      {isLong ? (
        <PortfolioTable groups={shown} actions={actions} toolbar={toolbar} />
      ) : (
        <>
          {toolbar && <div className="card">{toolbar}</div>}
          {shown.map((group) => (
            <ClientCard key={group.client.id} group={group} actions={actions} />
          ))}
        </>
      )}

      {creating && (
        <NewPortfolioDialog onClose={() => setCreating(false)} onCreated={creating === 'typed' ? () => setView('holdings') : undefined} />
      )}
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

/** One client as a card: its name, total and actions, and a table of its (matching) portfolios. */
function ClientCard({ group, actions }: { group: ShownGroup; actions: ListActions }) {
  return (
    <article className="card client-card" aria-label={`Client ${group.client.name}`}>
      <header className="card-header">
        <ClientTitle client={group.client} actions={actions} />
        <div className="row-actions">
          <span className="muted">{clientTotal(group)}</span>
          <ClientActions group={group} actions={actions} />
        </div>
      </header>
      {group.portfolios.length === 0 ? (
        <p className="muted card-body">This client has no portfolios yet.</p>
      ) : (
        <table className="table">
          <TableHead columns={PORTFOLIO_COLUMNS} />
          <tbody>
            {group.shown.map((p) => (
              <tr key={p.id}>
                <PortfolioCells portfolio={p} actions={actions} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
