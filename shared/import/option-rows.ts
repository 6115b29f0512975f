import { parseOccSymbol, type OptionContract } from '../domain/options';

/**
 * Option rows in broker exports and generic files: the symbol or description cell written as a listed option
 * contract, in the forms brokers use. Kept apart from the row reader so the import pipeline only asks "is this an
 * option?" and gets the contract (stored under its OCC symbol, `occSymbol` in shared/domain/options.ts).
 *
 * - OCC: "NVDA  250620C00150000", "NVDA250620C00150000" (IBKR's symbol column, most APIs)
 * - Fidelity: " -NVDA250620C150", "-NVDA250620P152.5" (short or long alike; the sign is in the quantity)
 * - Schwab: "NVDA 06/20/2025 150.00 C"
 * - IBKR's description: "NVDA 20JUN25 150 C"
 * - Spelled out: "NVDA Jun 20 2025 150 Call", "NVDA Jun 20 '25 $150 Put"
 *
 * The multiplier is 100 unless the text states another ("(10 SHS)", "multiplier 10").
 */

const ROOT = '([A-Z][A-Z0-9.]{0,5})';
const STRIKE = '\\$?(\\d+(?:\\.\\d+)?)';
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

const FIDELITY = new RegExp(`^-?\\s*${ROOT}(\\d{2})(\\d{2})(\\d{2})([CP])(\\d+(?:\\.\\d+)?)$`);
const SCHWAB = new RegExp(`^${ROOT}\\s+(\\d{1,2})/(\\d{1,2})/(\\d{4})\\s+${STRIKE}\\s+([CP])$`);
const IBKR = new RegExp(`^${ROOT}\\s+(\\d{1,2})([A-Z]{3})(\\d{2})\\s+${STRIKE}\\s+([CP])$`);
const SPELLED = new RegExp(`^${ROOT}\\s+([A-Z]{3})[A-Z]*\\.?\\s+(\\d{1,2}),?\\s+'?(\\d{4}|\\d{2})\\s+${STRIKE}\\s+(CALL|PUT)S?$`);
const MAY_NAME_OPTION = /(?:[CP][\d.]*|CALLS?|PUTS?)\s*$/i;
const HAS_DIGIT = /\d/;
const SHARES_PER_CONTRACT = /\((\d+(?:\.\d+)?)\s*SHS?\)|\bMULTIPLIER\s*:?\s*(\d+(?:\.\d+)?)/;

/** A calendar date from its parts, or null when it is not one (31 June). */
function dateOf(year: number, month: number, day: number): string | null {
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso ? null : iso;
}

function contract(root: string, expiry: string | null, strike: string, right: string, multiplier: number): OptionContract | null {
  const k = Number(strike);
  if (!expiry || !Number.isFinite(k) || k <= 0) return null;
  return { underlying: root, expiry, strike: k, right: right.startsWith('C') ? 'call' : 'put', multiplier };
}

const year2 = (yy: string) => 2000 + Number(yy);

/** The contract one text names, in any of the forms above; null when it names none. */
export function optionFromText(text: string, multiplier = 100): OptionContract | null {
  // Every form has a digit and ends in its right (C, P, CALL, PUT) or a strike after it: most cells are ruled out here.
  if (!MAY_NAME_OPTION.test(text) || !HAS_DIGIT.test(text)) return null;
  const t = text.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!t || t.length > 60) return null;
  // OCC keeps its root padding ("NVDA  250620…"); the collapsed form reads the same.
  const occ = parseOccSymbol(text.trim().toUpperCase(), multiplier) ?? parseOccSymbol(t.replace(/^-\s*/, ''), multiplier);
  if (occ) return occ;
  let m = FIDELITY.exec(t);
  if (m) return contract(m[1], dateOf(year2(m[2]), Number(m[3]), Number(m[4])), m[6], m[5], multiplier);
  m = SCHWAB.exec(t);
  if (m) return contract(m[1], dateOf(Number(m[4]), Number(m[2]), Number(m[3])), m[5], m[6], multiplier);
  m = IBKR.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[3]) + 1;
    return month ? contract(m[1], dateOf(year2(m[4]), month, Number(m[2])), m[5], m[6], multiplier) : null;
  }
  m = SPELLED.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2]) + 1;
    const year = m[4].length === 2 ? year2(m[4]) : Number(m[4]);
    return month ? contract(m[1], dateOf(year, month, Number(m[3])), m[5], m[6], multiplier) : null;
  }
  return null;
}

/**
 * The option a row holds: its symbol cell first, then its description (IBKR and Schwab put the contract in either),
 * with the shares per contract the description states ("(10 SHS)"), else 100.
 */
export function optionInRow(symbolCell: string, description: string): OptionContract | null {
  const found = optionFromText(symbolCell) ?? optionFromText(description);
  if (!found) return null;
  const stated = SHARES_PER_CONTRACT.exec(description.toUpperCase());
  const multiplier = stated ? Number(stated[1] ?? stated[2]) : 100;
  return multiplier > 0 ? { ...found, multiplier } : null;
}
