/**
 * The SQLite schema, one entry per version: entry i takes PRAGMA user_version from i to i + 1.
 * Never edit a shipped entry; add the next one. Column names match postgresMigrations.ts so
 * rows.ts maps both.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE workshops (
    id TEXT PRIMARY KEY,
    join_code TEXT NOT NULL UNIQUE,
    facilitator_secret_hash TEXT NOT NULL,
    settings TEXT NOT NULL CHECK (json_valid(settings)),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finished')),
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE workshop_participants (
    workshop_id TEXT NOT NULL REFERENCES workshops (id),
    participant_id TEXT NOT NULL,
    display_name TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    joined_at INTEGER NOT NULL,
    left_workshop INTEGER NOT NULL DEFAULT 0 CHECK (left_workshop IN (0, 1)),
    PRIMARY KEY (workshop_id, participant_id)
  ) STRICT;

  CREATE TABLE workshop_rounds (
    workshop_id TEXT NOT NULL REFERENCES workshops (id),
    round INTEGER NOT NULL CHECK (round >= 1),
    scenario_id TEXT NOT NULL,
    settings TEXT NOT NULL CHECK (json_valid(settings)),
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    PRIMARY KEY (workshop_id, round)
  ) STRICT;

  CREATE TABLE game_tables (
    code TEXT PRIMARY KEY,
    scenario_id TEXT NOT NULL,
    seed TEXT NOT NULL,
    draw_seed TEXT NOT NULL,
    options TEXT NOT NULL CHECK (json_valid(options)),
    created_at INTEGER NOT NULL,
    workshop_id TEXT REFERENCES workshops (id),
    workshop_round INTEGER,
    buyer_token_hash TEXT,
    buyer_name TEXT,
    seller_token_hash TEXT,
    seller_name TEXT,
    facilitator_secret_hash TEXT,
    bot TEXT CHECK (bot IS NULL OR json_valid(bot)),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finished')),
    owner TEXT,
    lease_until INTEGER,
    finished_at INTEGER,
    outcome TEXT CHECK (outcome IS NULL OR json_valid(outcome)),
    score TEXT CHECK (score IS NULL OR json_valid(score)),
    CHECK ((workshop_id IS NULL) = (workshop_round IS NULL)),
    CHECK ((owner IS NULL) = (lease_until IS NULL)),
    CHECK ((status = 'finished') = (finished_at IS NOT NULL AND outcome IS NOT NULL AND score IS NOT NULL))
  ) STRICT;
  CREATE INDEX game_tables_open ON game_tables (created_at) WHERE status = 'open';
  CREATE INDEX game_tables_finished ON game_tables (workshop_id, workshop_round, finished_at) WHERE status = 'finished';
  CREATE INDEX game_tables_owner ON game_tables (owner) WHERE owner IS NOT NULL;

  CREATE TABLE table_actions (
    code TEXT NOT NULL REFERENCES game_tables (code),
    seq INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (json_valid(action)),
    at INTEGER NOT NULL,
    PRIMARY KEY (code, seq)
  ) STRICT, WITHOUT ROWID;

  -- The log has no holes: seq 1 starts it and every later seq needs its predecessor.
  CREATE TRIGGER table_actions_no_gap BEFORE INSERT ON table_actions
  WHEN NEW.seq <> 1 AND NOT EXISTS (SELECT 1 FROM table_actions WHERE code = NEW.code AND seq = NEW.seq - 1)
  BEGIN
    SELECT RAISE(ABORT, 'table_actions_no_gap');
  END;
  `,
  `
  -- A table's game starts when both seats first fill: the engine's clock starts then, so replay
  -- needs that time. A table that stood empty and was given up before it started is closed.
  ALTER TABLE game_tables ADD COLUMN started_at INTEGER;
  ALTER TABLE game_tables ADD COLUMN closed_at INTEGER;
  CREATE INDEX game_tables_running ON game_tables (lease_until) WHERE status = 'open' AND started_at IS NOT NULL AND closed_at IS NULL;
  `,
  `
  -- A workshop is rebuilt from the store after a restart: it must know whom the facilitator
  -- removed, and who sat at which table of each round and who watched which.
  ALTER TABLE workshop_participants ADD COLUMN removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1));
  ALTER TABLE workshop_rounds ADD COLUMN seating TEXT CHECK (seating IS NULL OR json_valid(seating));
  `,
  `
  -- What the facilitator told the class: shown again to everyone after a restart.
  CREATE TABLE workshop_broadcasts (
    workshop_id TEXT NOT NULL REFERENCES workshops (id),
    at INTEGER NOT NULL,
    text TEXT NOT NULL
  ) STRICT;
  CREATE INDEX workshop_broadcasts_by_workshop ON workshop_broadcasts (workshop_id, at);
  `,
  `
  -- The scenario library: every save of a scenario is a new immutable version, and a table or a
  -- workshop round keeps the version it was opened with. Rows from before the library get
  -- version 1: the shipped scenario as this build stores it at its first start.
  CREATE TABLE scenarios (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL CHECK (origin IN ('shipped', 'operator', 'author')),
    edit_key_hash TEXT,
    latest_version INTEGER NOT NULL DEFAULT 1 CHECK (latest_version >= 1),
    created_at INTEGER NOT NULL,
    CHECK ((origin = 'author') = (edit_key_hash IS NOT NULL))
  ) STRICT;
  CREATE INDEX scenarios_by_edit_key ON scenarios (edit_key_hash) WHERE edit_key_hash IS NOT NULL;
  CREATE TABLE scenario_versions (
    id TEXT NOT NULL REFERENCES scenarios (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    document TEXT NOT NULL CHECK (json_valid(document)),
    saved_at INTEGER NOT NULL,
    PRIMARY KEY (id, version)
  ) STRICT, WITHOUT ROWID;
  ALTER TABLE game_tables ADD COLUMN scenario_version INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE workshop_rounds ADD COLUMN scenario_version INTEGER NOT NULL DEFAULT 1;
  `,
];
