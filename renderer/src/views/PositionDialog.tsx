import { useState } from 'react';
import { ASSET_CLASSES, type Account, type AssetClass, type Position } from '../../../shared/domain/types';
import { optionLabel } from '../../../shared/domain/options';
import { optionFromText } from '../../../shared/import/option-rows';
import { FormDialog } from '../components/Dialog';
import { usePick } from '../store/store';
import { parseTypedNumber } from './holdings-table';

/** Add a position, or edit one (quantity, price, cost basis, account…), with checks before saving. */
export function PositionDialog(props: { accounts: Account[]; baseCurrency: string; position?: Position; onClose: () => void }) {
  const { addPosition, updatePosition } = usePick('addPosition', 'updatePosition');
  const editing = props.position;
  const [accountId, setAccountId] = useState(String(editing?.accountId ?? props.accounts[0]?.id ?? ''));
  const [symbol, setSymbol] = useState(editing?.symbol ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const [assetClass, setAssetClass] = useState<AssetClass>(editing?.assetClass ?? 'equity');
  const [quantity, setQuantity] = useState(editing ? String(editing.quantity) : '');
  const [price, setPrice] = useState(editing?.price != null ? String(editing.price) : '');
  const [costBasis, setCostBasis] = useState(editing?.costBasis != null ? String(editing.costBasis) : '');
  const [currency, setCurrency] = useState(editing?.currency ?? props.baseCurrency);
  const [isShortIntended, setShortIntended] = useState(editing?.isShortIntended ?? false);
  const [multiplier, setMultiplier] = useState(String(editing?.multiplier ?? 100));
  // Typed as a percentage ("48"); empty: estimated from the underlying's last 60 days of closes.
  const [volatility, setVolatility] = useState(editing?.volatility != null ? String(Math.round(editing.volatility * 10000) / 100) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const isShort = (parseTypedNumber(quantity) ?? 0) < 0;
  // A listed option typed in any broker's form ("NVDA 250620C150", "NVDA 06/20/2025 150 C"): stored under its OCC symbol.
  const option = optionFromText(symbol);

  const submit = async () => {
    const qty = parseTypedNumber(quantity);
    const px = parseTypedNumber(price);
    const cost = parseTypedNumber(costBasis);
    if (!symbol.trim()) return setProblem('Enter a symbol, e.g. NVDA.');
    if (qty === null || Number.isNaN(qty)) return setProblem('Quantity must be a number (negative for a short position).');
    if (px === null || Number.isNaN(px) || px < 0) return setProblem('Price must be a number of zero or more.');
    if (Number.isNaN(cost)) return setProblem('Cost basis must be a number, or left empty.');
    if (!/^[A-Za-z]{3}$/.test(currency)) return setProblem('Currency must be a three-letter code such as USD.');
    const perContract = parseTypedNumber(multiplier);
    if (option && (perContract === null || Number.isNaN(perContract) || perContract <= 0))
      return setProblem('Shares per contract must be a number above zero (100 for a standard US option).');
    const vol = parseTypedNumber(volatility.replace('%', ''));
    if (option && vol !== null && (Number.isNaN(vol) || vol <= 0 || vol > 500))
      return setProblem('Volatility must be a percentage above 0 and at most 500 (e.g. 48), or left empty to estimate it.');
    const fields = {
      symbol: symbol.trim(),
      name: name.trim(),
      assetClass,
      quantity: qty,
      price: px,
      costBasis: cost,
      currency: currency.toUpperCase(),
      accountId: Number(accountId),
      // Only a short can be an intended short; the health check asks about the others.
      isShortIntended: qty < 0 && isShortIntended,
      ...(option
        ? { multiplier: perContract, assetClass: 'other' as const, volatility: vol === null ? null : vol / 100 }
        : { multiplier: null, volatility: null }),
    };
    const saved = editing ? await updatePosition(editing.id, fields) : await addPosition(fields);
    if (saved) props.onClose();
  };

  return (
    <FormDialog
      title={editing ? `Edit ${editing.symbol}` : 'Add position'}
      onClose={props.onClose}
      onSubmit={submit}
      submitLabel={editing ? 'Save changes' : 'Add position'}
      problem={problem}
      grid
    >
      <label>
        Symbol
        <input value={symbol} onChange={(e) => setSymbol(e.target.value)} autoFocus={!editing} maxLength={32} placeholder="NVDA" />
      </label>
      <label>
        Account
        <select value={accountId} onChange={(e) => setAccountId(e.target.value)}>
          {props.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="span-2">
        Name (optional)
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} placeholder="NVIDIA Corporation" />
      </label>
      <label>
        Quantity
        <input value={quantity} onChange={(e) => setQuantity(e.target.value)} inputMode="decimal" autoFocus={!!editing} placeholder="100" />
      </label>
      <label>
        Price
        <input value={price} onChange={(e) => setPrice(e.target.value)} inputMode="decimal" placeholder="138.79" />
      </label>
      <label>
        Cost basis (total, optional)
        <input value={costBasis} onChange={(e) => setCostBasis(e.target.value)} inputMode="decimal" />
      </label>
      <label>
        Currency
        <input value={currency} onChange={(e) => setCurrency(e.target.value)} maxLength={3} />
      </label>
      <label>
        Asset class
        <select value={assetClass} onChange={(e) => setAssetClass(e.target.value as AssetClass)}>
          {ASSET_CLASSES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      {option && (
        <>
          <p className="muted span-2" role="status">
            Option: {optionLabel(option)}. Quantity is contracts (negative when written); price is per contract (the premium × shares per
            contract). The stress test revalues it with Black–Scholes on its underlying’s shocked price (European approximation, dividends
            ignored), at the volatility below, else the underlying’s 60-day historical volatility (shown as estimated).
          </p>
          <label>
            Shares per contract
            <input value={multiplier} onChange={(e) => setMultiplier(e.target.value)} inputMode="decimal" />
          </label>
          <label>
            Volatility % (optional)
            <input value={volatility} onChange={(e) => setVolatility(e.target.value)} inputMode="decimal" placeholder="estimated" />
          </label>
        </>
      )}
      {isShort && (
        <label className="check span-2">
          <input type="checkbox" checked={isShortIntended} onChange={(e) => setShortIntended(e.target.checked)} /> This is an intended short
          position (not a mistake or a history that starts mid-way)
        </label>
      )}
    </FormDialog>
  );
}
