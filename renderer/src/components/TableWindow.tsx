import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, type Key, type ReactNode, type RefObject } from 'react';

/** Up to this many rows a table renders in full (the usual portfolio or client list); above it only the visible window does. */
export const VIRTUAL_FROM = 300;

export interface TableWindow<T> {
  isVirtual: boolean;
  /** The rows to render, in order, with their index among all rows. */
  shown: { row: T; index: number }[];
  /** Heights of the spacer rows standing in for the rows above and below the window. */
  padTop: number;
  padBottom: number;
  /** Attributes of a rendered row: its place after the header row (aria-rowindex) and, when windowed, a ref that measures its height. */
  rowProps(index: number): { 'aria-rowindex': number; 'data-index': number; ref?: (row: HTMLTableRowElement | null) => void };
}

/**
 * The rows of a real <table> inside the `scroller` element: all of them up to VIRTUAL_FROM, else only those in view
 * (and a margin) between two spacer rows. `keyOf` must be stable (a module-level function): measured heights follow it.
 */
export function useTableWindow<T>(
  rows: readonly T[],
  options: { scroller: RefObject<HTMLElement | null>; rowHeight: number; keyOf: (row: T) => Key },
): TableWindow<T> {
  const { scroller, rowHeight, keyOf } = options;
  const isVirtual = rows.length > VIRTUAL_FROM;
  const getItemKey = useCallback((index: number) => keyOf(rows[index]), [rows, keyOf]);
  // eslint-disable-next-line react-hooks/incompatible-library -- read during render only, never memoised
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    getItemKey,
    overscan: 12,
    enabled: isVirtual,
  });
  const items = isVirtual ? virtual.getVirtualItems() : null;
  return {
    isVirtual,
    shown: items ? items.map((item) => ({ row: rows[item.index], index: item.index })) : rows.map((row, index) => ({ row, index })),
    padTop: items?.length ? items[0].start : 0,
    padBottom: items?.length ? virtual.getTotalSize() - items[items.length - 1].end : 0,
    rowProps: (index) => ({ 'aria-rowindex': index + 2, 'data-index': index, ref: isVirtual ? virtual.measureElement : undefined }),
  };
}

/** A table body showing the window's rows (`children`) between spacer rows that stand in for the rows not rendered. */
export function WindowBody({ table, children }: { table: Pick<TableWindow<unknown>, 'padTop' | 'padBottom'>; children: ReactNode }) {
  return (
    <tbody>
      {table.padTop > 0 && <tr aria-hidden="true" className="spacer" style={{ height: table.padTop }} />}
      {children}
      {table.padBottom > 0 && <tr aria-hidden="true" className="spacer" style={{ height: table.padBottom }} />}
    </tbody>
  );
}
