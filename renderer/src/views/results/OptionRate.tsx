import type { StressResult } from '../../../../shared/engine';
import { DEFAULT_OPTION_RATE } from '../../../../shared/engine/options-pass';
import { formatPercent } from '../../../../shared/format';
import { SettingForm, useSettingDraft } from '../../components/SettingForm';
import { setOptionRate } from '../../store/commands';
import { useStore } from '../../store/store';

/**
 * The interest rate the portfolio's options were revalued at, and a way to change it (one setting for every
 * portfolio): the result is recomputed with the new rate. Nothing is shown when no option was revalued.
 */
export function OptionRate({ result }: { result: StressResult }) {
  const rate = result.positions.find((p) => p.option)?.option?.rate;
  const { draft, setDraft, save } = useSettingDraft(setOptionRate, () => useStore.getState().loadSnapshot());
  if (rate === undefined) return null;
  const typed = draft === null ? NaN : Number(draft.replace(',', '.'));
  const isValid = Number.isFinite(typed) && typed > -5 && typed < 50;
  return (
    <SettingForm
      className="option-rate"
      statement={`Options are revalued (Black–Scholes) at a ${formatPercent(rate, 2)} interest rate.`}
      changeLabel="Change the rate"
      current={String(Math.round(rate * 10_000) / 100)}
      label="Interest rate for options, in % (every portfolio)"
      draft={draft}
      inputMode="decimal"
      isValid={isValid}
      expected="A rate above −5% and below 50%."
      onDraft={setDraft}
      onSave={() => save(typed / 100)}
      reset={{ label: `Use ${formatPercent(DEFAULT_OPTION_RATE, 0)} (default)`, onReset: () => save(null) }}
    />
  );
}
