/** The workspace lexicon, operators' sentiment corrections (with history) and the model learnt from them. */
export default /* sql */ `
CREATE TABLE lexicon_entries (
  term       TEXT PRIMARY KEY,
  weight     REAL NOT NULL CHECK (weight BETWEEN -4 AND 4),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

-- Every correction, also the ones later changed again: who, when, old → new.
CREATE TABLE sentiment_corrections (
  id         INTEGER PRIMARY KEY,
  mention_id INTEGER NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
  at         INTEGER NOT NULL,
  operator   TEXT NOT NULL,
  old_label  TEXT CHECK (old_label IN ('positive', 'neutral', 'negative')),
  new_label  TEXT CHECK (new_label IN ('positive', 'neutral', 'negative'))
) STRICT;
CREATE INDEX sentiment_corrections_mention ON sentiment_corrections (mention_id, at);

-- The model trains on the corrected mentions; this keeps finding them cheap among millions.
CREATE INDEX mentions_corrected ON mentions (id) WHERE sentiment_override IS NOT NULL;

-- One row: the adaptive model as JSON, and how many corrections it was trained on.
CREATE TABLE sentiment_model (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  model      TEXT NOT NULL,
  examples   INTEGER NOT NULL,
  trained_at INTEGER NOT NULL
) STRICT;
`;
