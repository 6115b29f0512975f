import type { ReactNode } from 'react';
import type { Client, PortfolioSummary } from '../../../shared/domain/types';
import { countOf, formatMoney } from '../../../shared/format';
import { InlineRename } from '../components/InlineRename';
import { ACTIONS, num, type Column } from '../components/TableHead';
import type { ClientGroup } from './portfolio-groups';

/** A deletion waiting for the user's confirmation. */
export type PendingDelete = { kind: 'portfolio' | 'client'; id: number; name: string; detail: string };

/** What the rows of the portfolio list can do, handed down by the view. */
export interface ListActions {
  /** `c<id>` or `p<id>` while that client or portfolio is being renamed. */
  renaming: string | null;
  setRenaming(key: string | null): void;
  open(portfolioId: number): void;
  askDelete(pending: PendingDelete): void;
  renameClient(id: number, name: string): Promise<boolean>;
  renamePortfolio(id: number, name: string): Promise<boolean>;
}

/** The key of a client or portfolio in `ListActions.renaming`. */
const renameKey = (kind: PendingDelete['kind'], id: number) => `${kind === 'client' ? 'c' : 'p'}${id}`;

/** A client's or portfolio's name as `shown`, or its rename field while it is being renamed. */
function Renamable(props: { kind: PendingDelete['kind']; id: number; name: string; actions: ListActions; shown: ReactNode }) {
  const { kind, id, actions } = props;
  if (actions.renaming !== renameKey(kind, id)) return <>{props.shown}</>;
  return (
    <InlineRename
      label={kind === 'client' ? 'Client name' : 'Portfolio name'}
      value={props.name}
      onSave={(name) => (kind === 'client' ? actions.renameClient(id, name) : actions.renamePortfolio(id, name))}
      onDone={() => actions.setRenaming(null)}
    />
  );
}

/** The client's name (or its rename field) and the Sample badge. */
export function ClientTitle({ client, actions }: { client: Client; actions: ListActions }) {
  return (
    <div className="client-title">
      <Renamable kind="client" id={client.id} name={client.name} actions={actions} shown={<h2>{client.name}</h2>} />
      {client.isSample && <span className="badge">Sample</span>}
    </div>
  );
}

/** The client's total, or that it has none. */
export function clientTotal({ client, portfolios, totalValue }: ClientGroup): string {
  return portfolios.length ? formatMoney(totalValue, client.baseCurrency, 0) : 'No portfolios';
}

/** Rename and Delete of a client or portfolio (Delete asks first, naming everything that goes with it). */
function RenameDelete({ pending, actions }: { pending: PendingDelete; actions: ListActions }) {
  return (
    <>
      <button type="button" className="link" onClick={() => actions.setRenaming(renameKey(pending.kind, pending.id))}>
        Rename
      </button>
      <button type="button" className="link danger" onClick={() => actions.askDelete(pending)}>
        Delete
      </button>
    </>
  );
}

/** Rename and Delete of a client. */
export function ClientActions({ group: { client, portfolios }, actions }: { group: ClientGroup; actions: ListActions }) {
  return (
    <RenameDelete
      pending={{
        kind: 'client',
        id: client.id,
        name: client.name,
        detail: `${countOf(portfolios.length, 'portfolio')} and all their holdings`,
      }}
      actions={actions}
    />
  );
}

/** The column headings over a client's portfolios. */
export const PORTFOLIO_COLUMNS: readonly Column[] = ['Portfolio', num('Accounts'), num('Positions'), num('Value'), ACTIONS];

/** The cells of one portfolio's row: name (opens its holdings), counts, value, Holdings, Rename and Delete. */
export function PortfolioCells({ portfolio: p, actions }: { portfolio: PortfolioSummary; actions: ListActions }) {
  return (
    <>
      <td>
        <Renamable
          kind="portfolio"
          id={p.id}
          name={p.name}
          actions={actions}
          shown={
            <button type="button" className="link strong" title={p.name} onClick={() => actions.open(p.id)}>
              {p.name}
            </button>
          }
        />
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
        <button type="button" className="link" onClick={() => actions.open(p.id)}>
          Holdings
        </button>
        <RenameDelete
          pending={{
            kind: 'portfolio',
            id: p.id,
            name: p.name,
            detail: `${countOf(p.accountCount, 'account')} and ${countOf(p.positionCount, 'position')}`,
          }}
          actions={actions}
        />
      </td>
    </>
  );
}
