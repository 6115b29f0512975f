import type { ImportPreview } from '../../../shared/import/types';
import { usePick } from '../store/store';
import { IMPORT_CURRENCIES, currencyQuestion } from './import-view';

/** Asks the currency of a file that names none; required when none was known (see currencyQuestion). */
export function ImportCurrency({ preview, busy }: { preview: ImportPreview; busy: boolean }) {
  const { importCurrency, chooseImportCurrency } = usePick('importCurrency', 'chooseImportCurrency');
  const question = currencyQuestion(preview, importCurrency);
  if (!question.isAsked) return null;
  const offered =
    question.value && !(IMPORT_CURRENCIES as readonly string[]).includes(question.value)
      ? [question.value, ...IMPORT_CURRENCIES]
      : IMPORT_CURRENCIES;
  return (
    <p className={question.isRequired ? 'banner warn' : 'muted'} data-testid="import-currency">
      <label>
        {question.isRequired ? 'This file names no currency. Its amounts are in ' : 'This file names no currency; its amounts are read in '}
        <select
          aria-label="Currency of the file"
          value={question.value}
          disabled={busy}
          onChange={(e) => {
            if (e.target.value) void chooseImportCurrency(e.target.value);
          }}
        >
          {question.isRequired && <option value="">choose…</option>}
          {offered.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      {question.isRequired ? ' (choose one to import it).' : '.'}
    </p>
  );
}
