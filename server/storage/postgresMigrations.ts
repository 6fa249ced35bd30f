/**
 * The PostgreSQL schema, one entry per version (entry i brings schema_version from i to i + 1).
 * Never edit a shipped entry; add the next one. Column names match sqliteMigrations.ts so
 * rows.ts maps both.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE workshops (
    id text PRIMARY KEY,
    join_code text NOT NULL UNIQUE,
    facilitator_secret_hash text NOT NULL,
    settings jsonb NOT NULL,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finished')),
    created_at bigint NOT NULL
  );

  CREATE TABLE workshop_participants (
    workshop_id text NOT NULL REFERENCES workshops (id),
    participant_id text NOT NULL,
    display_name text NOT NULL,
    token_hash text NOT NULL,
    joined_at bigint NOT NULL,
    left_workshop boolean NOT NULL DEFAULT false,
    PRIMARY KEY (workshop_id, participant_id)
  );

  CREATE TABLE workshop_rounds (
    workshop_id text NOT NULL REFERENCES workshops (id),
    round integer NOT NULL CHECK (round >= 1),
    scenario_id text NOT NULL,
    settings jsonb NOT NULL,
    started_at bigint NOT NULL,
    ended_at bigint,
    PRIMARY KEY (workshop_id, round)
  );

  CREATE TABLE game_tables (
    code text PRIMARY KEY,
    scenario_id text NOT NULL,
    seed text NOT NULL,
    draw_seed text NOT NULL,
    options jsonb NOT NULL,
    created_at bigint NOT NULL,
    workshop_id text REFERENCES workshops (id),
    workshop_round integer,
    buyer_token_hash text,
    buyer_name text,
    seller_token_hash text,
    seller_name text,
    facilitator_secret_hash text,
    bot jsonb,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finished')),
    owner text,
    lease_until bigint,
    finished_at bigint,
    outcome jsonb,
    score jsonb,
    CHECK ((workshop_id IS NULL) = (workshop_round IS NULL)),
    CHECK ((owner IS NULL) = (lease_until IS NULL)),
    CHECK ((status = 'finished') = (finished_at IS NOT NULL AND outcome IS NOT NULL AND score IS NOT NULL))
  );
  CREATE INDEX game_tables_open ON game_tables (created_at) WHERE status = 'open';
  CREATE INDEX game_tables_finished ON game_tables (workshop_id, workshop_round, finished_at) WHERE status = 'finished';
  CREATE INDEX game_tables_owner ON game_tables (owner) WHERE owner IS NOT NULL;

  -- The log has no holes: every seq after 1 must find its predecessor (a foreign key onto the
  -- log itself, through a generated column that is NULL for seq 1 and so not checked).
  CREATE TABLE table_actions (
    code text NOT NULL REFERENCES game_tables (code),
    seq integer NOT NULL CONSTRAINT table_actions_seq_positive CHECK (seq >= 1),
    prev_seq integer GENERATED ALWAYS AS (CASE WHEN seq > 1 THEN seq - 1 END) STORED,
    action jsonb NOT NULL,
    at bigint NOT NULL,
    CONSTRAINT table_actions_pkey PRIMARY KEY (code, seq),
    CONSTRAINT table_actions_no_gap FOREIGN KEY (code, prev_seq) REFERENCES table_actions (code, seq)
  );
  `,
  `
  -- A table's game starts when both seats first fill: the engine's clock starts then, so replay
  -- needs that time. A table that stood empty and was given up before it started is closed.
  ALTER TABLE game_tables ADD COLUMN started_at bigint, ADD COLUMN closed_at bigint;
  -- The log keeps each action's JSON as written (jsonb would reorder its keys), so what a resumed
  -- table shows is what the players saw before.
  ALTER TABLE table_actions ALTER COLUMN action TYPE json USING action::json;
  CREATE INDEX game_tables_running ON game_tables (lease_until) WHERE status = 'open' AND started_at IS NOT NULL AND closed_at IS NULL;
  `,
  `
  -- A workshop is rebuilt from the store after a restart: it must know whom the facilitator
  -- removed, and who sat at which table of each round and who watched which.
  ALTER TABLE workshop_participants ADD COLUMN removed boolean NOT NULL DEFAULT false;
  ALTER TABLE workshop_rounds ADD COLUMN seating json;
  `,
  `
  -- What the facilitator told the class: shown again to everyone after a restart.
  CREATE TABLE workshop_broadcasts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workshop_id text NOT NULL REFERENCES workshops (id),
    at bigint NOT NULL,
    text text NOT NULL
  );
  CREATE INDEX workshop_broadcasts_by_workshop ON workshop_broadcasts (workshop_id, at);
  `,
  `
  -- The scenario library: every save of a scenario is a new immutable version, and a table or a
  -- workshop round keeps the version it was opened with. Rows from before the library get
  -- version 1: the shipped scenario as this build stores it at its first start. Documents are
  -- json, not jsonb, so an author reads back the fields in the order they were saved.
  CREATE TABLE scenarios (
    id text PRIMARY KEY,
    origin text NOT NULL CHECK (origin IN ('shipped', 'operator', 'author')),
    edit_key_hash text,
    latest_version integer NOT NULL DEFAULT 1 CHECK (latest_version >= 1),
    created_at bigint NOT NULL,
    CHECK ((origin = 'author') = (edit_key_hash IS NOT NULL))
  );
  CREATE INDEX scenarios_by_edit_key ON scenarios (edit_key_hash) WHERE edit_key_hash IS NOT NULL;
  CREATE TABLE scenario_versions (
    id text NOT NULL REFERENCES scenarios (id),
    version integer NOT NULL CHECK (version >= 1),
    document json NOT NULL,
    saved_at bigint NOT NULL,
    PRIMARY KEY (id, version)
  );
  ALTER TABLE game_tables ADD COLUMN scenario_version integer NOT NULL DEFAULT 1;
  ALTER TABLE workshop_rounds ADD COLUMN scenario_version integer NOT NULL DEFAULT 1;
  `,
];
