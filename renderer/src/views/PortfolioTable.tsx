import { useMemo, useRef, type ReactNode } from 'react';
import { useTableWindow, WindowBody } from '../components/TableWindow';
import { portfolioLineKey, portfolioLines, type ShownGroup } from './portfolio-groups';
import { ClientActions, ClientTitle, clientTotal, PortfolioCells, PORTFOLIO_COLUMNS, type ListActions } from './PortfolioRows';
import { TableHead } from '../components/TableHead';

// A portfolio line is 37 px, a client line a little taller; rendered rows are measured.
const ROW_HEIGHT = 40;

/** A long book's portfolios as one table of client lines and portfolio lines under them; past a few hundred lines only those in view are rendered. */
export function PortfolioTable({ groups, actions, toolbar }: { groups: readonly ShownGroup[]; actions: ListActions; toolbar: ReactNode }) {
  const lines = useMemo(() => portfolioLines(groups), [groups]);
  const scroller = useRef<HTMLDivElement>(null);
  const table = useTableWindow(lines, { scroller, rowHeight: ROW_HEIGHT, keyOf: portfolioLineKey });
  return (
    <article className="card">
      {toolbar}
      <div ref={scroller} className={table.isVirtual ? 'table-scroll' : undefined} data-testid="portfolios-scroll">
        <table className="table portfolios" aria-label="Portfolios" aria-rowcount={lines.length + 1}>
          <TableHead rowIndex={1} columns={PORTFOLIO_COLUMNS} />
          <WindowBody table={table}>
            {table.shown.map(({ row: line, index }) =>
              line.kind === 'client' ? (
                <tr key={portfolioLineKey(line)} {...table.rowProps(index)} className="client-line" data-testid="client-line">
                  <td colSpan={3}>
                    <ClientTitle client={line.group.client} actions={actions} />
                  </td>
                  <td className="num muted">{clientTotal(line.group)}</td>
                  <td className="row-actions">
                    <ClientActions group={line.group} actions={actions} />
                  </td>
                </tr>
              ) : line.kind === 'empty' ? (
                <tr key={portfolioLineKey(line)} {...table.rowProps(index)}>
                  <td colSpan={5} className="muted">
                    This client has no portfolios yet.
                  </td>
                </tr>
              ) : (
                <tr key={portfolioLineKey(line)} {...table.rowProps(index)} data-testid="portfolio-line">
                  <PortfolioCells portfolio={line.portfolio} actions={actions} />
                </tr>
              ),
            )}
          </WindowBody>
        </table>
      </div>
    </article>
  );
}
