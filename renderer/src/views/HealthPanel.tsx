import { useId, useState } from 'react';
import { countOf } from '../../../shared/format';
import { DEFAULT_STALE_DAYS, spanText, type HealthFinding, type HealthReport } from '../../../shared/health';
import { SettingForm, useSettingDraft } from '../components/SettingForm';
import { setStaleDays } from '../store/commands';
import { useStore } from '../store/store';
import { healthHeadline, worstFirst } from './health-display';

/** One finding: severity, sentence, and what to do. */
function FindingItem(props: { finding: HealthFinding }) {
  const f = props.finding;
  return (
    <li className={`finding ${f.severity}`}>
      <span className={`severity ${f.severity}`}>
        {f.severity === 'blocking' ? 'Blocking' : f.severity === 'warning' ? 'Warning' : 'Info'}
      </span>
      <span>
        {f.sentence} <span className="muted">{f.fix}</span>
      </span>
    </li>
  );
}

/** Every finding, worst first, with the dates the numbers rest on. */
export function HealthList(props: { health: HealthReport; extra?: readonly HealthFinding[]; id?: string; hideDates?: boolean }) {
  const findings = worstFirst([...props.health.findings, ...(props.extra ?? [])]);
  const { prices, fundHoldings, scenario } = props.health.asOf;
  return (
    <div className="health-list" id={props.id}>
      {findings.length === 0 ? (
        <p className="muted small">No findings: nothing in the data makes these numbers doubtful.</p>
      ) : (
        <ul>
          {findings.map((f, i) => (
            <FindingItem key={`${f.code}-${i}`} finding={f} />
          ))}
        </ul>
      )}
      {!props.hideDates && (
        <p className="muted small" data-testid="health-dates">
          Prices as of {spanText(prices)} · fund holdings as of {spanText(fundHoldings, 'none used')}
          {scenario ? ` · scenario as of ${scenario}` : ''}
        </p>
      )}
      {!props.hideDates && <StaleDays days={props.health.staleDays} />}
    </div>
  );
}

/**
 * How old a price may be before the check flags it (one setting for every portfolio), and a way to change it: a
 * desk that trades daily wants a day or two, a book of funds priced monthly a month. The check then runs again.
 */
export function StaleDays(props: { days: number }) {
  const { draft, setDraft, save } = useSettingDraft(setStaleDays, () => useStore.getState().loadHealth());
  const typed = draft === null ? NaN : Number(draft.trim());
  const isValid = Number.isInteger(typed) && typed >= 1 && typed <= 3650;
  return (
    <SettingForm
      className="stale-days"
      statement={`Prices more than ${countOf(props.days, 'day')} old are flagged${props.days === DEFAULT_STALE_DAYS ? ' (the default)' : ''}.`}
      changeLabel="Change"
      current={String(props.days)}
      label="Flag prices older than, in days (every portfolio)"
      draft={draft}
      inputMode="numeric"
      isValid={isValid}
      expected="A whole number of days from 1 to 3,650."
      onDraft={setDraft}
      onSave={() => save(typed)}
      reset={
        props.days === DEFAULT_STALE_DAYS
          ? undefined
          : { label: `Use ${DEFAULT_STALE_DAYS} (default)`, onReset: () => save(DEFAULT_STALE_DAYS) }
      }
    />
  );
}

/** The Holdings header's data-health badge; it opens the list of findings. */
export function HealthBadge(props: { health: HealthReport }) {
  const [open, setOpen] = useState(props.health.verdict === 'blocked');
  const listId = useId();
  const { verdict } = props.health;
  return (
    <div className="health">
      <button
        type="button"
        className={`health-badge ${verdict}`}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        data-testid="health-badge"
      >
        {healthHeadline(props.health)}
      </button>
      {open && <HealthList health={props.health} id={listId} />}
    </div>
  );
}

/** The Results banner: what makes this result wrong or doubtful (the portfolio's findings and this scenario's). */
export function HealthBanner(props: { health: HealthReport; extra: readonly HealthFinding[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const shown = worstFirst([...props.health.findings, ...props.extra]).filter((f) => f.severity !== 'info');
  if (shown.length === 0) return null;
  const blocking = shown.filter((f) => f.severity === 'blocking').length;
  return (
    <div className={blocking ? 'banner health-banner blocked' : 'banner health-banner warn'} role="status" data-testid="health-banner">
      <p>
        <strong>
          {blocking
            ? `These numbers are wrong until ${countOf(blocking, 'finding')} ${blocking === 1 ? 'is' : 'are'} fixed:`
            : 'Check before relying on these numbers:'}
        </strong>{' '}
        {shown[0].sentence}
        {/* The sentence ends in its own full stop, so the count is a sentence of its own. */}
        {shown.length > 1 && ` And ${countOf(shown.length - 1, 'more finding')}.`}{' '}
        <button type="button" className="link" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show all'}
        </button>
      </p>
      {open && <HealthList health={props.health} extra={props.extra} id={listId} hideDates />}
    </div>
  );
}
