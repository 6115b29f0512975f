import { ariaSort, SortButton } from '../../components/SortButton';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { StressResult } from '../../../../shared/engine';
import { signedPercent } from '../../../../shared/format';
import { countOf, formatCount, formatMoney, formatPercent } from '../../../../shared/format';
import { arrangeResults, shareOfLoss, type PositionSortKey } from './results-model';
import { SearchField } from '../../components/SearchField';

const COLUMNS: { key: PositionSortKey | null; label: string; numeric?: boolean }[] = [
  { key: 'symbol', label: 'Symbol' },
  { key: 'name', label: 'Name' },
  { key: 'account', label: 'Account' },
  { key: 'value', label: 'Value', numeric: true },
  { key: 'return', label: 'Shock', numeric: true },
  { key: 'pnl', label: 'P&L', numeric: true },
  { key: 'share', label: '% of loss', numeric: true },
  { key: null, label: 'Moved by' },
];
const ROW_HEIGHT = 34;

/** Every position's result, virtualised so 10,000 rows scroll smoothly; sort, filter, select with the keyboard. */
export function PositionsTable(props: {
  result: StressResult;
  only: ReadonlySet<number> | null;
  selectedId: number | null;
  onSelect: (id: number) => void;
}) {
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ key: PositionSortKey; descending: boolean }>({ key: 'pnl', descending: false });
  const rows = useMemo(
    () => arrangeResults(props.result, search, sort.key, sort.descending, props.only ?? undefined),
    [props.result, search, sort, props.only],
  );
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- read during render only, never memoised
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const money = (x: number) => formatMoney(x, props.result.baseCurrency);
  const selectedIndex = rows.findIndex((r) => r.id === props.selectedId);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const next = Math.max(0, Math.min(rows.length - 1, selectedIndex + (event.key === 'ArrowDown' ? 1 : -1)));
    if (rows[next]) {
      props.onSelect(rows[next].id);
      virtual.scrollToIndex(next);
    }
  };

  return (
    <div className="card results-table">
      <div className="card-toolbar">
        <SearchField label="Filter results" placeholder="Filter by symbol, name, account or shock" value={search} onChange={setSearch} />
        <span className="muted small">
          {rows.length === props.result.positions.length
            ? countOf(rows.length, 'position')
            : `${formatCount(rows.length)} of ${countOf(props.result.positions.length, 'position')}`}
          {props.only ? ' hit by the selected shock' : ''}
        </span>
      </div>
      <div role="grid" aria-label="Position results" aria-rowcount={rows.length + 1}>
        <div className="vt-head" role="row" aria-rowindex={1}>
          {COLUMNS.map(({ key, label, numeric }) => (
            <div
              key={label}
              className={numeric ? 'vt-cell num' : 'vt-cell'}
              role="columnheader"
              aria-sort={key ? ariaSort(sort.key === key, sort.descending) : undefined}
            >
              {key ? (
                <SortButton
                  label={label}
                  active={sort.key === key}
                  descending={sort.descending}
                  onSort={() =>
                    setSort(
                      sort.key === key ? { key, descending: !sort.descending } : { key, descending: numeric === true && key !== 'pnl' },
                    )
                  }
                />
              ) : (
                label
              )}
            </div>
          ))}
        </div>
        <div ref={scroller} className="vt-body" tabIndex={0} role="rowgroup" aria-label="Position rows" onKeyDown={onKeyDown}>
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const p = rows[item.index];
              const share = shareOfLoss(p, props.result);
              return (
                <div
                  key={p.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={p.id === props.selectedId}
                  className={p.id === props.selectedId ? 'vt-row selected' : 'vt-row'}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => props.onSelect(p.id)}
                >
                  <div role="gridcell" className="vt-cell symbol">
                    {p.symbol}
                  </div>
                  <div role="gridcell" className="vt-cell name" title={p.name}>
                    {p.name}
                  </div>
                  <div role="gridcell" className="vt-cell">
                    {p.accountName}
                  </div>
                  <div role="gridcell" className="vt-cell num">
                    {money(p.value)}
                  </div>
                  <div role="gridcell" className="vt-cell num">
                    {p.throughFund && p.source === 'mixed' ? `${signedPercent(p.return)}*` : signedPercent(p.return)}
                  </div>
                  <div role="gridcell" className={p.pnl < 0 ? 'vt-cell num loss' : p.pnl > 0 ? 'vt-cell num gain' : 'vt-cell num'}>
                    {money(p.pnl)}
                  </div>
                  <div role="gridcell" className="vt-cell num muted">
                    {share === null ? '—' : formatPercent(share, 1)}
                  </div>
                  <div role="gridcell" className="vt-cell applied" title={p.applied}>
                    <span className={`source source-${p.source}`}>
                      {p.source === 'none' ? 'not shocked' : p.source === 'mixed' ? 'through fund' : p.source}
                    </span>{' '}
                    {p.applied}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
