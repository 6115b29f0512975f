/** `aria-sort` of a sortable column header. */
export function ariaSort(active: boolean, descending: boolean): 'ascending' | 'descending' | 'none' {
  return active ? (descending ? 'descending' : 'ascending') : 'none';
}

/** A sortable column's header button: its label, with an arrow on the column the table is sorted by. */
export function SortButton({
  label,
  active,
  descending,
  onSort,
}: {
  label: string;
  active: boolean;
  descending: boolean;
  onSort: () => void;
}) {
  return (
    <button type="button" className="sort" onClick={onSort}>
      {label}
      {active ? (descending ? ' ↓' : ' ↑') : ''}
    </button>
  );
}

/** The header cells of a table's sortable columns: each with its aria-sort and sort button. */
export function SortableHeaders<K extends string>(props: {
  columns: readonly { key: K; label: string; numeric?: boolean }[];
  sort: { key: K; descending: boolean };
  onSort: (key: K) => void;
}) {
  return props.columns.map((c) => (
    <th key={c.key} className={c.numeric ? 'num' : undefined} aria-sort={ariaSort(props.sort.key === c.key, props.sort.descending)}>
      <SortButton label={c.label} active={props.sort.key === c.key} descending={props.sort.descending} onSort={() => props.onSort(c.key)} />
    </th>
  ));
}
