import type Database from 'better-sqlite3'

/**
 * Schema migrations, applied in order by `PRAGMA user_version`.
 *
 * Append only: a shipped migration never changes, because users' cache files
 * were built by it. Migrations change the schema only: when what the
 * normaliser makes of a record changes, bump `NORMALIZER_VERSION` in
 * `shared/ll2/normalize.ts` and every model is rebuilt from its raw record on
 * open (`rebuild-models.ts`), instead of copying normaliser logic into SQL as
 * v2 did.
 */
export const MIGRATIONS: ReadonlyArray<(db: Database.Database) => void> = [
  (db) => {
    db.exec(`
      CREATE TABLE stations (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        status TEXT,
        deorbited TEXT,
        raw TEXT,
        fetched_at INTEGER NOT NULL
      );
      CREATE TABLE ports (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        station_id INTEGER NOT NULL
      );
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        station_id INTEGER,
        port_id INTEGER,
        docking INTEGER NOT NULL,
        departure INTEGER,
        source TEXT NOT NULL,
        fetched_at INTEGER NOT NULL,
        model TEXT NOT NULL,
        raw TEXT NOT NULL
      );
      CREATE INDEX events_docking ON events(docking);
      CREATE INDEX events_station ON events(station_id);
      CREATE TABLE event_details (
        id INTEGER PRIMARY KEY,
        raw TEXT NOT NULL,
        fetched_at INTEGER NOT NULL
      );
      CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE prefs (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE request_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        url TEXT NOT NULL,
        status INTEGER,
        duration_ms INTEGER NOT NULL,
        note TEXT
      );
    `)
  },
  // v2: indexes for the sync's source and port queries, a request-log flag for
  // calls that do not count against the rate limit, and the chaser flight id
  // (added to the model for LL2's `flight_vehicle_chaser__id` filter) filled in
  // from each event's raw record.
  (db) => {
    db.exec(`
      CREATE INDEX events_source ON events(source);
      CREATE INDEX events_port ON events(port_id);
      ALTER TABLE request_log ADD COLUMN counted INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX request_log_at ON request_log(at);
      UPDATE events
        SET model = json_set(model, '$.chaserFlightId', json_extract(raw, '$.flight_vehicle_chaser.id'))
        WHERE json_valid(raw) AND json_valid(model);
    `)
  },
  // v3: a station's model (founding date, port list, docked events), written
  // from its record by the normaliser; NORMALIZER_VERSION 2 fills it in for
  // stations already cached.
  (db) => {
    db.exec(`ALTER TABLE stations ADD COLUMN model TEXT;`)
  },
]

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length

/** Brings a database up to SCHEMA_VERSION, each step in its own transaction. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `cache schema version ${current} is newer than this app understands (${SCHEMA_VERSION})`,
    )
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v]
    if (!step) break
    db.transaction(() => {
      step(db)
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
}
