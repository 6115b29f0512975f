import { Dialog, DialogActions } from '../components/Dialog';
import { usePick } from '../store/store';
import { firstLineCells } from './import-view';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import { HandMapping } from './HandMapping';
import { ImportDropZone } from './ImportDropZone';

/** File › Import holdings…: choose or drop a broker CSV, check the preview and mapping, then import. */
export function ImportDialog() {
  const { importStage, importProblem, importProgress, importAnswer, importFile, closeImport, previewFile, readAndPreview } = usePick(
    'importStage',
    'importProblem',
    'importProgress',
    'importAnswer',
    'importFile',
    'closeImport',
    'previewFile',
    'readAndPreview',
  );
  // A file that was read but refused: let the user name its columns by hand.
  const refusedHeader = importFile && !importAnswer && importProblem && importStage === 'choose' ? firstLineCells(importFile.text) : [];

  return (
    <Dialog title="Import holdings" onClose={closeImport} wide>
      {(importStage === 'choose' || (importStage === 'reading' && !importAnswer)) && (
        <ImportDropZone onFile={(file) => void readAndPreview(file)} autoFocus>
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
        </ImportDropZone>
      )}
      {importProblem && (
        <p className="form-problem" role="alert">
          {importProblem}
        </p>
      )}
      {refusedHeader.length > 1 && importFile && (
        <HandMapping
          key={`${importFile.fileName} ${importFile.text.length}`}
          file={importFile}
          onPreview={(m) => void previewFile(importFile, m)}
        />
      )}
      {importAnswer && importStage !== 'choose' && <ImportPreviewPanel />}
      {!importAnswer && <DialogActions onCancel={closeImport} />}
    </Dialog>
  );
}
