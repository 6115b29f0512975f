type EmptyStateProps = {
  title: string;
  body: string;
  action?: { label: string; run: () => void };
  more?: readonly { label: string; run: () => void }[];
};

/** A calm explanation of why a view is empty, with the next step as a button (and other ways forward beside it). */
export function EmptyState(props: EmptyStateProps) {
  return (
    <div className="empty-state" role="status">
      <h2>{props.title}</h2>
      <p>{props.body}</p>
      {(props.action || props.more?.length) && (
        <div className="toolbar center">
          {props.action && (
            <button type="button" className="primary" onClick={props.action.run}>
              {props.action.label}
            </button>
          )}
          {props.more?.map((m) => (
            <button key={m.label} type="button" onClick={m.run}>
              {m.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** A whole view with nothing to show yet: its heading, then why and what to do. */
export function EmptyView({ view, ...state }: EmptyStateProps & { view: string }) {
  return (
    <section className="view">
      <h1>{view}</h1>
      <EmptyState {...state} />
    </section>
  );
}
