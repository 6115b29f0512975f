import type { PortfolioSummary } from '../../../shared/domain/types';
import { countOf } from '../../../shared/format';
import { ImportDropZone } from '../import/ImportDropZone';
import { usePick } from '../store/store';

/**
 * The first screen while the user has no portfolio of their own: import from a broker first, type holdings in, or
 * look around the sample (which stays apart from anything imported).
 */
export function GetStarted({ sample, onTypeIn }: { sample: PortfolioSummary | null; onTypeIn: () => void }) {
  const { importFromFile, selectPortfolio, setView } = usePick('importFromFile', 'selectPortfolio', 'setView');
  return (
    <section className="card get-started" aria-label="Get started">
      <div className="card-body">
        <h2>Import from your broker</h2>
        <p className="muted">Your holdings go into a new portfolio of your own, named after the broker; nothing leaves this computer.</p>
        <ImportDropZone onFile={(file) => void importFromFile(file)} />
      </div>
      <div className="get-started-more">
        <div>
          <h3>Type holdings in</h3>
          <p className="muted">Make a portfolio and add its positions by hand.</p>
          <button type="button" onClick={onTypeIn}>
            Type holdings in
          </button>
        </div>
        {sample && (
          <div>
            <h3>Explore the sample</h3>
            <p className="muted">
              “{sample.name}”, {countOf(sample.positionCount, 'position')} in {countOf(sample.accountCount, 'account')}, is a made-up
              client’s book: try every view on it first. Imports never go into it.
            </p>
            <button
              type="button"
              onClick={() => {
                selectPortfolio(sample.id);
                setView('holdings');
              }}
            >
              Explore the sample
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
