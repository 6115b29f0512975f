import { useState } from 'react';
import { usePick } from '../store/store';

/** "Update market data": starts the refresh, shows progress with cancel, then a calm outcome. */
export function MarketRefresh() {
  const { market, startMarketRefresh, cancelMarketRefresh } = usePick('market', 'startMarketRefresh', 'cancelMarketRefresh');
  const [isOpen, setOpen] = useState(false);
  const isRunning = market?.state === 'running';

  return (
    <div className="market-refresh">
      {isRunning ? (
        <>
          <progress max={market.total || 1} value={market.done} aria-label="Market data progress" />
          <span className="muted">
            {market.done} / {market.total}
          </span>
          <button type="button" onClick={() => void cancelMarketRefresh()}>
            Cancel
          </button>
        </>
      ) : (
        <button
          type="button"
          title="Downloads quotes, profiles, fund holdings, history and FX from Yahoo Finance. Only symbols are sent."
          onClick={() => {
            setOpen(true);
            void startMarketRefresh();
          }}
        >
          Update market data
        </button>
      )}
      {market && market.state !== 'running' && market.state !== 'idle' && isOpen && (
        <div className={market.state === 'done' && market.errors.length === 0 ? 'banner' : 'banner warn'} role="status">
          {market.message}
          {market.errors.length > 0 && (
            <details>
              <summary>{market.errors.length} problems</summary>
              <ul>
                {market.errors.map((e) => (
                  <li key={`${e.symbol}-${e.part}`}>
                    {e.symbol} ({e.part}): {e.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <button type="button" className="link" onClick={() => setOpen(false)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
