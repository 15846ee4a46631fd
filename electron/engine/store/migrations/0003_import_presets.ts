/** Named column mappings for the import wizard, and live sources that were removed but keep their mentions. */
export default /* sql */ `
CREATE TABLE mapping_presets (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  format     TEXT NOT NULL CHECK (format IN ('csv', 'json', 'ndjson')),
  mapping    TEXT NOT NULL,
  channel    TEXT,
  time_zone  TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- Mentions refer to their source, so a removed source stays as a row: paused, out of every list.
ALTER TABLE sources ADD COLUMN removed_at INTEGER;
`;
