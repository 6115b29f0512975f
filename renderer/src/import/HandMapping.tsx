import { useMemo, useState } from 'react';
import { formatMoney, formatQuantity } from '../../../shared/format';
import { IMPORT_FIELDS, type ColumnMapping } from '../../../shared/import/types';
import type { ImportFile } from '../store/import-slice';
import { guessMapping, headAndRows, livePositions, positionValue } from './import-view';
import { MappingEditor } from './MappingEditor';
import { num, TableHead } from '../components/TableHead';

const SHOWN_POSITIONS = 8;

/**
 * A file the import could not place on its own: every column starts at its best guess (header names, then values),
 * the first rows show under their headers, and the positions the mapping makes show live as it changes.
 */
export function HandMapping({ file, onPreview }: { file: ImportFile; onPreview: (mapping: ColumnMapping) => void }) {
  const { header, rows } = useMemo(() => headAndRows(file.text), [file]);
  const [mapping, setMapping] = useState<ColumnMapping>(() => guessMapping(header, rows));
  const live = useMemo(() => livePositions(file.text, file.fileName, mapping), [file, mapping]);

  return (
    <details className="mapping" open>
      <summary>Choose the columns by hand</summary>
      <MappingEditor header={header} fields={IMPORT_FIELDS} mapping={mapping} onChange={setMapping} />
      <h3 className="mapping-heading">The first rows of {file.fileName}</h3>
      <div className="rows-scroll short" tabIndex={0}>
        <table className="table compact" aria-label="First rows of the file">
          <thead>
            <tr>
              {header.map((h, i) => (
                <th key={i}>{h || `column ${i + 1}`}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {header.map((_, j) => (
                  <td key={j}>{r[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="mapping-heading">What these columns make</h3>
      {live.ok ? (
        <div className="rows-scroll short" tabIndex={0}>
          <table className="table compact" aria-label="Positions with these columns">
            <TableHead columns={['Symbol', 'Name', num('Quantity'), num('Price'), num('Value'), 'Currency']} />
            <tbody>
              {live.positions.slice(0, SHOWN_POSITIONS).map((p, i) => {
                const value = positionValue(p);
                return (
                  <tr key={i}>
                    <td className="symbol">{p.symbol}</td>
                    <td>{p.name || '—'}</td>
                    <td className="num">{formatQuantity(p.quantity)}</td>
                    <td className="num">{p.price !== null ? formatMoney(p.price, p.currency) : '—'}</td>
                    <td className="num">{value !== null ? formatMoney(value, p.currency) : '—'}</td>
                    <td>{p.currency}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted" data-testid="live-problem">
          {live.message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" disabled={!live.ok} onClick={() => onPreview(mapping)}>
          Preview with these columns
        </button>
      </div>
    </details>
  );
}
