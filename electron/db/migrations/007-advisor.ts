import type { Migration } from './types';

/** Advisor workflows: people and tags on clients, proposal sandboxes, saved firm-wide runs. */
export const advisor: Migration = {
  version: 7,
  name: 'advisor workflows',
  up(db) {
    db.exec(`
      ALTER TABLE clients ADD COLUMN people TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(people) AND json_type(people) = 'array');

      CREATE TABLE client_tags (
        client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (client_id, tag)
      ) WITHOUT ROWID, STRICT;
      CREATE INDEX client_tags_tag ON client_tags (tag);

      CREATE TABLE proposals (
        id INTEGER PRIMARY KEY,
        portfolio_id INTEGER NOT NULL REFERENCES portfolios (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX proposals_portfolio ON proposals (portfolio_id);

      CREATE TABLE proposal_positions (
        id INTEGER PRIMARY KEY,
        proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
        account_name TEXT NOT NULL,
        symbol TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        asset_class TEXT NOT NULL DEFAULT 'equity'
          CHECK (asset_class IN ('equity', 'fund', 'bond', 'cash', 'crypto', 'other')),
        quantity REAL NOT NULL,
        price REAL CHECK (price IS NULL OR price >= 0),
        market_value REAL,
        cost_basis REAL,
        currency TEXT NOT NULL,
        as_of TEXT,
        CHECK (price IS NOT NULL OR market_value IS NOT NULL)
      ) STRICT;
      CREATE INDEX proposal_positions_proposal ON proposal_positions (proposal_id);

      CREATE TABLE firm_runs (
        id INTEGER PRIMARY KEY,
        run_date TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        scenario_ids TEXT NOT NULL CHECK (json_valid(scenario_ids)),
        tag TEXT,
        client_count INTEGER NOT NULL,
        ranking TEXT NOT NULL CHECK (json_valid(ranking))
      ) STRICT;
      CREATE INDEX firm_runs_date ON firm_runs (run_date);
    `);
  },
};
