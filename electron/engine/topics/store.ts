import type { Statement } from 'better-sqlite3';
import type { MethodParsedInput } from '../../../shared/api/contract';
import { WatchpostError } from '../../../shared/api/result';
import type { Topic } from '../../../shared/api/topics';
import { recordAudit } from '../audit/record';
import type { Db } from '../store/db';

interface TopicRecord {
  id: number;
  name: string;
  query: string;
  colour: string;
  created_at: number;
  updated_at: number;
}

export interface StoredTopic {
  id: number;
  name: string;
  query: string;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The topics table: saved queries with a name and a colour. Query checks are the caller's. */
export class TopicStore {
  private readonly all: Statement<[], TopicRecord>;
  private readonly one: Statement<[number], TopicRecord>;
  private readonly named: Statement<[string], { id: number }>;
  private readonly tagged: Statement<[number], number>;
  private readonly insert: Statement<[string, string, string, number, number], { id: number }>;
  private readonly update: Statement<[string, string, string, number, number]>;
  private readonly remove: Statement<[number]>;

  constructor(private readonly db: Db) {
    this.all = db.prepare('SELECT * FROM topics ORDER BY name COLLATE NOCASE, id');
    this.one = db.prepare('SELECT * FROM topics WHERE id = ?');
    this.named = db.prepare('SELECT id FROM topics WHERE name = ? COLLATE NOCASE');
    this.tagged = db.prepare<[number], number>('SELECT count(*) FROM mention_topics WHERE topic_id = ?').pluck();
    this.insert = db.prepare(
      'INSERT INTO topics (name, query, colour, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id',
    );
    this.update = db.prepare('UPDATE topics SET name = ?, query = ?, colour = ?, updated_at = ? WHERE id = ?');
    this.remove = db.prepare('DELETE FROM topics WHERE id = ?');
  }

  list(): Topic[] {
    return this.all.all().map((record) => this.toTopic(record));
  }

  stored(): StoredTopic[] {
    return this.all.all().map(({ id, name, query }) => ({ id, name, query }));
  }

  get(id: number): Topic {
    const record = this.one.get(id);
    if (!record) throw new WatchpostError('not_found', `topic ${id} does not exist`);
    return this.toTopic(record);
  }

  exists(id: number): boolean {
    return this.one.get(id) !== undefined;
  }

  /** Creates or changes a topic; `queryChanged` says whether history must be re-tagged. */
  save(input: MethodParsedInput<'topics.save'>): { topic: Topic; queryChanged: boolean } {
    return this.db.transaction(() => {
      const sameName = this.named.get(input.name);
      if (sameName && sameName.id !== input.id) {
        throw new WatchpostError('conflict', `a topic named '${input.name}' already exists: pick another name`);
      }
      const now = Date.now();
      let id: number;
      let queryChanged = true;
      if (input.id === undefined) {
        const row = this.insert.get(input.name, input.query, input.colour, now, now);
        if (!row) throw new Error(`topic '${input.name}' could not be stored`);
        id = row.id;
      } else {
        const before = this.one.get(input.id);
        if (!before) throw new WatchpostError('not_found', `topic ${input.id} does not exist (removed meanwhile?)`);
        id = input.id;
        queryChanged = before.query !== input.query;
        this.update.run(input.name, input.query, input.colour, now, id);
      }
      recordAudit(this.db, {
        actor: input.operator,
        action: input.id === undefined ? 'topic.create' : 'topic.update',
        entity: 'topic',
        entityId: id,
        detail: { name: input.name, query: input.query, colour: input.colour },
      });
      return { topic: this.get(id), queryChanged };
    })();
  }

  /** Removes the topic row (its tags go with it); answers its name, or null when it was not there. */
  delete(id: number, operator: string): string | null {
    return this.db.transaction(() => {
      const record = this.one.get(id);
      if (!record) return null;
      this.remove.run(id);
      recordAudit(this.db, {
        actor: operator,
        action: 'topic.delete',
        entity: 'topic',
        entityId: id,
        detail: { name: record.name, query: record.query },
      });
      return record.name;
    })();
  }

  private toTopic(record: TopicRecord): Topic {
    return {
      id: record.id,
      name: record.name,
      query: record.query,
      colour: record.colour,
      mentions: this.tagged.get(record.id) ?? 0,
      createdAt: iso(record.created_at),
      updatedAt: iso(record.updated_at),
    };
  }
}
