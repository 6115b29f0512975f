import { useEffect, useEffectEvent, useState, type FormEvent } from 'react';
import { signedPercent } from '../../../../shared/engine/match';
import { localValue } from '../../../../shared/domain/valuation';
import { formatMoney } from '../../../../shared/format';
import { ConfirmDialog } from '../../components/Dialog';
import { usePick } from '../../store/store';
import { ScenarioPicker } from './ScenarioPicker';
import { ACTIONS, num, TableHead } from '../../components/TableHead';
import { ViewHeader } from '../../components/ViewHeader';

/** One required field of the add-a-position row, its placeholder the visible hint; `numeric` takes any number. */
function AddField(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  numeric?: boolean;
  min?: string;
}) {
  return (
    <input
      aria-label={props.label}
      placeholder={props.placeholder}
      type={props.numeric ? 'number' : undefined}
      step={props.numeric ? 'any' : undefined}
      min={props.min}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      required
    />
  );
}

/** A proposal sandbox: edit quantities, add and remove positions, compare with the current holdings, apply or discard. */
export function ProposalPanel() {
  const {
    proposal,
    comparison,
    scenarios,
    loadScenarios,
    closeProposal,
    editProposalPosition,
    addProposalPosition,
    removeProposalPosition,
    compareProposal,
    applyProposal,
    discardProposal,
  } = usePick(
    'proposal',
    'comparison',
    'scenarios',
    'loadScenarios',
    'closeProposal',
    'editProposalPosition',
    'addProposalPosition',
    'removeProposalPosition',
    'compareProposal',
    'applyProposal',
    'discardProposal',
  );
  const [chosen, setPicked] = useState<string[] | null>(null);
  const picked =
    chosen ??
    scenarios
      .filter((s) => s.kind !== 'historical')
      .slice(0, 3)
      .map((s) => s.id);
  const [confirming, setConfirming] = useState(false);
  const [symbol, setSymbol] = useState('');
  const [quantity, setQuantity] = useState('');
  const [price, setPrice] = useState('');
  useEffect(() => {
    if (scenarios.length === 0) void loadScenarios();
  }, [scenarios.length, loadScenarios]);
  const ready = picked.length > 0;
  // Compare once on opening (when the scenarios are known); later comparisons follow edits or the Compare button.
  const compareOnOpening = useEffectEvent(() => {
    if (proposal && !comparison && ready) void compareProposal(picked);
  });
  const proposalId = proposal?.id;
  useEffect(() => {
    compareOnOpening();
  }, [proposalId, ready]);
  if (!proposal) return null;
  const money = (x: number) => formatMoney(x, proposal.baseCurrency, 0);
  const account = proposal.positions[0]?.accountName ?? 'Main';

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await addProposalPosition({ accountName: account, symbol, quantity: Number(quantity), price: Number(price) });
    if (ok) {
      setSymbol('');
      setQuantity('');
      setPrice('');
    }
  };

  return (
    <section className="view wide" aria-label="Proposal">
      <ViewHeader
        title={
          <>
            Proposal for {proposal.clientName} — {proposal.portfolioName}
          </>
        }
        lead="A copy of the holdings to try changes on. The real portfolio is not touched until you apply the proposal."
      >
        <button type="button" onClick={closeProposal}>
          Back to clients
        </button>
        <button type="button" className="danger" onClick={() => void discardProposal()}>
          Discard
        </button>
        <button type="button" className="primary" onClick={() => setConfirming(true)}>
          Apply to holdings…
        </button>
      </ViewHeader>
      <div className="proposal-layout">
        <article className="card">
          <header className="card-header">
            <h2>Proposed positions</h2>
          </header>
          <table className="table">
            <TableHead columns={['Symbol', 'Account', num('Quantity'), num('Price'), num('Value'), ACTIONS]} />
            <tbody>
              {proposal.positions.map((p) => (
                <tr key={p.id}>
                  <td className="strong">{p.symbol}</td>
                  <td>{p.accountName}</td>
                  <td className="num">
                    <input
                      key={`${p.id}-${p.quantity}`}
                      className="qty-input"
                      aria-label={`Quantity of ${p.symbol}`}
                      type="number"
                      step="any"
                      defaultValue={p.quantity}
                      onBlur={(e) =>
                        Number(e.target.value) !== p.quantity && void editProposalPosition(p.id, { quantity: Number(e.target.value) })
                      }
                      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
                    />
                  </td>
                  <td className="num">{p.price ?? '—'}</td>
                  <td className="num">{formatMoney(localValue(p), p.currency, 0)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="link danger"
                      aria-label={`Remove ${p.symbol}`}
                      onClick={() => void removeProposalPosition(p.id)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form className="add-row" onSubmit={(e) => void add(e)} aria-label="Add a position">
            <AddField label="New symbol" placeholder="Symbol, e.g. BND" value={symbol} onChange={setSymbol} />
            <AddField label="New quantity" placeholder="Quantity" value={quantity} onChange={setQuantity} numeric />
            <AddField
              label="New price"
              placeholder={`Price (${proposal.baseCurrency})`}
              value={price}
              onChange={setPrice}
              numeric
              min="0"
            />
            <button type="submit">Add to {account}</button>
          </form>
        </article>
        <article className="card">
          <header className="card-header">
            <h2>Current vs proposed</h2>
            <button type="button" className="primary" disabled={picked.length === 0} onClick={() => void compareProposal(picked)}>
              Compare
            </button>
          </header>
          <div className="pad">
            <ScenarioPicker scenarios={scenarios} picked={picked} onChange={setPicked} max={12} />
          </div>
          {comparison && (
            <>
              <table className="table" data-testid="proposal-comparison">
                <TableHead columns={['Scenario', num('Current'), num('Proposed'), num('Difference')]} />
                <tbody>
                  <tr>
                    <td className="muted">Value</td>
                    <td className="num">{money(comparison.currentValue)}</td>
                    <td className="num">{money(comparison.proposedValue)}</td>
                    <td className="num">{money(comparison.proposedValue - comparison.currentValue)}</td>
                  </tr>
                  {comparison.scenarios.map((s) => (
                    <tr key={s.scenarioId}>
                      <td>{s.scenarioName}</td>
                      <td className="num loss">
                        {money(s.current.pnl)} <span className="small">({signedPercent(s.current.return)})</span>
                      </td>
                      <td className="num loss">
                        {money(s.proposed.pnl)} <span className="small">({signedPercent(s.proposed.return)})</span>
                      </td>
                      <td className={s.proposed.pnl > s.current.pnl ? 'num gain' : s.proposed.pnl < s.current.pnl ? 'num loss' : 'num'}>
                        {money(s.proposed.pnl - s.current.pnl)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {comparison.changes.length > 0 && (
                <p className="pad small muted">
                  Changes:{' '}
                  {comparison.changes
                    .map((c) => `${c.symbol} ${c.change > 0 ? '+' : '−'}${formatMoney(Math.abs(c.change), proposal.baseCurrency, 0)}`)
                    .join(' · ')}
                </p>
              )}
            </>
          )}
        </article>
      </div>
      {confirming && (
        <ConfirmDialog
          title="Apply the proposal?"
          message={`The holdings of “${proposal.portfolioName}” will be replaced by the ${proposal.positions.length} proposed positions. You can undo this from the notice that follows.`}
          confirmLabel="Apply proposal"
          onConfirm={() => void applyProposal().then(() => setConfirming(false))}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
