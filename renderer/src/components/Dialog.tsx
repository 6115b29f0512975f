import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog on the native <dialog> element: Esc closes it, focus starts inside it. */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={props.wide ? 'dialog wide' : 'dialog'}
      aria-label={props.title}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <h2>{props.title}</h2>
      {props.children}
    </dialog>
  );
}

/**
 * A dialog's last row: the problem with what was entered (announced), then any leading buttons, Cancel, and the
 * dialog's own buttons (`children`). `className` adds to both, e.g. `span-2` in a two-column form.
 */
export function DialogActions(props: {
  onCancel: () => void;
  problem?: string | null;
  lead?: ReactNode;
  focusCancel?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  const extra = props.className ? ` ${props.className}` : '';
  return (
    <>
      {props.problem && (
        <p className={`form-problem${extra}`} role="alert">
          {props.problem}
        </p>
      )}
      <div className={`dialog-actions${extra}`}>
        {props.lead}
        <button type="button" onClick={props.onCancel} autoFocus={props.focusCancel}>
          Cancel
        </button>
        {props.children}
      </div>
    </>
  );
}

/**
 * A dialog around one form: its fields (`children`), then the problem, Cancel and the submit button. `onSubmit` runs
 * on Enter or the button, with the browser's submit (a page load) prevented; `grid` lays the fields out in two columns.
 */
export function FormDialog(props: {
  title: string;
  onClose: () => void;
  onSubmit: () => Promise<void>;
  submitLabel: string;
  problem?: string | null;
  grid?: boolean;
  children: ReactNode;
}) {
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form
        className={props.grid ? 'form grid-2' : 'form'}
        onSubmit={(event) => {
          event.preventDefault();
          void props.onSubmit();
        }}
      >
        {props.children}
        <DialogActions problem={props.problem} onCancel={props.onClose} className={props.grid ? 'span-2' : undefined}>
          <button type="submit" className="primary">
            {props.submitLabel}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Asks before something that cannot be taken back. */
export function ConfirmDialog(props: {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog title={props.title} onClose={props.onCancel}>
      <p>{props.message}</p>
      <DialogActions onCancel={props.onCancel} focusCancel>
        <button type="button" className="danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </DialogActions>
    </Dialog>
  );
}
