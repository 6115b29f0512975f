import { useState } from 'react';
import { countOf, listNames } from '../../../../shared/format';
import type { ClientRanking } from '../../../../shared/firm/ranking';
import { Dialog, DialogActions } from '../../components/Dialog';
import { usePick } from '../../store/store';

/** One PDF per client of the open run and a firm summary, into a folder main asks for; progress, cancel, errors. */
export function BatchReports(props: { runId: number; clients: readonly ClientRanking[] }) {
  const { batchStatus: status, startBatchReports, cancelBatchReports } = usePick('batchStatus', 'startBatchReports', 'cancelBatchReports');
  const [asking, setAsking] = useState(false);
  const running = status?.state === 'running';
  const blocked = props.clients.filter((c) => c.health?.verdict === 'blocked').map((c) => c.clientName);
  const start = (allowFindings: boolean) => {
    setAsking(false);
    void startBatchReports(props.runId, allowFindings);
  };
  return (
    <article className="card" aria-label="Batch reports">
      {asking && (
        <Dialog title="Some clients' numbers are wrong" onClose={() => setAsking(false)}>
          <p>
            {countOf(blocked.length, 'client')} ({listNames(blocked)}) {blocked.length === 1 ? 'has' : 'have'} blocking data-health
            findings: some figures in
            {blocked.length === 1 ? ' that report' : ' their reports'} would be wrong. See the Data column of the ranking.
          </p>
          <DialogActions onCancel={() => setAsking(false)}>
            <button type="button" autoFocus onClick={() => start(false)}>
              Skip {blocked.length === 1 ? 'it' : 'them'}
            </button>
            <button type="button" className="primary" onClick={() => start(true)}>
              Include with findings on page 1
            </button>
          </DialogActions>
        </Dialog>
      )}
      <div className="card-toolbar">
        <strong>Client reports</strong>
        <span className="muted small">One PDF per client and a firm summary, into a folder you choose.</span>
        {running ? (
          <button type="button" onClick={() => void cancelBatchReports()}>
            Cancel reports
          </button>
        ) : (
          <button type="button" onClick={() => (blocked.length ? setAsking(true) : start(false))}>
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
