import type { Statement } from 'better-sqlite3';
import type { MentionRow } from '../../../shared/domain/mention';
import type { Db } from '../store/db';

/** Adds each row's topic ids (for the chips in the inbox's Topics column): one indexed read per page. */
export class RowTopics {
  private readonly read: Statement<[string], { mention_id: number; topic_id: number }>;

  constructor(db: Db) {
    this.read = db.prepare(
      `SELECT mt.mention_id, mt.topic_id FROM json_each(?) j
       CROSS JOIN mention_topics mt INDEXED BY mention_topics_mention ON mt.mention_id = j.value
       ORDER BY mt.mention_id, mt.topic_id`,
    );
  }

  attach<Row extends MentionRow>(rows: Row[]): Row[] {
    if (rows.length === 0) return rows;
    const byMention = new Map<number, number[]>();
    for (const { mention_id, topic_id } of this.read.all(JSON.stringify(rows.map((row) => row.id)))) {
      const ids = byMention.get(mention_id);
      if (ids) ids.push(topic_id);
      else byMention.set(mention_id, [topic_id]);
    }
    return rows.map((row) => ({ ...row, topicIds: byMention.get(row.id) ?? [] }));
  }

  attachOne<Row extends MentionRow>(row: Row): Row {
    return { ...row, topicIds: this.attach([row])[0]?.topicIds ?? [] };
  }
}
