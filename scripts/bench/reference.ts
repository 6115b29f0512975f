import { computeExposure } from '../../shared/domain/exposure';
import { closeServices } from '../../electron/services/services';
import { loadBundledReference, readBundledReference } from '../../electron/services/bundled-reference';
import { loadReferenceData } from '../../electron/services/reference';
import { benchServices, measure, RESOURCES, type Figure } from './harness';

/** Reference-data figures: bundled load, loadReferenceData and exposure on a 10,000-position book. */
export function referenceBenchmarks(): Figure[] {
  const figures: Figure[] = [];
  const services = benchServices(':memory:', { seedSample: false });
  const { db } = services;
  const bundle = readBundledReference(RESOURCES);
  figures.push(
    measure('load bundled reference data (one transaction, forced)', () => void loadBundledReference(db, bundle, { force: true }), {
      runs: 3,
    }),
  );

  // 10,000 positions over the whole security master, every 25th a fund with look-through, plus unknown symbols.
  const known = (
    db.prepare("SELECT DISTINCT symbol FROM securities WHERE source = 'bundled' ORDER BY symbol").all() as { symbol: string }[]
  ).map((r) => r.symbol);
  const funds = ['SPY', 'IVV', 'VOO', 'QQQ', 'VGT', 'XLK', 'SOXX', 'XLU', 'XLF', 'ARKK'];
  const positions = Array.from({ length: 10_000 }, (_, i) => ({
    symbol: i % 25 === 0 ? funds[(i / 25) % funds.length] : i % 97 === 0 ? `UNKNOWN${i}` : known[i % known.length],
    value: 1_000 + (i % 500) * 37.5,
  }));
  const symbols = positions.map((p) => p.symbol);
  // Any write makes loadReferenceData read afresh: a settings row stands for it, so the first figure is a cold read.
  const touch = db.prepare(
    "INSERT INTO settings (key, value) VALUES ('bench-touch', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  let touches = 0;
  figures.push(
    measure(
      'loadReferenceData, 10,000 positions (≈ 930 symbols + fund constituents), after a write',
      () => {
        touch.run(String(++touches));
        void loadReferenceData(db, symbols);
      },
      { runs: 7 },
    ),
  );
  figures.push(
    measure('loadReferenceData again, database unchanged (kept entries)', () => void loadReferenceData(db, symbols), { runs: 7 }),
  );
  const reference = loadReferenceData(db, symbols);
  figures.push(
    measure(
      'computeExposure by sector, 10,000 positions, look-through',
      () => void computeExposure(positions, reference, { by: 'sector', lookThrough: true }),
      { runs: 11 },
    ),
  );
  figures.push(
    measure(
      'computeExposure by theme, 10,000 positions, look-through',
      () => void computeExposure(positions, reference, { by: 'theme', lookThrough: true }),
      { runs: 11 },
    ),
  );
  figures.push(
    measure(
      'loadReferenceData + computeExposure by symbol, 10,000 positions, look-through',
      () => {
        void computeExposure(positions, loadReferenceData(db, symbols), { by: 'symbol', lookThrough: true });
      },
      { runs: 7 },
    ),
  );
  closeServices(services);
  return figures;
}
