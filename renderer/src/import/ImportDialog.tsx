import { useRef, useState, type DragEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { usePick, useStore } from '../store/store';
import { IMPORT_FIELDS, type ColumnMapping } from '../../../shared/import/types';
import { firstLineCells } from './import-view';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import { MappingEditor } from './MappingEditor';
import { readImportFile } from './read-file';

/** File › Import holdings…: choose or drop a broker CSV, check the preview and mapping, then import. */
export function ImportDialog() {
  const {
    importStage,
    importProblem,
    importProgress,
    importAnswer,
    importFile,
    closeImport,
    previewFile,
    setImportProgress,
    refuseFile,
    info,
  } = usePick(
    'importStage',
    'importProblem',
    'importProgress',
    'importAnswer',
    'importFile',
    'closeImport',
    'previewFile',
    'setImportProgress',
    'refuseFile',
    'info',
  );
  const [isDragging, setDragging] = useState(false);
  const [handMapping, setHandMapping] = useState<ColumnMapping>({ columns: {}, dateOrder: 'MDY', decimal: '.' });
  // A file that was read but refused: let the user name its columns by hand.
  const refusedHeader = importFile && !importAnswer && importProblem && importStage === 'choose' ? firstLineCells(importFile.text) : [];
  const input = useRef<HTMLInputElement>(null);
  const isDesktop = info?.shell === 'desktop';

  const take = async (file: File | undefined) => {
    if (!file) return;
    try {
      setImportProgress(0);
      await previewFile(await readImportFile(file, setImportProgress));
    } catch (error) {
      refuseFile(error);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void take(event.dataTransfer.files[0]);
  };

  return (
    <Dialog title="Import holdings" onClose={closeImport} wide>
      {(importStage === 'choose' || (importStage === 'reading' && !importAnswer)) && (
        <div
          className={isDragging ? 'drop-zone dragging' : 'drop-zone'}
          data-testid="import-drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>
            Drop a CSV export from your broker here — positions or transaction history from Fidelity, Schwab, Vanguard, Interactive Brokers,
            Trading 212, DEGIRO, Revolut, Freetrade, or any CSV with a header line.
          </p>
          <div className="dialog-actions center">
            <button
              type="button"
              className="primary"
              onClick={() => (isDesktop ? void useStore.getState().pickAndPreview() : input.current?.click())}
              autoFocus
            >
              Choose file…
            </button>
          </div>
          <input
            ref={input}
            type="file"
            accept=".csv,.tsv,.txt,text/csv"
            className="visually-hidden"
            aria-label="CSV file to import"
            onChange={(e) => void take(e.target.files?.[0])}
          />
          {importStage === 'reading' && (
            <div
              className="progress"
              role="progressbar"
              aria-label="Reading the file"
              aria-valuenow={Math.round((importProgress ?? 0) * 100)}
            >
              <span style={{ width: `${Math.round((importProgress ?? 1) * 100)}%` }} />
              <small>{importProgress !== null && importProgress < 1 ? 'Reading the file…' : 'Checking every row…'}</small>
            </div>
          )}
        </div>
      )}
      {importProblem && (
        <p className="form-problem" role="alert">
          {importProblem}
        </p>
      )}
      {refusedHeader.length > 1 && importFile && (
        <details className="mapping" open>
          <summary>Choose the columns by hand</summary>
          <MappingEditor header={refusedHeader} fields={IMPORT_FIELDS} mapping={handMapping} onChange={setHandMapping} />
          <div className="dialog-actions">
            <button type="button" onClick={() => void previewFile(importFile, handMapping)}>
              Preview with these columns
            </button>
          </div>
        </details>
      )}
      {importAnswer && importStage !== 'choose' && <ImportPreviewPanel />}
      {!importAnswer && (
        <div className="dialog-actions">
          <button type="button" onClick={closeImport}>
            Cancel
          </button>
        </div>
      )}
    </Dialog>
  );
}
