import { useState } from 'react';

/** A name that turns into a text field: Enter saves, Esc cancels. */
export function InlineRename(props: { value: string; label: string; onSave: (name: string) => Promise<boolean>; onDone: () => void }) {
  const [draft, setDraft] = useState(props.value);
  const save = async () => {
    const name = draft.trim();
    if (!name || name === props.value) return props.onDone();
    if (await props.onSave(name)) props.onDone();
  };
  return (
    <input
      className="inline-rename"
      aria-label={props.label}
      value={draft}
      autoFocus
      maxLength={200}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => void save()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void save();
        if (e.key === 'Escape') props.onDone();
      }}
    />
  );
}
