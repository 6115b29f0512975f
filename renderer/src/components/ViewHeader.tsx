import type { ReactNode } from 'react';

/** A view's heading: its title and lead sentence, and the view's toolbar (`children`) when it has one. */
export function ViewHeader(props: { title: ReactNode; lead?: ReactNode; leadTestId?: string; children?: ReactNode }) {
  return (
    <header className="view-header">
      <div>
        <h1>{props.title}</h1>
        {props.lead !== undefined && (
          <p className="lead" data-testid={props.leadTestId}>
            {props.lead}
          </p>
        )}
      </div>
      {props.children ? <div className="toolbar">{props.children}</div> : null}
    </header>
  );
}
