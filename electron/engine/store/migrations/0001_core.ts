/** Core tables: sources, authors, mentions (+ full text), rejected records, audit log. */
export default /* sql */ `
CREATE TABLE workspace_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE sources (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  name        TEXT NOT NULL,
  config      TEXT NOT NULL DEFAULT '{}',
  cursor      TEXT,
  paused      INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  health      TEXT NOT NULL DEFAULT 'ok' CHECK (health IN ('ok', 'backing_off', 'failing')),
  last_success_at INTEGER,
  last_error  TEXT,
  created_at  INTEGER NOT NULL,
  UNIQUE (kind, name)
) STRICT;

CREATE TABLE authors (
  id           INTEGER PRIMARY KEY,
  channel      TEXT NOT NULL,
  handle       TEXT NOT NULL,
  display_name TEXT,
  followers    INTEGER NOT NULL DEFAULT 0,
  location     TEXT,
  pseudonym    TEXT NOT NULL,
  UNIQUE (channel, handle)
) STRICT;

CREATE TABLE mentions (
  id                 INTEGER PRIMARY KEY,
  source_id          INTEGER NOT NULL REFERENCES sources (id),
  channel            TEXT NOT NULL,
  external_id        TEXT NOT NULL,
  url                TEXT,
  -- the canonical post URL (no tracking parameters), so one post imported from two places is kept once
  url_key            TEXT,
  author_id          INTEGER REFERENCES authors (id),
  text               TEXT NOT NULL,
  lang               TEXT,
  created_at         INTEGER NOT NULL,
  fetched_at         INTEGER NOT NULL,
  parent_external_id TEXT,
  conversation_id    TEXT,
  reach              INTEGER NOT NULL DEFAULT 0,
  geo                TEXT,
  sentiment_label    TEXT CHECK (sentiment_label IN ('positive', 'neutral', 'negative')),
  sentiment_score    REAL,
  sentiment_override TEXT CHECK (sentiment_override IN ('positive', 'neutral', 'negative')),
  sentiment          TEXT GENERATED ALWAYS AS (coalesce(sentiment_override, sentiment_label)) VIRTUAL,
  status             TEXT NOT NULL DEFAULT 'new'
                     CHECK (status IN ('new', 'open', 'waiting', 'resolved', 'archived')),
  assignee           TEXT,
  priority           INTEGER NOT NULL DEFAULT 0,
  raw                TEXT,
  UNIQUE (channel, external_id)
) STRICT;

CREATE INDEX mentions_created ON mentions (created_at DESC, id DESC);
CREATE INDEX mentions_status_created ON mentions (status, created_at DESC);
CREATE INDEX mentions_channel_created ON mentions (channel, created_at DESC);
CREATE INDEX mentions_author ON mentions (author_id, created_at DESC);
CREATE UNIQUE INDEX mentions_url_key ON mentions (url_key) WHERE url_key IS NOT NULL;
CREATE INDEX mentions_conversation ON mentions (conversation_id) WHERE conversation_id IS NOT NULL;

CREATE VIRTUAL TABLE mentions_fts USING fts5 (
  text,
  content = 'mentions',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN
  INSERT INTO mentions_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN
  INSERT INTO mentions_fts (mentions_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER mentions_fts_update AFTER UPDATE OF text ON mentions BEGIN
  INSERT INTO mentions_fts (mentions_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO mentions_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TABLE rejected_records (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER REFERENCES sources (id),
  file       TEXT,
  record_no  INTEGER,
  raw        TEXT NOT NULL,
  reason     TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  retried_at INTEGER
) STRICT;
-- importing the same file again updates its rejects instead of repeating them
CREATE UNIQUE INDEX rejected_records_once ON rejected_records (source_id, file, record_no);

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT,
  detail    TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at);
`;
