import { AMSTERDAM_TRANSITIONS } from '../../../../shared/trends/zone';

/**
 * Migration 7 — trends: rollups, annotations, external signals.
 *
 * Rollups count mentions per bucket × channel × language × topic set, with sentiment as columns
 * (positive/neutral/negative) so a sentiment correction changes a row instead of moving a mention:
 * hour (UTC hours), day, ISO week and month (local days of Europe/Amsterdam), and per local hour of the
 * week per month and per year for the heatmap. The topic set is the mention's sorted topic ids as text (`,1,5,`,
 * `` for none): each mention is counted once per level, so "any of topics A, B" sums exactly.
 * Triggers keep them in the same transaction as every write: insert, the fields they count
 * (sentiment, score, reach, first response, time, channel, language), re-tagging (mention_topics)
 * and deletion (BEFORE DELETE, while the mention's topics are still there; the cascade into
 * mention_topics that follows finds the mention gone and leaves the rollups alone).
 * A decrement leaves a zero row behind; `rebuildRollups` clears them.
 *
 * Local time in SQL: `tz_offsets` holds Europe/Amsterdam's offsets (shared/trends/zone.ts).
 *
 * The map: `geo_municipalities` holds imported CBS/PDOK boundaries; `mentions.place_code` is the municipality
 * a mention was placed in (set after insert by the trend indexer, electron/engine/trends/indexer.ts; NULL =
 * not placed), and `rollup_place_day`/`_month`/`_year` count placed mentions per municipality, kept by
 * triggers like the rollups above.
 *
 * Terms: `term_day`/`term_month`/`term_year` count mentions per term (word or hashtag) per local day, month and
 * year (year bucket = local year; month bucket = year * 12 + month - 1, as in the rollups). Words need
 * code to find, so the trend indexer counts them after insert (a cursor in workspace_meta); deleting or
 * re-writing a mention it already counted queues the old text (to take back) and the new one (to count) in
 * `term_retractions`.
 */

const LEVELS = ['hour', 'day', 'week', 'month'] as const;

/** The local time (ms) of a row's created_at. */
function local(r: string): string {
  return `(${r}.created_at + (SELECT offset_ms FROM tz_offsets WHERE from_ms <= ${r}.created_at ORDER BY from_ms DESC LIMIT 1))`;
}

function bucket(level: (typeof LEVELS)[number] | 'year', r: string): string {
  if (level === 'year') return `(${bucket('month', r)} / 12)`;
  const day = `(${local(r)} / 86400000)`;
  if (level === 'hour') return `(${r}.created_at / 3600000)`;
  if (level === 'day') return day;
  if (level === 'week') return `((${day} + 3) / 7)`;
  return `(CAST(strftime('%Y', ${day} * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ${day} * 86400, 'unixepoch') AS INTEGER) - 1)`;
}

const SENTIMENT = (r: string): string => `coalesce(${r}.sentiment_override, ${r}.sentiment_label)`;

/** The sorted topic set of a mention as it is now in mention_topics. */
const topicsOf = (id: string): string =>
  `coalesce((SELECT ',' || group_concat(topic_id, ',' ORDER BY topic_id) || ',' FROM mention_topics WHERE mention_id = ${id}), '')`;

/**
 * Statements that add (sign 1) or remove (sign −1) one mention `r` under topic set `topics` at every level.
 * `from` is the FROM/WHERE tail that makes `r` visible (empty inside a mentions trigger).
 */
function bump(r: string, sign: 1 | -1, topics: string, from: string): string {
  const s = sign === 1 ? '' : '-';
  const key = `${r}.channel, coalesce(${r}.lang, ''), ${topics}`;
  const tail = from || 'WHERE true';
  const levels = LEVELS.map(
    (level) => `
  INSERT INTO rollup_${level} (bucket, channel, lang, topics, n, positive, neutral, negative, score_sum, reach_sum, replied, response_sum)
  SELECT ${bucket(level, r)}, ${key}, ${s}1,
    ${s}(${SENTIMENT(r)} IS 'positive'), ${s}(${SENTIMENT(r)} IS 'neutral'), ${s}(${SENTIMENT(r)} IS 'negative'),
    ${s}coalesce(${r}.sentiment_score, 0), ${s}${r}.reach, ${s}(${r}.first_response_at IS NOT NULL),
    ${s}coalesce(${r}.first_response_at - ${r}.created_at, 0)
  ${tail}
  ON CONFLICT DO UPDATE SET n = n + excluded.n, positive = positive + excluded.positive,
    neutral = neutral + excluded.neutral, negative = negative + excluded.negative,
    score_sum = score_sum + excluded.score_sum, reach_sum = reach_sum + excluded.reach_sum,
    replied = replied + excluded.replied, response_sum = response_sum + excluded.response_sum;`,
  );
  const day = `(${local(r)} / 86400000)`;
  const how = `((((${day} + 3) % 7) * 24) + ((${local(r)} % 86400000) / 3600000))`;
  for (const [table, period] of [
    ['rollup_hour_of_week', 'month'],
    ['rollup_hour_of_week_year', 'year'],
  ] as const)
    levels.push(`
  INSERT INTO ${table} (${period}, how, channel, lang, topics, n)
  SELECT ${bucket(period, r)}, ${how}, ${key}, ${s}1
  ${tail}
  ON CONFLICT DO UPDATE SET n = n + excluded.n;`);
  return levels.join('');
}

const rollupTable = (level: string): string => `
CREATE TABLE rollup_${level} (
  bucket       INTEGER NOT NULL,
  channel      TEXT NOT NULL,
  lang         TEXT NOT NULL,
  topics       TEXT NOT NULL,
  n            INTEGER NOT NULL,
  positive     INTEGER NOT NULL,
  neutral      INTEGER NOT NULL,
  negative     INTEGER NOT NULL,
  score_sum    REAL NOT NULL,
  reach_sum    INTEGER NOT NULL,
  replied      INTEGER NOT NULL,
  response_sum INTEGER NOT NULL,
  PRIMARY KEY (bucket, channel, lang, topics)
) STRICT, WITHOUT ROWID;`;

const CHANGED = [
  'created_at',
  'channel',
  'lang',
  'sentiment_label',
  'sentiment_override',
  'sentiment_score',
  'reach',
  'first_response_at',
];

const FROM_MENTION = (id: string): string => `FROM mentions AS m WHERE m.id = ${id}`;

/** Topic set of a mention as it was before `topic` was removed from it. */
const topicsWith = (id: string, topic: string): string =>
  `(SELECT ',' || group_concat(t, ',' ORDER BY t) || ',' FROM (SELECT topic_id AS t FROM mention_topics WHERE mention_id = ${id} UNION SELECT ${topic}))`;

/** Topic set of a mention as it was before `topic` was added to it. */
const topicsWithout = (id: string, topic: string): string =>
  `coalesce(nullif(replace(${topicsOf(id)}, ',' || ${topic} || ',', ','), ','), '')`;

const PLACE_LEVELS = ['day', 'month', 'year'] as const;

/** Adds (sign 1) or removes (−1) placed mention `r` in the place rollups, under topic set `topics`. */
function bumpPlace(r: string, sign: 1 | -1, topics: string, from: string): string {
  const s = sign === 1 ? '' : '-';
  const tail = `${from || 'WHERE true'} AND ${r}.place_code IS NOT NULL`;
  return PLACE_LEVELS.map(
    (level) => `
  INSERT INTO rollup_place_${level} (bucket, code, channel, lang, topics, n, positive, neutral, negative)
  SELECT ${bucket(level, r)}, ${r}.place_code, ${r}.channel, coalesce(${r}.lang, ''), ${topics}, ${s}1,
    ${s}(${SENTIMENT(r)} IS 'positive'), ${s}(${SENTIMENT(r)} IS 'neutral'), ${s}(${SENTIMENT(r)} IS 'negative')
  ${tail}
  ON CONFLICT DO UPDATE SET n = n + excluded.n, positive = positive + excluded.positive,
    neutral = neutral + excluded.neutral, negative = negative + excluded.negative;`,
  ).join('');
}

const placeTable = (level: string): string => `
CREATE TABLE rollup_place_${level} (
  bucket   INTEGER NOT NULL,
  code     TEXT NOT NULL,
  channel  TEXT NOT NULL,
  lang     TEXT NOT NULL,
  topics   TEXT NOT NULL,
  n        INTEGER NOT NULL,
  positive INTEGER NOT NULL,
  neutral  INTEGER NOT NULL,
  negative INTEGER NOT NULL,
  PRIMARY KEY (bucket, code, channel, lang, topics)
) STRICT, WITHOUT ROWID;`;

const PLACE_CHANGED = ['place_code', 'created_at', 'channel', 'lang', 'sentiment_label', 'sentiment_override'];

/** The trend indexer's cursor: mentions up to this id have had their terms counted. */
const TERMS_THROUGH = `coalesce((SELECT CAST(value AS INTEGER) FROM workspace_meta WHERE key = 'terms_indexed_through'), 0)`;

export default /* sql */ `
CREATE TABLE tz_offsets (
  from_ms   INTEGER PRIMARY KEY,
  offset_ms INTEGER NOT NULL
) STRICT;
INSERT INTO tz_offsets (from_ms, offset_ms) VALUES (-62135596800000, 3600000),
${AMSTERDAM_TRANSITIONS.map(([seconds, hours]) => `(${seconds * 1000}, ${hours * 3_600_000})`).join(',\n')};

${LEVELS.map(rollupTable).join('\n')}

CREATE TABLE rollup_hour_of_week (
  month   INTEGER NOT NULL,
  how     INTEGER NOT NULL,
  channel TEXT NOT NULL,
  lang    TEXT NOT NULL,
  topics  TEXT NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (month, how, channel, lang, topics)
) STRICT, WITHOUT ROWID;

-- the same per local year (year bucket = month bucket / 12), so long ranges read a few rows per year
CREATE TABLE rollup_hour_of_week_year (
  year    INTEGER NOT NULL,
  how     INTEGER NOT NULL,
  channel TEXT NOT NULL,
  lang    TEXT NOT NULL,
  topics  TEXT NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (year, how, channel, lang, topics)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER rollup_mentions_insert AFTER INSERT ON mentions BEGIN${bump('new', 1, topicsOf('new.id'), '')}
END;

CREATE TRIGGER rollup_mentions_delete BEFORE DELETE ON mentions BEGIN${bump('old', -1, topicsOf('old.id'), '')}
END;

CREATE TRIGGER rollup_mentions_update AFTER UPDATE OF ${CHANGED.join(', ')} ON mentions
WHEN ${CHANGED.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')}
BEGIN${bump('old', -1, topicsOf('new.id'), '')}${bump('new', 1, topicsOf('new.id'), '')}
END;

CREATE TRIGGER rollup_topics_insert AFTER INSERT ON mention_topics BEGIN${bump('m', -1, topicsWithout('new.mention_id', 'new.topic_id'), FROM_MENTION('new.mention_id'))}${bump('m', 1, topicsOf('new.mention_id'), FROM_MENTION('new.mention_id'))}
END;

CREATE TRIGGER rollup_topics_delete AFTER DELETE ON mention_topics BEGIN${bump('m', -1, topicsWith('old.mention_id', 'old.topic_id'), FROM_MENTION('old.mention_id'))}${bump('m', 1, topicsOf('old.mention_id'), FROM_MENTION('old.mention_id'))}
END;

-- first-response KPIs read the exact times of replied mentions (a small share) through this index
CREATE INDEX mentions_replied ON mentions (created_at, first_response_at, channel, lang)
  WHERE first_response_at IS NOT NULL;

CREATE TABLE trend_annotations (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  end_at     INTEGER,
  label      TEXT NOT NULL,
  operator   TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX trend_annotations_at ON trend_annotations (at);

CREATE TABLE trend_signals (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  unit       TEXT,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE trend_signal_points (
  signal_id INTEGER NOT NULL REFERENCES trend_signals (id) ON DELETE CASCADE,
  at        INTEGER NOT NULL,
  value     REAL NOT NULL,
  PRIMARY KEY (signal_id, at)
) STRICT, WITHOUT ROWID;

ALTER TABLE mentions ADD COLUMN place_code TEXT;
CREATE INDEX mentions_place ON mentions (place_code, created_at) WHERE place_code IS NOT NULL;

CREATE TABLE geo_municipalities (
  code     TEXT PRIMARY KEY CHECK (code GLOB 'GM[0-9][0-9][0-9][0-9]'),
  name     TEXT NOT NULL,
  province TEXT,
  -- a simplified GeoJSON Polygon or MultiPolygon in WGS84 (lon, lat)
  geometry TEXT NOT NULL,
  min_lon  REAL NOT NULL,
  min_lat  REAL NOT NULL,
  max_lon  REAL NOT NULL,
  max_lat  REAL NOT NULL
) STRICT;

${PLACE_LEVELS.map(placeTable).join('\n')}

CREATE TRIGGER place_rollup_insert AFTER INSERT ON mentions WHEN new.place_code IS NOT NULL BEGIN${bumpPlace('new', 1, topicsOf('new.id'), '')}
END;

CREATE TRIGGER place_rollup_delete BEFORE DELETE ON mentions WHEN old.place_code IS NOT NULL BEGIN${bumpPlace('old', -1, topicsOf('old.id'), '')}
END;

CREATE TRIGGER place_rollup_update AFTER UPDATE OF ${PLACE_CHANGED.join(', ')} ON mentions
WHEN (old.place_code IS NOT NULL OR new.place_code IS NOT NULL) AND (${PLACE_CHANGED.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')})
BEGIN${bumpPlace('old', -1, topicsOf('new.id'), '')}${bumpPlace('new', 1, topicsOf('new.id'), '')}
END;

CREATE TRIGGER place_rollup_topics_insert AFTER INSERT ON mention_topics BEGIN${bumpPlace('m', -1, topicsWithout('new.mention_id', 'new.topic_id'), FROM_MENTION('new.mention_id'))}${bumpPlace('m', 1, topicsOf('new.mention_id'), FROM_MENTION('new.mention_id'))}
END;

CREATE TRIGGER place_rollup_topics_delete AFTER DELETE ON mention_topics BEGIN${bumpPlace('m', -1, topicsWith('old.mention_id', 'old.topic_id'), FROM_MENTION('old.mention_id'))}${bumpPlace('m', 1, topicsOf('old.mention_id'), FROM_MENTION('old.mention_id'))}
END;

CREATE TABLE trend_terms (
  id   INTEGER PRIMARY KEY,
  term TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE term_day (
  bucket  INTEGER NOT NULL,
  term_id INTEGER NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (bucket, term_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE term_month (
  bucket  INTEGER NOT NULL,
  term_id INTEGER NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (bucket, term_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE term_year (
  bucket  INTEGER NOT NULL,
  term_id INTEGER NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (bucket, term_id)
) STRICT, WITHOUT ROWID;

-- the lowest and highest mention id counted in each local month (see TrendIndexer): bounds the full-text
-- matches a term drill reads to the ids that can lie in its period. Deletions leave them wider (still bounds).
CREATE TABLE term_id_bounds (
  month  INTEGER PRIMARY KEY,
  min_id INTEGER NOT NULL,
  max_id INTEGER NOT NULL
) STRICT;

-- texts whose terms were counted and must be taken back (deleted or re-written mentions)
CREATE TABLE term_retractions (
  id         INTEGER PRIMARY KEY,
  mention_id INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  text       TEXT NOT NULL,
  -- -1: take the text's terms back, 1: count them (the new text of a re-written mention)
  sign       INTEGER NOT NULL CHECK (sign IN (-1, 1))
) STRICT;

CREATE TRIGGER terms_mentions_delete AFTER DELETE ON mentions WHEN old.id <= ${TERMS_THROUGH} BEGIN
  INSERT INTO term_retractions (mention_id, created_at, text, sign) VALUES (old.id, old.created_at, old.text, -1);
END;

CREATE TRIGGER terms_mentions_update AFTER UPDATE OF text, created_at ON mentions
WHEN (old.text IS NOT new.text OR old.created_at IS NOT new.created_at) AND old.id <= ${TERMS_THROUGH} BEGIN
  INSERT INTO term_retractions (mention_id, created_at, text, sign) VALUES (old.id, old.created_at, old.text, -1);
  INSERT INTO term_retractions (mention_id, created_at, text, sign) VALUES (new.id, new.created_at, new.text, 1);
END;
`;
