import { useEffect, useMemo, useRef, useState } from 'react';
import type { Position, ValuedPosition } from '../../../shared/domain/types';
import { countOf, formatCount, formatMoney, formatPercent, formatQuantity } from '../../../shared/format';
import { Dialog } from '../components/Dialog';
import { EmptyState } from '../components/EmptyState';
import { useTableWindow, WindowBody } from '../components/TableWindow';
import { usePick, useStore } from '../store/store';
import { SortableHeaders } from '../components/SortButton';
import { arrangePositions, barShare, nextSort, optionOf, positionLabel, type Sort, type SortKey } from './holdings-table';
import { PositionDialog } from './PositionDialog';
import { ClassificationCell } from './ClassificationCell';
import { ClassifyDialog } from './ClassifyDialog';
import { ExposurePanel } from './ExposurePanel';
import { MarketRefresh } from './MarketRefresh';
import { HealthBadge } from './HealthPanel';
import { StressItCard } from './StressItCard';
import { PortfolioPicker } from '../components/PortfolioPicker';

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'symbol', label: 'Symbol' },
  { key: 'name', label: 'Name' },
  { key: 'account', label: 'Account' },
  { key: 'quantity', label: 'Quantity', numeric: true },
  { key: 'price', label: 'Price', numeric: true },
  { key: 'value', label: 'Value', numeric: true },
  { key: 'weight', label: 'Weight', numeric: true },
];

const ROW_HEIGHT = 41;
const positionKey = (p: ValuedPosition) => p.id;

/** The selected portfolio's positions with value and weight; add, edit and delete them. */
export function HoldingsView() {
  const { portfolios, selectedPortfolioId, selectPortfolio, holdings, holdingsLoading, portfoliosLoaded } = usePick(
    'portfolios',
    'selectedPortfolioId',
    'selectPortfolio',
    'holdings',
    'holdingsLoading',
    'portfoliosLoaded',
  );
  const { loadHoldings, deletePosition, addAccount, setView, openImport } = usePick(
    'loadHoldings',
    'deletePosition',
    'addAccount',
    'setView',
    'openImport',
  );
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'value', descending: true });
  const [editing, setEditing] = useState<Position | 'new' | null>(null);
  const [newAccount, setNewAccount] = useState<string | null>(null);
  const [classifying, setClassifying] = useState<string | null>(null);
  const { reference, loadReference, lastImport } = usePick('reference', 'loadReference', 'lastImport');
  const health = useStore((state) => state.health);

  useEffect(() => {
    void loadHoldings();
  }, [selectedPortfolioId, loadHoldings]);
  useEffect(() => {
    void loadReference();
  }, [holdings, loadReference]);

  const maxWeight = useMemo(() => Math.max(0, ...(holdings?.positions ?? []).map((p) => Math.abs(p.weight ?? 0))), [holdings]);
  const rows = useMemo(() => (holdings ? arrangePositions(holdings.positions, search, sort) : []), [holdings, search, sort]);
  // Large portfolios (10,000 positions) render only the rows in view, between two spacer rows, as the results table does.
  const scroller = useRef<HTMLDivElement>(null);
  const tableWindow = useTableWindow(rows, { scroller, rowHeight: ROW_HEIGHT, keyOf: positionKey });

  if (portfoliosLoaded && portfolios.length === 0) {
    return (
      <section className="view">
        <header className="view-header">
          <h1>Holdings</h1>
        </header>
        <EmptyState
          title="No portfolio to show"
          body="Import a CSV export from your broker, or create a portfolio and type its holdings in."
          action={{ label: 'Import from your broker…', run: openImport }}
          more={[{ label: 'Go to portfolios', run: () => setView('portfolios') }]}
        />
      </section>
    );
  }

  const base = holdings?.portfolio.baseCurrency ?? 'USD';
  const accounts = holdings?.accounts ?? [];

  return (
    <section className="view">
      <header className="view-header">
        <div>
          <label className="portfolio-picker">
            <PortfolioPicker portfolios={portfolios} value={selectedPortfolioId} onChange={selectPortfolio} />
          </label>
          {holdings && (
            <p className="lead">
              <strong className="headline-value" data-testid="total-value">
                {formatMoney(holdings.totalBaseValue, base)}
              </strong>{' '}
              · {countOf(holdings.positions.length, 'position')} in {countOf(accounts.length, 'account')}
            </p>
          )}
          {holdings && health && holdings.positions.length > 0 && <HealthBadge key={holdings.portfolio.id} health={health} />}
        </div>
        <div className="toolbar">
          <button type="button" onClick={openImport} title="Import a broker CSV export (File › Import holdings… in the desktop app)">
            Import…
          </button>
          <MarketRefresh />
          <button type="button" onClick={() => setNewAccount('')}>
            Add account
          </button>
          <button type="button" className="primary" disabled={accounts.length === 0} onClick={() => setEditing('new')}>
            Add position
          </button>
        </div>
      </header>

      {lastImport && holdings && lastImport.portfolioId === holdings.portfolio.id && holdings.positions.length > 0 && (
        <StressItCard portfolioId={lastImport.portfolioId} fileName={lastImport.fileName} />
      )}

      {holdings && holdings.missingFx.length > 0 && (
        <p className="banner warn" role="status">
          No exchange rate to {base} for {holdings.missingFx.join(', ')}: those positions are shown in their own currency and left out of
          the total and weights.
        </p>
      )}

      {holdings && accounts.length === 0 && (
        <EmptyState
          title="This portfolio has no accounts yet"
          body="Import a CSV export from your broker (its accounts come with it), or add an account (a brokerage account, an IRA…) and type the positions in."
          action={{ label: 'Import from your broker…', run: openImport }}
          more={[{ label: 'Add account', run: () => setNewAccount('') }]}
        />
      )}

      {holdings && accounts.length > 0 && holdings.positions.length === 0 && (
        <EmptyState
          title="No positions yet"
          body="Import a CSV export from your broker, or add the holdings of this portfolio by hand."
          action={{ label: 'Import from your broker…', run: openImport }}
          more={[{ label: 'Add position', run: () => setEditing('new') }]}
        />
      )}

      {holdings && holdings.positions.length > 0 && (
        <div className="card">
          <div className="card-toolbar">
            <input
              type="search"
              className="search"
              placeholder="Filter by symbol, name or account"
              aria-label="Filter positions"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <span className="muted">
              {rows.length === holdings.positions.length
                ? countOf(rows.length, 'position')
                : `${formatCount(rows.length)} of ${formatCount(holdings.positions.length)}`}
            </span>
          </div>
          <div
            ref={scroller}
            className={tableWindow.isVirtual ? 'holdings-wrap table-scroll' : 'holdings-wrap'}
            data-testid="holdings-scroll"
          >
            <table className="table holdings" aria-busy={holdingsLoading} aria-rowcount={rows.length + 1}>
              <thead>
                <tr aria-rowindex={1}>
                  <SortableHeaders columns={COLUMNS} sort={sort} onSort={(key) => setSort(nextSort(sort, key))} />
                  <th>Classification</th>
                  <th aria-label="Actions" />
                </tr>
              </thead>
              <WindowBody table={tableWindow}>
                {tableWindow.shown.map(({ row: p, index }) => (
                  <tr
                    key={p.id}
                    {...tableWindow.rowProps(index)}
                    tabIndex={0}
                    aria-label={`${positionLabel(p)} in ${p.accountName}: Enter to edit, Delete to remove`}
                    onKeyDown={(e) => {
                      // Keyboard editing: Enter or F2 edits the focused row, Delete removes it (with Undo).
                      if (e.target !== e.currentTarget) return;
                      if (e.key === 'Enter' || e.key === 'F2') {
                        e.preventDefault();
                        setEditing(p);
                      } else if (e.key === 'Delete') {
                        e.preventDefault();
                        const next = (e.currentTarget.nextElementSibling ?? e.currentTarget.previousElementSibling) as HTMLElement | null;
                        void deletePosition(p.id).then(() => next?.focus());
                      }
                    }}
                  >
                    {optionOf(p) ? (
                      <td className="symbol option" title={`${p.symbol} (option; quantity in contracts, price per contract)`}>
                        ↳ {positionLabel(p)}
                      </td>
                    ) : (
                      <td className="symbol">{p.symbol}</td>
                    )}
                    <td className="name" title={p.name}>
                      {p.name}
                    </td>
                    <td className="account" title={p.accountName}>
                      {p.accountName}
                    </td>
                    <td className="num">{formatQuantity(p.quantity)}</td>
                    <td className="num">{p.price === null ? '—' : formatMoney(p.price, p.currency)}</td>
                    <td className="num">
                      {p.baseValue === null ? (
                        <span className="warn">{formatMoney(p.localValue, p.currency)}</span>
                      ) : (
                        formatMoney(p.baseValue, base)
                      )}
                    </td>
                    <td className="num weight">
                      <span className="weight-track" aria-hidden="true">
                        <span className="weight-fill" style={{ width: `${barShare(p.weight, maxWeight) * 100}%` }} />
                      </span>
                      {p.weight === null ? '—' : formatPercent(p.weight)}
                    </td>
                    <td className="classification-cell">
                      <ClassificationCell
                        symbol={p.symbol}
                        classification={reference?.securities[p.symbol]}
                        onEdit={() => setClassifying(p.symbol)}
                      />
                    </td>
                    <td className="row-actions">
                      <button type="button" className="link" onClick={() => setEditing(p)} aria-label={`Edit ${p.symbol}`}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className="link danger"
                        onClick={() => void deletePosition(p.id)}
                        aria-label={`Delete ${p.symbol}`}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </WindowBody>
            </table>
          </div>
        </div>
      )}

      {holdings && holdings.positions.length > 0 && <ExposurePanel />}
      {classifying && <ClassifyDialog symbol={classifying} onClose={() => setClassifying(null)} />}

      {editing && (
        <PositionDialog
          accounts={accounts}
          baseCurrency={base}
          position={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {newAccount !== null && (
        <Dialog title="Add account" onClose={() => setNewAccount(null)}>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              if (newAccount.trim()) void addAccount(newAccount.trim()).then((ok) => ok && setNewAccount(null));
            }}
          >
            <label>
              Account name
              <input
                value={newAccount}
                onChange={(e) => setNewAccount(e.target.value)}
                autoFocus
                maxLength={200}
                placeholder="e.g. Roth IRA"
              />
            </label>
            <div className="dialog-actions">
              <button type="button" onClick={() => setNewAccount(null)}>
                Cancel
              </button>
              <button type="submit" className="primary" disabled={!newAccount.trim()}>
                Add account
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </section>
  );
}
