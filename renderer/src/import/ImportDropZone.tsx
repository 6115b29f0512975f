import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { PRESETS } from '../../../shared/import/presets';
import { usePick, useStore } from '../store/store';
import { recognisedBrokers } from '../store/import-target';

/** The brokers whose exports are read without asking, for the sentence under a drop zone. */
export const BROKERS = recognisedBrokers(PRESETS.map((p) => p.label));

/**
 * A place to drop a broker CSV or choose one: in the import screen, and on the first screen (where a file opens the
 * import screen with its preview). `onFile` receives the chosen or dropped file.
 */
export function ImportDropZone(props: { onFile: (file: File | undefined) => void; autoFocus?: boolean; children?: ReactNode }) {
  const { info } = usePick('info');
  const [isDragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const isDesktop = info?.shell === 'desktop';
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    props.onFile(event.dataTransfer.files[0]);
  };
  const choose = () => {
    if (!isDesktop) return input.current?.click();
    // The desktop app shows the system's open dialog; the import screen opens if it is not already.
    if (useStore.getState().importStage === 'closed') useStore.getState().openImport();
    void useStore.getState().pickAndPreview();
  };

  return (
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
        Drop a CSV export from your broker here — positions or transaction history from {BROKERS.join(', ')}, or any CSV with a header line.
      </p>
      <div className="dialog-actions center">
        <button type="button" className="primary" onClick={choose} autoFocus={props.autoFocus}>
          Choose file…
        </button>
      </div>
      <input
        ref={input}
        type="file"
        accept=".csv,.tsv,.txt,text/csv"
        className="visually-hidden"
        aria-label="CSV file to import"
        onChange={(e) => {
          props.onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {props.children}
    </div>
  );
}
