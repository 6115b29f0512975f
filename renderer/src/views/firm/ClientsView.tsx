import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClientSummary, PortfolioSummary } from '../../../../shared/domain/types';
import { countOf, formatMoney } from '../../../../shared/format';
import { EmptyState } from '../../components/EmptyState';
import { useTableWindow, WindowBody } from '../../components/TableWindow';
import { usePick } from '../../store/store';
import { ClientDialog } from './ClientDialog';
import { allTags, clientLineKey, clientLines, filterClients } from './firm-table';
import { ProposalPanel } from './ProposalPanel';
import { ACTIONS, num, TableHead } from '../../components/TableHead';
import { ViewHeader } from '../../components/ViewHeader';
import { SearchField } from '../../components/SearchField';

// Between a client on one line (36 px) and one with people under its name (48 px); rendered rows are measured.
const ROW_HEIGHT = 44;

/** The advisor's client list: search, tags, totals; each client's portfolios with results and proposals. Thousands of clients render only the rows in view. */
export function ClientsView() {
  const { clientOverview, portfolios, proposal, loadClientOverview, setView } = usePick(
    'clientOverview',
    'portfolios',
    'proposal',
    'loadClientOverview',
    'setView',
  );
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [editing, setEditing] = useState<ClientSummary | 'new' | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  useEffect(() => void loadClientOverview(), [loadClientOverview]);

  // Scrolling re-renders the view: filter, total and group once per change of the data or the search, not per frame.
  const { shown, totals } = useMemo(() => filterClients(clientOverview, query, tag), [clientOverview, query, tag]);
  const tags = useMemo(() => allTags(clientOverview), [clientOverview]);
  const lines = useMemo(() => clientLines(shown, openId), [shown, openId]);
  const portfoliosOf = useMemo(() => {
    const byClient = new Map<number, PortfolioSummary[]>();
    for (const p of portfolios) byClient.set(p.clientId, [...(byClient.get(p.clientId) ?? []), p]);
    return byClient;
  }, [portfolios]);
  const scroller = useRef<HTMLDivElement>(null);
  const table = useTableWindow(lines, { scroller, rowHeight: ROW_HEIGHT, keyOf: clientLineKey });

  if (proposal) return <ProposalPanel />;

  return (
    <section className="view">
      <ViewHeader
        title="Clients"
        lead={
          countOf(shown.length, 'client') +
          totals.map((t) => ` · ${formatMoney(t.value, t.currency, 0)}${totals.length > 1 ? ` in ${t.currency}` : ''}`).join('')
        }
        leadTestId="client-totals"
      >
        <button type="button" onClick={() => setView('firm')}>
          Stress all clients…
        </button>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          New client
        </button>
      </ViewHeader>

      {clientOverview.length === 0 ? (
        <EmptyState
          title="No clients yet"
          body="Add a client (a household), then give it portfolios and holdings."
          action={{ label: 'Add a client', run: () => setEditing('new') }}
        />
      ) : (
        <article className="card">
          <div className="card-toolbar">
            <SearchField label="Search clients" placeholder="Search by name, person, note or tag" value={query} onChange={setQuery} />
            {tags.length > 0 && (
              <div className="chip-list" role="group" aria-label="Filter by tag">
                {['', ...tags].map((t) => (
                  <button
                    key={t || 'all'}
                    type="button"
                    className={tag === t ? 'chip active' : 'chip'}
                    aria-pressed={tag === t}
                    onClick={() => setTag(t)}
                  >
                    {t || 'All'}
                  </button>
                ))}
              </div>
            )}
          </div>
          <div ref={scroller} className={table.isVirtual ? 'table-scroll' : undefined} data-testid="clients-scroll">
            <table className="table clients" aria-label="Clients" aria-rowcount={Math.max(lines.length, 1) + 1}>
              <TableHead rowIndex={1} columns={['Client', 'Tags', num('Portfolios'), num('Positions'), num('Value'), ACTIONS]} />
              <WindowBody table={table}>
                {shown.length === 0 && (
                  <tr aria-rowindex={2}>
                    <td colSpan={6} className="muted">
                      No client matches “{query}”{tag ? ` with the tag ${tag}` : ''}.
                    </td>
                  </tr>
                )}
                {table.shown.map(({ row: line, index }) => {
                  const c = line.client;
                  return line.kind === 'client' ? (
                    <tr key={clientLineKey(line)} {...table.rowProps(index)} data-testid="client-row">
                      <td>
                        <button
                          type="button"
                          className="link strong"
                          aria-expanded={openId === c.id}
                          onClick={() => setOpenId(openId === c.id ? null : c.id)}
                        >
                          {c.name}
                        </button>
                        {c.people.length > 0 && <div className="muted small">{c.people.join(', ')}</div>}
                      </td>
                      <td>
                        {c.tags.map((t) => (
                          <span key={t} className="badge tag">
                            {t}
                          </span>
                        ))}
                      </td>
                      <td className="num">{c.portfolioCount}</td>
                      <td className="num">{c.positionCount}</td>
                      <td className="num">
                        {formatMoney(c.totalValue, c.baseCurrency, 0)}
                        {c.missingFx.length > 0 && <span className="warn"> (excl. {c.missingFx.join(', ')})</span>}
                      </td>
                      <td className="row-actions">
                        <button type="button" className="link" onClick={() => setEditing(c)}>
                          Edit
                        </button>
                      </td>
                    </tr>
                  ) : (
                    <tr key={clientLineKey(line)} {...table.rowProps(index)} className="sub-row">
                      <td colSpan={6}>
                        <ClientPortfolios client={c} portfolios={portfoliosOf.get(c.id) ?? []} />
                      </td>
                    </tr>
                  );
                })}
              </WindowBody>
            </table>
          </div>
        </article>
      )}
      {editing && <ClientDialog client={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

/** The opened client's notes and portfolios, each with Results and Propose changes. */
function ClientPortfolios({ client, portfolios }: { client: ClientSummary; portfolios: readonly PortfolioSummary[] }) {
  const { openClientResults, startProposal } = usePick('openClientResults', 'startProposal');
  return (
    <>
      {client.notes && <p className="muted small">{client.notes}</p>}
      {portfolios.length === 0 && <span className="muted">No portfolios yet.</span>}
      {portfolios.map((p) => (
        <div key={p.id} className="sub-item">
          <span className="strong">{p.name}</span>
          <span className="muted">{formatMoney(p.totalValue, p.baseCurrency, 0)}</span>
          <button type="button" className="link" onClick={() => void openClientResults(p.id, null)}>
            Results
          </button>
          <button type="button" className="link" onClick={() => void startProposal(p.id)}>
            Propose changes
          </button>
        </div>
      ))}
    </>
  );
}
