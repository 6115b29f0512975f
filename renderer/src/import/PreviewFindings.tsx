import { formatMoney, formatQuantity } from '../../../shared/format';
import type { ImportPreview } from '../../../shared/import/types';
import { valueDifferences } from './import-view';
import { num, TableHead } from '../components/TableHead';

/** Market values kept over quantity × price (both shown), and every decision the import will record. */
export function PreviewFindings({ preview }: { preview: ImportPreview }) {
  const differences = valueDifferences(preview);
  return (
    <>
      {differences.length > 0 && (
        <table className="table compact" aria-label="Market value and quantity × price">
          <TableHead columns={['Account', 'Symbol', num('Quantity'), num('Quantity × price'), num('Market value (kept)')]} />
          <tbody>
            {differences.map((p) => (
              <tr key={`${p.account} ${p.symbol}`}>
                <td>{p.account}</td>
                <td>{p.symbol}</td>
                <td className="num">{formatQuantity(p.quantity)}</td>
                <td className="num">{formatMoney(p.valueFromPrice ?? 0, p.currency)}</td>
                <td className="num">{formatMoney(p.marketValue ?? 0, p.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.findings.length > 0 && (
        <details className="findings" open={preview.findings.length <= 6}>
          <summary>
            {preview.findings.length === 1 ? 'One decision' : `${preview.findings.length} decisions`} this import records (listed in
            Holdings afterwards)
          </summary>
          <ul data-testid="import-findings">
            {preview.findings.map((f, i) => (
              <li key={i}>{f.sentence}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
