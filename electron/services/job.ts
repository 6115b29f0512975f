/** What every background job's status carries: which run it is, where it stands and one sentence for the user. */
export interface JobStatusBase {
  id: number;
  state: string;
  message: string;
}

/** What a job's work sees while it runs. */
export interface RunningJob<S extends JobStatusBase> {
  id: number;
  /** Aborted when the user cancels; the work checks it between steps and finishes what it is doing. */
  signal: AbortSignal;
  /** The status as it stands (progress included). */
  readonly status: S;
  /** Merges progress into the status (ignored once another run has started). */
  update(patch: Partial<S>): void;
}

/** One job that may run at a time, polled for its status and cancelled through an AbortSignal (batch PDFs, the firm-wide stress, market data). */
export interface Job<S extends JobStatusBase> {
  status(): S;
  /** Asks the running work to stop; `cancelling` is the message meanwhile. */
  cancel(): S;
  /** Resolves when the current run (if any) has finished. */
  settled(): Promise<S>;
  isRunning(): boolean;
  /**
   * Starts a run unless one is running (then answers its status): `first` is the running status, `work` returns the
   * final one, `failed` turns an unexpected error into a final status. The work starts at once (synchronously).
   */
  start(first: (id: number) => S, work: (job: RunningJob<S>) => Promise<S>, failed: (error: unknown, last: S) => S): S;
  /** Records a run that ended before it began (e.g. "no folder was chosen"), under the next id. */
  finishWithout(status: (id: number) => S): S;
}

/** What a service's job runner offers besides starting: its status, cancelling, and waiting for the end. */
export type JobControls<S extends JobStatusBase> = Pick<Job<S>, 'status' | 'cancel' | 'settled'>;

export function createJob<S extends JobStatusBase>(idle: S, cancelling: string): Job<S> {
  let current = idle;
  let controller: AbortController | null = null;
  let running: Promise<S> = Promise.resolve(idle);
  const isRunning = () => current.state === 'running';
  return {
    status: () => current,
    settled: () => running,
    isRunning,
    cancel() {
      if (isRunning()) {
        controller?.abort();
        current = { ...current, message: cancelling };
      }
      return current;
    },
    start(first, work, failed) {
      if (isRunning()) return current;
      const id = current.id + 1;
      const ownController = new AbortController();
      controller = ownController;
      current = first(id);
      const job: RunningJob<S> = {
        id,
        signal: ownController.signal,
        get status() {
          return current;
        },
        update(patch) {
          if (current.id === id) current = { ...current, ...patch };
        },
      };
      let pending: Promise<S>;
      try {
        pending = work(job);
      } catch (error) {
        pending = Promise.reject(error);
      }
      running = pending.catch((error: unknown) => failed(error, current)).then((status) => (current = status));
      return current;
    },
    finishWithout(status) {
      if (isRunning()) return current;
      current = status(current.id + 1);
      return current;
    },
  };
}
