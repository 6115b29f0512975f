import { useState } from 'react';
import type { ClientSummary } from '../../../../shared/domain/types';
import { FormDialog } from '../../components/Dialog';
import { usePick } from '../../store/store';
import { BASE_CURRENCIES } from '../portfolio-groups';
import { splitList } from './firm-table';

/** Adds a client (household) or edits one: name, people, tags, base currency and notes. */
export function ClientDialog(props: { client: ClientSummary | null; onClose: () => void }) {
  const { createClient, updateClient } = usePick('createClient', 'updateClient');
  const c = props.client;
  const [name, setName] = useState(c?.name ?? '');
  const [people, setPeople] = useState(c?.people.join(', ') ?? '');
  const [tags, setTags] = useState(c?.tags.join(', ') ?? '');
  const [currency, setCurrency] = useState(c?.baseCurrency ?? 'USD');
  const [notes, setNotes] = useState(c?.notes ?? '');
  const [problem, setProblem] = useState('');

  const submit = async () => {
    if (!name.trim()) return setProblem('Give the client a name.');
    const fields = { name: name.trim(), people: splitList(people), tags: splitList(tags), baseCurrency: currency, notes };
    if (c ? await updateClient(c.id, fields) : await createClient(fields)) props.onClose();
  };

  return (
    <FormDialog
      title={c ? `Edit ${c.name}` : 'New client'}
      onClose={props.onClose}
      onSubmit={submit}
      submitLabel={c ? 'Save' : 'Add client'}
      problem={problem}
    >
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={200} placeholder="e.g. The Patel household" />
      </label>
      <label>
        People <span className="muted small">(comma-separated)</span>
        <input value={people} onChange={(e) => setPeople(e.target.value)} placeholder="e.g. Priya Patel, Raj Patel" />
      </label>
      <label>
        Tags <span className="muted small">(risk profile, segment; comma-separated)</span>
        <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder="e.g. growth, hnw" />
      </label>
      <label>
        Base currency
        <select value={currency} onChange={(e) => setCurrency(e.target.value)}>
          {[...new Set([currency, ...BASE_CURRENCIES])].map((x) => (
            <option key={x}>{x}</option>
          ))}
        </select>
      </label>
      <label>
        Notes
        <textarea className="description" value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={5000} />
      </label>
    </FormDialog>
  );
}
