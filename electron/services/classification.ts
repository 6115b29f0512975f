import type { Database } from 'better-sqlite3';
import { blankClassification, blankLayer } from '../../shared/domain/classification';
import { indexFund } from '../../shared/domain/index-funds';
import { leveragedClassification, leveragedEtf } from '../../shared/domain/leveraged-etfs';
import { CLASSIFICATION_FIELDS, type ClassificationLayer, type SecurityDetail, type Theme } from '../../shared/domain/reference';
import type { RequestOf } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { listQuotes } from '../db/quotes';
import { deleteUserLayer, listSecurityLayers, upsertSecurityLayer } from '../db/securities';
import { deleteSecurityThemes, getTheme, insertSecurityTheme, listThemes, upsertTheme } from '../db/themes';
import { bundledEtfFacts } from './bundled-reference';
import { loadClassifications, loadFunds } from './reference';

type Patch = RequestOf<'securities:classify'>['patch'];

/** Everything known about one symbol: merged classification, its layers, fund holdings, quote and history. */
export function getSecurityDetail(db: Database, symbol: string): SecurityDetail {
  const leverage = leveragedEtf(symbol);
  const classification =
    loadClassifications(db, [symbol])[symbol] ??
    (leverage ? leveragedClassification(leverage, loadClassifications(db, [leverage.standIn])[leverage.standIn]) : undefined);
  const layers = listSecurityLayers(db, [symbol]);
  const [quote] = listQuotes(db, [symbol]);
  const history = db
    .prepare('SELECT MIN(date) AS first, MAX(date) AS last, COUNT(*) AS count FROM prices WHERE symbol = :symbol')
    .get({ symbol }) as { first: string | null; last: string; count: number };
  return {
    symbol,
    isKnown: layers.length > 0 || leverage !== null || indexFund(symbol) !== null,
    classification: classification ?? blankClassification(symbol),
    layers,
    fund: loadFunds(db, [symbol])[symbol] ?? null,
    leverage,
    indexFund: indexFund(symbol),
    etf: bundledEtfFacts(db, symbol),
    quote: quote ? { price: quote.price, currency: quote.currency, asOf: quote.asOf } : null,
    history: history.first ? { first: history.first, last: history.last, count: history.count } : null,
  };
}

/**
 * Applies a user override in one transaction: a value sets a field, null removes the user's value.
 * `themes` replaces the symbol's theme tags; every theme must exist. Overrides live in their own
 * layer, so bundled re-loads and market-data refreshes never touch them.
 */
export function classifySecurity(db: Database, symbol: string, patch: Patch, today: string): SecurityDetail {
  return db.transaction(() => {
    const current: ClassificationLayer = listSecurityLayers(db, [symbol]).find((l) => l.source === 'user') ?? blankLayer(symbol, 'user');
    const next = { ...current };
    for (const field of CLASSIFICATION_FIELDS) {
      if (patch[field] !== undefined) Object.assign(next, { [field]: patch[field] });
    }
    if (patch.themes !== undefined) {
      deleteSecurityThemes(db, 'user', symbol);
      next.themesOverride = patch.themes !== null;
      for (const id of patch.themes ?? []) {
        if (!getTheme(db, id)) {
          throw new AppError(
            'validation',
            `There is no theme "${id}"; create it first or pick one of: ${listThemes(db)
              .map((t) => t.id)
              .join(', ')}.`,
          );
        }
        insertSecurityTheme(db, symbol, id, 'user');
      }
    }
    next.asOf = today;
    const isEmpty = CLASSIFICATION_FIELDS.every((f) => next[f] === null) && !next.themesOverride;
    if (isEmpty) deleteUserLayer(db, symbol);
    else upsertSecurityLayer(db, next);
    return getSecurityDetail(db, symbol);
  })();
}

/** Removes every user override of a symbol. */
export function resetClassification(db: Database, symbol: string): SecurityDetail {
  db.transaction(() => deleteUserLayer(db, symbol))();
  return getSecurityDetail(db, symbol);
}

/** Turns a theme name into its id: "Nuclear & SMRs" → "nuclear-smrs". */
export function themeIdOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

/** Creates a user theme; its id is derived from the name and must be new. */
export function createUserTheme(db: Database, name: string, criteria = ''): Theme {
  const id = themeIdOf(name);
  if (!id) throw new AppError('validation', `The theme name "${name}" needs at least one letter or digit.`);
  const existing = getTheme(db, id);
  if (existing) throw new AppError('conflict', `A theme "${existing.name}" (id ${id}) already exists; choose another name.`);
  const theme: Theme = { id, name, criteria, source: 'user' };
  upsertTheme(db, theme);
  return theme;
}
