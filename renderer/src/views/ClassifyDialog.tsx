import { useEffect, useState } from 'react';
import type { SecurityDetail } from '../../../shared/domain/reference';
import { indexFundText } from '../../../shared/domain/index-funds';
import { Dialog, DialogActions } from '../components/Dialog';
import { usePick } from '../store/store';
import { DurationField } from './DurationField';
import { EDITABLE_FIELDS, formFrom, patchFrom, sourceLabel, type ClassifyForm } from './classification-display';

const LABELS = { sector: 'Sector', industry: 'Industry', country: 'Country', name: 'Name' } as const;

/** Edits the user's overrides of a symbol's classification; shows the source of each field. */
export function ClassifyDialog(props: { symbol: string; onClose: () => void }) {
  const { showSecurity, classify, resetClassification, createTheme, reference } = usePick(
    'showSecurity',
    'classify',
    'resetClassification',
    'createTheme',
    'reference',
  );
  const [detail, setDetail] = useState<SecurityDetail | null>(null);
  const [form, setForm] = useState<ClassifyForm | null>(null);
  const [newTheme, setNewTheme] = useState('');

  useEffect(() => {
    void showSecurity(props.symbol).then((d) => {
      setDetail(d);
      if (d) setForm(formFrom(d.classification));
    });
  }, [props.symbol, showSecurity]);

  const themes = reference?.themes ?? [];
  const c = detail?.classification;
  const patch = form && c ? patchFrom(form, c) : null;
  const hasUserLayer = detail?.layers.some((l) => l.source === 'user') ?? false;

  return (
    <Dialog title={`Classify ${props.symbol}`} onClose={props.onClose} wide>
      {!form || !c ? (
        <p className="muted">Loading…</p>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (patch) void classify(props.symbol, patch).then((ok) => ok && props.onClose());
          }}
        >
          {!detail?.isKnown && (
            <p className="banner warn">No data source knows {props.symbol}. What you enter here is used for exposure and scenarios.</p>
          )}
          {detail?.indexFund && <p className="small muted">{indexFundText(detail.indexFund)}</p>}
          {detail?.etf && (
            <p className="small muted">
              ETF master: {detail.etf.issuer}; follows{' '}
              {detail.etf.index === 'Actively managed' ? 'no index (actively managed)' : `the ${detail.etf.index} index`}; region{' '}
              {detail.etf.region}. Source: {detail.etf.source} (as of {detail.etf.asOf}).
            </p>
          )}
          {EDITABLE_FIELDS.map((field) => (
            <label key={field}>
              {LABELS[field]} <span className="muted">({sourceLabel(c.sources[field])})</span>
              <input value={form[field]} maxLength={200} onChange={(e) => setForm({ ...form, [field]: e.target.value })} />
            </label>
          ))}
          <fieldset className="themes">
            <legend>
              Themes <span className="muted">({sourceLabel(c.sources.themes)})</span>
            </legend>
            {themes.map((t) => (
              <label key={t.id} className="check" title={t.criteria}>
                <input
                  type="checkbox"
                  checked={form.themes.includes(t.id)}
                  onChange={(e) =>
                    setForm({ ...form, themes: e.target.checked ? [...form.themes, t.id] : form.themes.filter((x) => x !== t.id) })
                  }
                />
                {t.name}
              </label>
            ))}
            <span className="inline">
              <input
                placeholder="New theme name"
                value={newTheme}
                maxLength={80}
                onChange={(e) => setNewTheme(e.target.value)}
                aria-label="New theme name"
              />
              <button
                type="button"
                disabled={!newTheme.trim()}
                onClick={() =>
                  void createTheme(newTheme.trim()).then((id) => {
                    if (id) {
                      setForm({ ...form, themes: [...form.themes, id] });
                      setNewTheme('');
                    }
                  })
                }
              >
                Add theme
              </button>
            </span>
          </fieldset>
          {(c.type === 'bond-fund' || c.duration) && <DurationField symbol={props.symbol} current={c.duration} />}
          <p className="muted">
            Your changes are kept when bundled or market data is refreshed. Empty a field you set to go back to the data.
          </p>
          <DialogActions
            onCancel={props.onClose}
            lead={
              hasUserLayer && (
                <button
                  type="button"
                  className="danger"
                  onClick={() => void resetClassification(props.symbol).then((ok) => ok && props.onClose())}
                >
                  Reset to data
                </button>
              )
            }
          >
            <button type="submit" className="primary" disabled={!patch}>
              Save
            </button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}
