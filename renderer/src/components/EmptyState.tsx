/** A calm explanation of why a view is empty, with the next step as a button. */
export function EmptyState(props: { title: string; body: string; action?: { label: string; run: () => void } }) {
  return (
    <div className="empty-state" role="status">
      <h2>{props.title}</h2>
      <p>{props.body}</p>
      {props.action && (
        <button type="button" className="primary" onClick={props.action.run}>
          {props.action.label}
        </button>
      )}
    </div>
  );
}
