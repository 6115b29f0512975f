/** A header column: a plain label, `num('Value')` for a right-aligned figure, or ACTIONS for the row-actions column. */
export type Column = string | { label: string; num?: true; unlabelled?: true };

/** A right-aligned column of figures. */
export const num = (label: string): Column => ({ label, num: true });

/** The row-actions column: no visible heading, named for screen readers. */
export const ACTIONS: Column = { label: 'Actions', unlabelled: true };

/** A table's head: one row of column headings. */
export function TableHead(props: { columns: readonly Column[]; rowIndex?: number }) {
  return (
    <thead>
      <tr aria-rowindex={props.rowIndex}>
        {props.columns.map((column) => {
          const c = typeof column === 'string' ? { label: column } : column;
          return c.unlabelled ? (
            <th key={c.label} aria-label={c.label} />
          ) : (
            <th key={c.label} className={c.num ? 'num' : undefined}>
              {c.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
