import { Component, type ErrorInfo, type ReactNode } from 'react';
import { reportError } from '../error-reporting';

interface Props {
  /** The view inside, named in the log. */
  view: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** Keeps a view that fails to draw from blanking the window: says so, logs it, and offers to try again. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    const withComponents = Object.assign(new Error(error.message), {
      name: error.name,
      stack: `${error.stack ?? ''}\n${info.componentStack ?? ''}`,
    });
    reportError('render', withComponents, this.props.view);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="view" role="alert">
        <h1>This view stopped working</h1>
        <p className="lead">
          Something went wrong while showing it ({error.message}). Your data was not changed. The error was written to the log (Help › Open
          logs folder).
        </p>
        <p>
          <button type="button" className="primary" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </p>
      </section>
    );
  }
}
