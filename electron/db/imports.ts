import type { Database } from 'better-sqlite3';
import type { ImportSummary } from '../../shared/domain/types';
import { nameKey, nameResolver, type NameMatch } from '../../shared/import/names';
import { found } from './errors';

/** Reads imports as the domain type: the columns are named as its fields. */
const SELECT = `SELECT id, portfolio_id AS portfolioId, file_name AS fileName, sha256, format, kind, row_count AS rowCount,
                       imported_count AS importedCount, invalid_count AS invalidCount, created_at AS createdAt,
                       undone_at AS undoneAt FROM imports`;

/** Records an import; returns its id. */
export function insertImport(
  db: Database,
  input: Omit<ImportSummary, 'id' | 'createdAt' | 'undoneAt' | 'portfolioId'> & { portfolioId: number },
): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO imports (portfolio_id, file_name, sha256, format, kind, row_count, imported_count, invalid_count)
       VALUES (:portfolioId, :fileName, :sha256, :format, :kind, :rowCount, :importedCount, :invalidCount)`,
    )
    .run(input);
  return Number(lastInsertRowid);
}

/** One import, or a not-found error. */
export function getImport(db: Database, id: number): ImportSummary {
  return found(db.prepare(`${SELECT} WHERE id = :id`).get({ id }) as ImportSummary | undefined, 'Import', id);
}

/** Imports into a portfolio, newest first. */
export function listImports(db: Database, portfolioId: number): ImportSummary[] {
  return db.prepare(`${SELECT} WHERE portfolio_id = :portfolioId ORDER BY id DESC`).all({ portfolioId }) as ImportSummary[];
}

/** The latest import of the same file contents into a portfolio that is still in effect. */
export function findImportBySha(db: Database, portfolioId: number, sha256: string): ImportSummary | undefined {
  return db
    .prepare(`${SELECT} WHERE portfolio_id = :portfolioId AND sha256 = :sha256 AND undone_at IS NULL ORDER BY id DESC LIMIT 1`)
    .get({ portfolioId, sha256 }) as ImportSummary | undefined;
}

/** Remembers which accounts an import touched and whether it created them. */
export function insertImportAccount(db: Database, importId: number, accountId: number, isCreated: boolean): void {
  db.prepare('INSERT INTO import_accounts (import_id, account_id, is_created) VALUES (:importId, :accountId, :isCreated)').run({
    importId,
    accountId,
    isCreated: isCreated ? 1 : 0,
  });
}

/** Accounts an import touched. */
export function listImportAccounts(db: Database, importId: number): { accountId: number; isCreated: boolean }[] {
  const rows = db.prepare('SELECT account_id, is_created FROM import_accounts WHERE import_id = :importId').all({ importId }) as {
    account_id: number;
    is_created: number;
  }[];
  return rows.map((r) => ({ accountId: r.account_id, isCreated: r.is_created === 1 }));
}

/** Copies an account's current positions aside so the import can be undone, then deletes them. */
export function replaceAccountPositions(db: Database, importId: number, accountId: number): number {
  db.prepare(
    `INSERT INTO import_replaced (import_id, account_id, symbol, name, asset_class, quantity, price, market_value,
                                  cost_basis, currency, as_of, source_import_id, position_id, is_short_intended, multiplier,
                                  volatility)
     SELECT :importId, account_id, symbol, name, asset_class, quantity, price, market_value, cost_basis, currency,
            as_of, import_id, id, is_short_intended, multiplier, volatility FROM positions WHERE account_id = :accountId`,
  ).run({ importId, accountId });
  return db.prepare('DELETE FROM positions WHERE account_id = :accountId').run({ accountId }).changes;
}

/**
 * Puts back the positions an import replaced, under their own ids; a position whose id another one took meanwhile
 * (or undo data older than schema 10) gets a new id. Returns how many. Call inside a transaction.
 */
export function restoreReplacedPositions(db: Database, importId: number): number {
  // SQLite reads the whole SELECT before inserting (it reads the table it inserts into), and the rows keeping their
  // ids go first: a new id is max(id) + 1, which could otherwise be an id still to be restored.
  return db
    .prepare(
      `INSERT INTO positions (id, account_id, symbol, name, asset_class, quantity, price, market_value, cost_basis,
                              currency, as_of, import_id, is_short_intended, multiplier, volatility)
       SELECT CASE WHEN EXISTS (SELECT 1 FROM positions p WHERE p.id = r.position_id) THEN NULL ELSE r.position_id END AS kept_id,
              r.account_id, r.symbol, r.name, r.asset_class, r.quantity, r.price, r.market_value, r.cost_basis,
              r.currency, r.as_of, r.source_import_id, r.is_short_intended, r.multiplier, r.volatility
       FROM import_replaced r JOIN accounts a ON a.id = r.account_id WHERE r.import_id = :importId
       ORDER BY kept_id IS NULL, r.rowid`,
    )
    .run({ importId }).changes;
}

/** Deletes the positions an import wrote, wherever they were moved since; returns how many. A scan: undo is rare, imports are not. */
export function deleteImportPositions(db: Database, importId: number): number {
  return db.prepare('DELETE FROM positions WHERE import_id = :importId').run({ importId }).changes;
}

/** Marks an import undone and drops its undo data. */
export function markImportUndone(db: Database, importId: number): void {
  db.prepare("UPDATE imports SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = :importId").run({ importId });
  db.prepare('DELETE FROM import_replaced WHERE import_id = :importId').run({ importId });
}

/** The newest import still in effect that touched any of the given accounts after the given import. */
export function findLaterImport(db: Database, importId: number): ImportSummary | undefined {
  return db
    .prepare(
      `${SELECT} WHERE undone_at IS NULL AND id > :importId AND id IN (
         SELECT import_id FROM import_accounts WHERE account_id IN (
           SELECT account_id FROM import_accounts WHERE import_id = :importId))
       ORDER BY id DESC LIMIT 1`,
    )
    .get({ importId }) as ImportSummary | undefined;
}

/**
 * A lookup from ISIN to ticker (prepared once): a security that carries the ISIN (a user's entry or market data first),
 * else the bundled ISIN table's listings. Of several listings the one in the row's currency wins (VWRL.L for GBP,
 * VWRL.AS for EUR), then a US listing, then London, Amsterdam, Xetra.
 */
export function symbolByIsinLookup(db: Database): (isin: string, currency?: string) => string | undefined {
  const security = db
    .prepare(
      `SELECT symbol FROM securities WHERE isin = :isin
       ORDER BY CASE source WHEN 'user' THEN 0 WHEN 'market-data' THEN 1 ELSE 2 END, symbol LIMIT 1`,
    )
    .pluck();
  const listing = db
    .prepare(
      `SELECT symbol FROM isin_listings WHERE isin = :isin
       ORDER BY currency = :currency DESC, origin = 'master' DESC, origin = 'curated' DESC,
         CASE exchange WHEN 'London Stock Exchange' THEN 0 WHEN 'Euronext Amsterdam' THEN 1 WHEN 'Xetra' THEN 2 ELSE 3 END, symbol
       LIMIT 1`,
    )
    .pluck();
  return (isin, currency) =>
    ((security.get({ isin }) ?? listing.get({ isin, currency: currency ?? '' })) as string | undefined) ?? undefined;
}

/**
 * A lookup from a security's name to its symbol (for files that name securities only by free text): every named
 * security in the master (bundled, market data and the user's entries) and every holding the user has given a
 * symbol of its own (a holding first kept under its description and renamed in Holdings), matched as nameResolver
 * says. Holdings still kept under their description are no answer.
 */
export function symbolByNameLookup(db: Database): (name: string) => NameMatch {
  let resolve: ((name: string) => NameMatch) | undefined;
  // Built on first use: only layouts without tickers or ISINs ask.
  return (name) => {
    if (!resolve) {
      const named = db
        .prepare(
          `SELECT symbol, name FROM securities WHERE name IS NOT NULL AND name <> ''
           UNION SELECT symbol, name FROM positions WHERE name <> '' AND asset_class <> 'cash'`,
        )
        .all() as { symbol: string; name: string }[];
      resolve = nameResolver(named.filter((s) => s.symbol !== nameKey(s.name)));
    }
    return resolve(name);
  };
}

/**
 * Ids of the positions a transaction history created (a negative one there means the history starts mid-way), in one
 * portfolio or (without one) in every portfolio.
 */
export function listHistoryPositionIds(db: Database, portfolioId?: number): Set<number> {
  const rows = db
    .prepare(
      `SELECT p.id FROM positions p JOIN accounts a ON a.id = p.account_id JOIN imports i ON i.id = p.import_id
       WHERE (:portfolioId IS NULL OR a.portfolio_id = :portfolioId) AND i.kind = 'transactions' AND i.undone_at IS NULL`,
    )
    .pluck()
    .all({ portfolioId: portfolioId ?? null }) as number[];
  return new Set(rows);
}
