import { useState } from 'react';
import { FormDialog } from '../components/Dialog';
import { useStore } from '../store/store';
import { BASE_CURRENCIES } from './portfolio-groups';

const NEW_CLIENT = 'new';
/** No client of the user's own yet: main makes "My portfolios" (never the sample's client). */
const DEFAULT_CLIENT = '';

/** Form for a new portfolio, under an existing client or a new one. */
export function NewPortfolioDialog({ onClose, onCreated }: { onClose: () => void; onCreated?: () => void }) {
  const clients = useStore((s) => s.clients);
  const createPortfolio = useStore((s) => s.createPortfolio);
  const firstOwn = clients.find((c) => !c.isSample);
  const [name, setName] = useState('');
  const [client, setClient] = useState<string>(firstOwn ? String(firstOwn.id) : DEFAULT_CLIENT);
  const [clientName, setClientName] = useState('');
  const [currency, setCurrency] = useState<string>(firstOwn?.baseCurrency ?? 'USD');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    if (!name.trim()) return setProblem('Give the portfolio a name.');
    if (client === NEW_CLIENT && !clientName.trim()) return setProblem('Give the new client a name.');
    const created = await createPortfolio({
      name: name.trim(),
      baseCurrency: currency,
      ...(client === NEW_CLIENT ? { newClientName: clientName.trim() } : client === DEFAULT_CLIENT ? {} : { clientId: Number(client) }),
    });
    if (!created) return;
    onClose();
    onCreated?.();
  };

  return (
    <FormDialog title="New portfolio" onClose={onClose} onSubmit={submit} submitLabel="Create portfolio" problem={problem}>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={200} placeholder="e.g. Retirement" />
      </label>
      <label>
        Client
        <select value={client} onChange={(e) => setClient(e.target.value)}>
          {!firstOwn && <option value={DEFAULT_CLIENT}>My portfolios</option>}
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.isSample ? `${c.name} (sample)` : c.name}
            </option>
          ))}
          <option value={NEW_CLIENT}>New client…</option>
        </select>
      </label>
      {client === NEW_CLIENT && (
        <label>
          New client’s name
          <input value={clientName} onChange={(e) => setClientName(e.target.value)} maxLength={200} placeholder="e.g. The Lee household" />
        </label>
      )}
      <label>
        Base currency
        <select value={currency} onChange={(e) => setCurrency(e.target.value)}>
          {BASE_CURRENCIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
    </FormDialog>
  );
}
