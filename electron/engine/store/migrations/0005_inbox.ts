/**
 * Migration 5 — inbox workflow: the 'spam' status, response/resolve times and a version per mention, tags,
 * notes, saved views, operator profiles, and the indexes that keep every inbox filter and sort fast at 1M.
 *
 * Allowing 'spam' changes the CHECK on mentions.status, which SQLite can only do by rebuilding the table
 * (editing sqlite_schema is refused: better-sqlite3 runs SQLite in defensive mode). The rebuild keeps every
 * id, so the external-content full-text index stays valid as it is. Migrations run inside a transaction,
 * where foreign keys cannot be switched off, so dropping the old table would cascade into the tables that
 * refer to mentions (mention_topics, sentiment_corrections): their rows are kept aside and put back.
 * Every index and trigger of migrations 1–4 is created again, with the same names; the generated
 * `sentiment` column is declared exactly as before. When mentions were resolved before this migration is not
 * known, so their resolved_at stays NULL.
 */
export default /* sql */ `
CREATE TEMP TABLE kept_mention_topics AS SELECT mention_id, topic_id FROM mention_topics;
CREATE TEMP TABLE kept_sentiment_corrections AS
  SELECT id, mention_id, at, operator, old_label, new_label FROM sentiment_corrections;

CREATE TABLE mentions_rebuilt (
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
                     CHECK (status IN ('new', 'open', 'waiting', 'resolved', 'archived', 'spam')),
  assignee           TEXT,
  priority           INTEGER NOT NULL DEFAULT 0,
  raw                TEXT,
  -- set by the replies engine when the first reply is sent (or marked sent)
  first_response_at  INTEGER,
  -- set by the inbox when the status becomes resolved; cleared when it leaves resolved
  resolved_at        INTEGER,
  -- bumped by every workflow change, so a change made meanwhile in another window is noticed
  version            INTEGER NOT NULL DEFAULT 0,
  UNIQUE (channel, external_id)
) STRICT;

INSERT INTO mentions_rebuilt (id, source_id, channel, external_id, url, url_key, author_id, text, lang, created_at,
  fetched_at, parent_external_id, conversation_id, reach, geo, sentiment_label, sentiment_score, sentiment_override,
  status, assignee, priority, raw)
SELECT id, source_id, channel, external_id, url, url_key, author_id, text, lang, created_at,
  fetched_at, parent_external_id, conversation_id, reach, geo, sentiment_label, sentiment_score, sentiment_override,
  status, assignee, priority, raw
FROM mentions;

DROP TABLE mentions;
ALTER TABLE mentions_rebuilt RENAME TO mentions;

INSERT INTO mention_topics (mention_id, topic_id) SELECT mention_id, topic_id FROM temp.kept_mention_topics;
INSERT INTO sentiment_corrections (id, mention_id, at, operator, old_label, new_label)
  SELECT id, mention_id, at, operator, old_label, new_label FROM temp.kept_sentiment_corrections;
DROP TABLE temp.kept_mention_topics;
DROP TABLE temp.kept_sentiment_corrections;

-- From migration 1 (the two status/channel indexes now end in id DESC, so "newest first" needs no extra sort).
CREATE INDEX mentions_created ON mentions (created_at DESC, id DESC);
CREATE INDEX mentions_status_created ON mentions (status, created_at DESC, id DESC);
CREATE INDEX mentions_channel_created ON mentions (channel, created_at DESC, id DESC);
CREATE INDEX mentions_author ON mentions (author_id, created_at DESC);
CREATE UNIQUE INDEX mentions_url_key ON mentions (url_key) WHERE url_key IS NOT NULL;
CREATE INDEX mentions_conversation ON mentions (conversation_id) WHERE conversation_id IS NOT NULL;

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

-- From migration 2.
CREATE INDEX mentions_id_created ON mentions (id, created_at);
-- From migration 4.
CREATE INDEX mentions_corrected ON mentions (id) WHERE sentiment_override IS NOT NULL;

-- The inbox: the priority sort, and the filters the desk uses most, each ending in the sort order.
CREATE INDEX mentions_priority ON mentions (priority DESC, created_at DESC, id DESC);
-- The working set (new, open, waiting: a small share of history) in both desk orders, carrying every column the
-- desk filters on, so a working view is read from these small indexes alone, already in order, whatever else
-- it filters on. A query uses them only when its WHERE holds the same status term word for word (read.ts).
CREATE INDEX mentions_working_priority ON mentions
  (priority DESC, created_at DESC, id DESC, status, sentiment, reach, assignee, channel, lang)
  WHERE status IN ('new', 'open', 'waiting');
CREATE INDEX mentions_working_created ON mentions
  (created_at DESC, id DESC, status, sentiment, reach, assignee, channel, lang, priority)
  WHERE status IN ('new', 'open', 'waiting');
CREATE INDEX mentions_assignee ON mentions (assignee, status, created_at DESC, id DESC) WHERE assignee IS NOT NULL;
CREATE INDEX mentions_sentiment_created ON mentions (sentiment, created_at DESC, id DESC);
CREATE INDEX mentions_lang_created ON mentions (lang, created_at DESC, id DESC);
-- threads: replies are found by the external id of the post they answer
CREATE INDEX mentions_parent ON mentions (parent_external_id) WHERE parent_external_id IS NOT NULL;

CREATE TABLE mention_tags (
  mention_id INTEGER NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
  tag        TEXT NOT NULL,
  PRIMARY KEY (tag, mention_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX mention_tags_mention ON mention_tags (mention_id);

CREATE TABLE mention_notes (
  id         INTEGER PRIMARY KEY,
  mention_id INTEGER NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
  operator   TEXT NOT NULL,
  text       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  edited_at  INTEGER
) STRICT;
CREATE INDEX mention_notes_mention ON mention_notes (mention_id, created_at);

CREATE TABLE saved_views (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  filter     TEXT NOT NULL DEFAULT '{}',
  sort       TEXT NOT NULL DEFAULT 'newest' CHECK (sort IN ('newest', 'oldest', 'priority')),
  pinned     INTEGER NOT NULL DEFAULT 1 CHECK (pinned IN (0, 1)),
  -- the operator whose own view it is; NULL: shared
  owner      TEXT,
  position   INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX saved_views_name ON saved_views (coalesce(owner, ''), name COLLATE NOCASE);

INSERT INTO saved_views (name, filter, sort, pinned, owner, position, created_at, updated_at) VALUES
  ('Mijn open berichten', '{"assignee":["$me"],"status":["new","open","waiting"]}', 'priority', 1, NULL, 0,
   unixepoch() * 1000, unixepoch() * 1000),
  ('Negatief en veel bereik', '{"sentiment":["negative"],"reachMin":10000,"status":["new","open","waiting"]}',
   'priority', 1, NULL, 1, unixepoch() * 1000, unixepoch() * 1000);

CREATE TABLE operators (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  initials   TEXT NOT NULL,
  colour     TEXT NOT NULL,
  language   TEXT NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
  created_at INTEGER NOT NULL
) STRICT;
`;
