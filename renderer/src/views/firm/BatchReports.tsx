import { useStore } from '../../store/store';

/** One PDF per client of the open run and a firm summary, into a folder main asks for; progress, cancel, errors. */
export function BatchReports(props: { runId: number }) {
  const { batchStatus: status, startBatchReports, cancelBatchReports } = useStore();
  const running = status?.state === 'running';
  return (
    <article className="card" aria-label="Batch reports">
      <div className="card-toolbar">
        <strong>Client reports</strong>
        <span className="muted small">One PDF per client and a firm summary, into a folder you choose.</span>
        {running ? (
          <button type="button" onClick={() => void cancelBatchReports()}>
            Cancel reports
          </button>
        ) : (
          <button type="button" onClick={() => void startBatchReports(props.runId)}>
            PDF reports…
          </button>
        )}
      </div>
      {status && status.state !== 'idle' && (
        <div className="pad" role="status" aria-label="Batch progress">
          {running && <progress max={Math.max(1, status.total)} value={status.done} aria-label="Reports made" />}
          <p className="small">{status.message}</p>
          {status.errors.length > 0 && (
            <ul className="small danger-text">
              {status.errors.map((e, i) => (
                <li key={i}>
                  {e.clientName}
                  {e.portfolioName ? ` — ${e.portfolioName}` : ''}: {e.message}
                </li>
              ))}
            </ul>
          )}
          {status.skipped.length > 0 && <p className="muted small">No portfolio, so no report: {status.skipped.join(', ')}.</p>}
        </div>
      )}
      {status?.state === 'idle' && status.id > 0 && <p className="pad small muted">{status.message}</p>}
    </article>
  );
}
