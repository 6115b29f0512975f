import { useState, type ReactNode } from 'react';
import { attempt } from '../store/attempt';
import { useStore } from '../store/store';

/**
 * The text typed for a one-value setting (null while it is not being edited), and its save: the value written, the
 * form closed, and what shows it reloaded.
 */
export function useSettingDraft<T>(write: (value: T) => Promise<unknown>, reload: () => Promise<unknown>) {
  const [draft, setDraft] = useState<string | null>(null);
  const save = (value: T) =>
    void attempt(useStore.getState, async () => {
      await write(value);
      setDraft(null);
      await reload();
    });
  return { draft, setDraft, save };
}

/**
 * A one-value setting edited in place: the sentence that states it with a button to change it, and while it is being
 * changed the field, Save, a way back to the default when the value is not already it, Cancel (Escape too), and what
 * a valid value is while the typed one is not.
 */
export function SettingForm(props: {
  className: string;
  /** The setting as a sentence, shown while it is not being edited. */
  statement: ReactNode;
  changeLabel: string;
  /** The field's text when the change starts: the current value. */
  current: string;
  label: string;
  draft: string | null;
  inputMode: 'decimal' | 'numeric';
  isValid: boolean;
  /** What a valid value is, shown while the typed one is not. */
  expected: string;
  onDraft: (draft: string | null) => void;
  onSave: () => void;
  /** The default, offered when the saved value is another. */
  reset?: { label: string; onReset: () => void };
}) {
  if (props.draft === null)
    return (
      <p className="small muted">
        {props.statement}{' '}
        <button type="button" className="link" onClick={() => props.onDraft(props.current)}>
          {props.changeLabel}
        </button>
      </p>
    );
  return (
    <form
      className={`small ${props.className}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (props.isValid) props.onSave();
      }}
    >
      <label>
        {props.label}{' '}
        <input
          type="text"
          inputMode={props.inputMode}
          value={props.draft}
          size={6}
          autoFocus
          aria-invalid={!props.isValid}
          onChange={(e) => props.onDraft(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && props.onDraft(null)}
        />
      </label>{' '}
      <button type="submit" disabled={!props.isValid}>
        Save
      </button>{' '}
      {props.reset && (
        <>
          <button type="button" onClick={props.reset.onReset}>
            {props.reset.label}
          </button>{' '}
        </>
      )}
      <button type="button" className="link" onClick={() => props.onDraft(null)}>
        Cancel
      </button>
      {!props.isValid && <span className="warn"> {props.expected}</span>}
    </form>
  );
}
