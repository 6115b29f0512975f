/** The filter box of a card's toolbar: `label` names it for screen readers, `placeholder` says what it matches. */
export function SearchField(props: { label: string; placeholder: string; value: string; onChange: (value: string) => void }) {
  return (
    <input
      type="search"
      className="search"
      placeholder={props.placeholder}
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}
