import { useState } from 'react';
import { formatQuantity } from '../../../shared/format';
import type { HistoryShortfall, OpeningDecision } from '../../../shared/import/types';
import { useStore } from '../store/store';
import { DECISION_LABELS, decisionFrom, openingKey } from './import-view';
import { num, TableHead } from '../components/TableHead';

/** Holdings the history sells more of than it shows bought: per holding, what to do (closed by default). */
export function HistoryShortfalls({ shortfalls, busy }: { shortfalls: HistoryShortfall[]; busy: boolean }) {
  if (shortfalls.length === 0) return null;
  return (
    <section className="shortfalls" aria-label="Sold more than the history shows bought">
      <p className="banner warn">
        This history sells more of {shortfalls.length === 1 ? 'one holding' : `${shortfalls.length} holdings`} than it shows bought: it
        starts after they were bought. Each is treated as closed unless you enter how many were held before the file starts, or keep it as a
        short.
      </p>
      <table className="table compact">
        <TableHead columns={['Account', 'Symbol', num('Sold beyond'), 'First on', 'Decision', num('Quantity')]} />
        <tbody>
          {shortfalls.map((s) => (
            <ShortfallRow key={openingKey(s)} shortfall={s} busy={busy} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ShortfallRow({ shortfall: s, busy }: { shortfall: HistoryShortfall; busy: boolean }) {
  const chooseOpening = useStore((state) => state.chooseOpening);
  const [kind, setKind] = useState<OpeningDecision['kind']>(s.decision.kind);
  const [quantity, setQuantity] = useState(s.decision.kind === 'opening' ? String(s.decision.quantity) : String(s.shortfall));
  const key = openingKey(s);
  const apply = (nextKind: OpeningDecision['kind'], text: string) => {
    const decision = decisionFrom(nextKind, text);
    if (decision) void chooseOpening(key, decision);
  };
  return (
    <tr data-testid={`shortfall-${s.symbol}`}>
      <td>{s.account}</td>
      <td title={s.name}>
        {s.symbol}
        {s.isMarkedShort ? ' (marked short in the file)' : ''}
      </td>
      <td className="num">{formatQuantity(s.shortfall)}</td>
      <td>{s.firstDate ?? ''}</td>
      <td>
        <select
          aria-label={`Decision for ${s.symbol}`}
          value={kind}
          disabled={busy}
          onChange={(e) => {
            const next = e.target.value as OpeningDecision['kind'];
            setKind(next);
            apply(next, quantity);
          }}
        >
          {(Object.keys(DECISION_LABELS) as OpeningDecision['kind'][]).map((k) => (
            <option key={k} value={k}>
              {DECISION_LABELS[k]}
            </option>
          ))}
        </select>
        {kind === 'opening' && (
          <input
            aria-label={`Opening quantity of ${s.symbol}`}
            inputMode="decimal"
            value={quantity}
            disabled={busy}
            onChange={(e) => setQuantity(e.target.value)}
            onBlur={() => apply('opening', quantity)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') apply('opening', quantity);
            }}
          />
        )}
      </td>
      <td className="num">{formatQuantity(s.quantity)}</td>
    </tr>
  );
}
