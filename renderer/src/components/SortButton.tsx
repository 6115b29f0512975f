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
