import { DEMO_TOPIC_QUERIES } from '../../../resources/demo';
import { recordAudit } from '../audit/record';
import type { Db } from '../store/db';
import { TopicStore } from '../topics/store';
import { compileTopicQuery, TopicTagger } from '../topics/tagger';

/**
 * Saves the demo's topics (resources/demo DEMO_TOPIC_QUERIES) that the workspace does not have yet, as if
 * `actor` made them at `at`; a topic of the same name the operator made stays as it is. Answers how many
 * were added.
 */
export function saveDemoTopics(db: Db, at: number, actor: string): number {
  const exists = db.prepare<[string]>('SELECT 1 FROM topics WHERE name = ? COLLATE NOCASE');
  const insert = db.prepare<[string, string, string, number, number]>(
    'INSERT INTO topics (name, query, colour, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  let added = 0;
  for (const topic of DEMO_TOPIC_QUERIES) {
    if (exists.get(topic.name)) continue;
    const id = Number(insert.run(topic.name, topic.query, topic.colour, at, at).lastInsertRowid);
    recordAudit(
      db,
      {
        actor,
        action: 'topic.create',
        entity: 'topic',
        entityId: id,
        detail: { name: topic.name, query: topic.query, colour: topic.colour },
      },
      at,
    );
    added++;
  }
  return added;
}

/**
 * Tags the mentions with ids in [fromId, toId] with every saved topic, exactly as the topic service tags
 * new mentions: the same compiled query through the same tagger, so re-tagging a topic later changes
 * nothing. Needs the full-text index to cover the range. A saved query this version refuses is skipped,
 * as ingest skips it. `bulk`: the rollup triggers on topic tags are deferred (an empty workspace's first
 * fill), so no trigger needs the by-mention index meanwhile. Answers how many tags were added.
 */
export function tagDemoMentions(db: Db, fromId: number, toId: number, bulk: boolean): number {
  if (toId < fromId) return 0;
  const tagger = new TopicTagger(db);
  let tagged = 0;
  // A first fill writes about a million tags: building the by-mention index once afterwards costs a third
  // less than keeping it. Only inside the caller's transaction, so no query ever sees it missing, and only
  // when the rollup triggers that read it are deferred too (bulk.ts).
  const index = bulk
    ? db
        .prepare<[], string>(
          `SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'mention_topics_mention' AND sql IS NOT NULL`,
        )
        .pluck()
        .get()
    : undefined;
  if (index) db.exec('DROP INDEX mention_topics_mention');
  for (const topic of new TopicStore(db).stored()) {
    let compiled;
    try {
      compiled = compileTopicQuery(topic.query, (match) => tagger.membershipFor(match));
    } catch {
      continue;
    }
    tagged += tagger.tag(topic.id, compiled, fromId, toId);
  }
  if (index) db.exec(index);
  return tagged;
}
