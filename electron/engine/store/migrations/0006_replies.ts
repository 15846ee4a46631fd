/**
 * Migration 6 — replies in one voice: the template library (templates, snippets), the replies settings
 * (tone rules, approval rules) and the replies themselves with their state, tone findings at send time,
 * who wrote and approved them, and the idempotency key that keeps a retry from posting twice.
 */
export default /* sql */ `
CREATE TABLE reply_templates (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  category    TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  -- JSON arrays: [{lang, kind, body}], [{name, required, default}], intents, topic ids, keywords
  variants    TEXT NOT NULL,
  variables   TEXT NOT NULL DEFAULT '[]',
  intents     TEXT NOT NULL DEFAULT '[]',
  topic_ids   TEXT NOT NULL DEFAULT '[]',
  keywords    TEXT NOT NULL DEFAULT '[]',
  uses        INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE reply_snippets (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  lang        TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
  description TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL,
  updated_at  INTEGER NOT NULL,
  UNIQUE (name, lang)
) STRICT;

-- 'tone' ({preset, rules}), 'approval' (ApprovalRules), 'seeded' (the default library was added once)
CREATE TABLE reply_settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at INTEGER,
  updated_by TEXT
) STRICT;

CREATE TABLE replies (
  id                INTEGER PRIMARY KEY,
  mention_id        INTEGER NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
  state             TEXT NOT NULL DEFAULT 'draft'
                    CHECK (state IN ('draft', 'pending_approval', 'rejected', 'approved', 'sending', 'sent', 'failed')),
  text              TEXT NOT NULL,
  lang              TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
  channel           TEXT NOT NULL,
  send_mode         TEXT NOT NULL CHECK (send_mode IN ('connector', 'manual')),
  template_id       INTEGER REFERENCES reply_templates (id) ON DELETE SET NULL,
  template_name     TEXT,
  tone_findings     TEXT NOT NULL DEFAULT '[]',
  sensitive_reasons TEXT NOT NULL DEFAULT '[]',
  operator          TEXT NOT NULL,
  approver          TEXT,
  review_comment    TEXT,
  external_id       TEXT,
  external_url      TEXT,
  error             TEXT,
  attempts          INTEGER NOT NULL DEFAULT 0,
  -- sent with every attempt (Mastodon Idempotency-Key, Bluesky record key): a retry finds the first post
  idempotency_key   TEXT NOT NULL UNIQUE,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  submitted_at      INTEGER,
  reviewed_at       INTEGER,
  sending_at        INTEGER,
  sent_at           INTEGER
) STRICT;
CREATE INDEX replies_mention ON replies (mention_id, id);
CREATE INDEX replies_state ON replies (state, updated_at DESC);
CREATE INDEX replies_template ON replies (template_id) WHERE template_id IS NOT NULL;
`;
