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
