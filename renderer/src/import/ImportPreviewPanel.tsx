import { formatCount, formatMoney, formatQuantity } from '../../../shared/format';
import type { ColumnMapping } from '../../../shared/import/types';
import { importTargetName } from '../store/import-slice';
import { usePick, useStore } from '../store/store';
import { ImportDestination } from './ImportDestination';
import { commitChoice, currencyQuestion, fieldsFor, rowsToShow } from './import-view';
import { ImportCurrency } from './ImportCurrency';
import { HistoryShortfalls } from './HistoryShortfalls';
import { MappingEditor } from './MappingEditor';
import { PreviewFindings } from './PreviewFindings';
import { num, TableHead } from '../components/TableHead';

/** The preview of a read file: totals per account, every row's verdict, the column mapping the user may fix. */
export function ImportPreviewPanel() {
  const { importAnswer, importFile, importStage, previewFile, commitPreviewed, closeImport, portfolios, importTarget, importCurrency } =
    usePick(
      'importAnswer',
      'importFile',
      'importStage',
      'previewFile',
      'commitPreviewed',
      'closeImport',
      'portfolios',
      'importTarget',
      'importCurrency',
    );
  const newName = useStore(importTargetName);
  if (!importAnswer || !importFile) return null;
  const { preview, previousImport, isSavedMapping } = importAnswer;
  const choice = commitChoice(preview, previousImport !== null);
  const busy = importStage === 'committing' || importStage === 'reading';
  const portfolio = importTarget?.kind === 'existing' ? portfolios.find((p) => p.id === importTarget.portfolioId) : undefined;
  const destination = importTarget?.kind === 'new' ? newName : (portfolio?.name ?? null);
  // A file whose currency nobody knows is not imported until the user says which it is.
  const isCurrencyKnown = !currencyQuestion(preview, importCurrency).isRequired;
  const isReady = destination !== null && !(importTarget?.kind === 'new' && importTarget.clientName === '') && isCurrencyKnown;
  const apply = (mapping: ColumnMapping) => void previewFile(importFile, mapping);
  const c = preview.counts;

  return (
    <div className="import-preview" aria-busy={busy}>
      <p className="lead" data-testid="import-summary">
        <strong>{preview.fileName}</strong>: {preview.formatLabel} ({preview.kind}) · {formatCount(c.new)} new · {formatCount(c.duplicate)}{' '}
        duplicate · {formatCount(c.invalid)} invalid · {formatCount(c.skipped)} skipped
        {isSavedMapping ? ' · your saved column mapping was used' : ''}
      </p>
      <table className="table compact" aria-label="Totals per account">
        <TableHead columns={['Account', num('Positions'), num('Market value')]} />
        <tbody>
          {preview.totals.map((t) => (
            <tr key={`${t.account} ${t.currency}`}>
              <td>{t.account}</td>
              <td className="num">{formatCount(t.positions)}</td>
              <td className="num">{formatMoney(t.marketValue, t.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ImportCurrency preview={preview} busy={busy} />
      {preview.warnings.map((w) => (
        <p key={w} className="banner warn">
          {w}
        </p>
      ))}
      <HistoryShortfalls shortfalls={preview.shortfalls} busy={busy} />
      <PreviewFindings preview={preview} />

      <details className="mapping">
        <summary>Columns, dates and decimals</summary>
        <MappingEditor header={preview.header} fields={fieldsFor(preview.kind)} mapping={preview.mapping} onChange={apply} />
      </details>

      {preview.omitted && preview.omitted.rows > 0 && (
        <p className="muted">
          Showing every row with a problem and the first new rows; {formatCount(preview.omitted.rows)} more new rows are not listed.
        </p>
      )}
      <div className="rows-scroll" tabIndex={0}>
        <table className="table compact" aria-label="Rows of the file">
          <TableHead columns={[num('Row'), 'Status', 'Symbol', 'Name', num('Quantity'), num('Price'), num('Value'), 'Currency', 'Note']} />
          <tbody>
            {rowsToShow(preview.rows).map((r) => {
              const x = r.record;
              const note = r.column ? `${r.column}: ${r.reason}` : r.reason;
              return (
                <tr key={r.row} className={`row-${r.status}`}>
                  <td className="num">{r.row}</td>
                  <td>{r.status}</td>
                  <td className="symbol">{x?.symbol || '—'}</td>
                  <td className="ellipsis" title={x?.name}>
                    {x?.name || '—'}
                  </td>
                  <td className="num">{x?.quantity != null ? formatQuantity(x.quantity) : '—'}</td>
                  <td className="num">{x?.price != null ? formatMoney(x.price, x.priceCurrency ?? x.currency) : '—'}</td>
                  <td className="num">{x?.marketValue != null ? formatMoney(x.marketValue, x.currency) : '—'}</td>
                  <td>{x?.currency || '—'}</td>
                  <td className="ellipsis" title={note}>
                    {note}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <ImportDestination busy={busy} />

      {previousImport && (
        <p className="banner warn">This file was already imported into this portfolio on {previousImport.createdAt.slice(0, 10)}.</p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={closeImport} disabled={importStage === 'committing'}>
          Cancel
        </button>
        {choice.needsDuplicateChoice ? (
          <>
            <button type="button" onClick={() => void commitPreviewed({ onDuplicate: 'skip' })} disabled={busy}>
              Skip this file
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => void commitPreviewed({ onDuplicate: 'replace', skipInvalid: choice.skipInvalid })}
              disabled={busy || !isReady}
            >
              Replace the earlier import
            </button>
          </>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => void commitPreviewed({ skipInvalid: choice.skipInvalid })}
            disabled={busy || !isReady}
          >
            {importStage === 'committing' ? 'Importing…' : `${choice.label} into ${destination ?? 'the portfolio'}`}
          </button>
        )}
      </div>
    </div>
  );
}
