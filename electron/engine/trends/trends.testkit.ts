import type { Db } from '../store/db';
import { sampleMention, storeMentions } from '../testing/fixtures';

/** Test data for the trends: random mentions over two years (DST changes included) and a mixed sequence of writes. */

const CHANNELS = ['x', 'facebook', 'instagram', 'rss'] as const;
const LANGS = ['nl', 'en', 'other', null] as const;
const LABELS = ['positive', 'neutral', 'negative'] as const;
const START = Date.parse('2024-01-01T00:00:00Z');
const SPAN = 2 * 365 * 86_400_000;

/** A small deterministic generator (mulberry32), so failures repeat. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fill(db: Db, count: number, seed: number): void {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  db.prepare(
    `INSERT INTO topics (id, name, query, colour, created_at, updated_at) VALUES
     (1, 'verlichting', 'lamp', '#2f6fde', 0, 0), (2, 'glasvezel', 'glasvezel', '#0f8b8d', 0, 0), (3, 'parkeren', 'parkeren', '#6a4fc8', 0, 0)`,
  ).run();
  storeMentions(
    db,
    Array.from({ length: count }, (_, i) => {
      const label = rnd() < 0.1 ? null : pick(LABELS);
      const { sourceId, ...mention } = sampleMention({
        externalId: `m${i}`,
        channel: pick(CHANNELS),
        lang: pick(LANGS),
        createdAt: START + Math.floor(rnd() * SPAN),
        reach: Math.floor(rnd() * 1000),
        sentiment: label ? { label, score: rnd() * 2 - 1 } : null,
      });
      void sourceId;
      return mention;
    }),
  );
  const tag = db.prepare('INSERT OR IGNORE INTO mention_topics (mention_id, topic_id) VALUES (?, ?)');
  db.transaction(() => {
    for (let id = 1; id <= count; id++) for (const topic of [1, 2, 3]) if (rnd() < 0.3) tag.run(id, topic);
  })();
}

/** Import, correct, re-tag, reply, delete: every kind of write the rollups must follow. */
export function mixedChanges(db: Db, count: number): void {
  db.prepare(`UPDATE mentions SET sentiment_override = 'positive' WHERE id % 7 = 0`).run();
  db.prepare(`UPDATE mentions SET sentiment_label = 'neutral', sentiment_score = 0.01 WHERE id % 11 = 0`).run();
  db.prepare(`UPDATE mentions SET first_response_at = created_at + (id % 50) * 60000 WHERE id % 3 = 0`).run();
  db.prepare('DELETE FROM mention_topics WHERE topic_id = 2 AND mention_id % 2 = 0').run();
  db.prepare(
    'INSERT OR IGNORE INTO mention_topics (mention_id, topic_id) SELECT id, 3 FROM mentions WHERE id % 5 = 0',
  ).run();
  db.prepare('DELETE FROM mentions WHERE id % 13 = 0').run();
  db.prepare('DELETE FROM topics WHERE id = 1').run();
  fill2(db, count);
}

function fill2(db: Db, count: number): void {
  const { sourceId, ...late } = sampleMention({
    externalId: `late-${count}`,
    createdAt: Date.parse('2025-03-30T01:30:00Z'),
  });
  void sourceId;
  storeMentions(db, [late]);
}
