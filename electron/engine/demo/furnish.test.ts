import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOPIC_KEYS, DEMO_TOPIC_QUERIES, OPERATORS } from '../../../resources/demo';
import { Engine } from '../engine';
import { type Db, openMemoryWorkspace } from '../store/db';
import { verifyRollups } from '../trends/rollups';
import { DAY_MS } from './calendar';
import { generateDemo } from './generate';

const UNTIL = '2026-03-06T21:30:00.000Z';
const until = Date.parse(UNTIL);

let engine: Engine;
let db: Db;

/** The demo through the engine, as `npm start` makes it: the replies area has seeded its templates. */
beforeAll(async () => {
  engine = Engine.open({ dataDir: ':memory:', log: () => {} });
  db = engine.db;
  const started = await engine.dispatch('demo.generate', { mentions: 12_000, years: 1, seed: 5, until: UNTIL });
  if (!started.ok) throw new Error(started.error.message);
  await engine.jobs.idle();
}, 60_000);

afterAll(() => engine.close());

const tagSet = (database: Db): string[] =>
  database
    .prepare<[], string>(`SELECT topic_id || ':' || mention_id FROM mention_topics ORDER BY topic_id, mention_id`)
    .pluck()
    .all();

describe('the demo workspace', () => {
  it('saves one topic per subject, and tags exactly what re-tagging through the topic job tags', async () => {
    const topics = db.prepare('SELECT id, name, query, colour FROM topics ORDER BY id').all() as {
      id: number;
      name: string;
      query: string;
    }[];
    expect(topics.map((topic) => topic.name)).toEqual(DEMO_TOPIC_QUERIES.map((topic) => topic.name));
    const before = tagSet(db);
    expect(before.length).toBeGreaterThan(12_000);
    for (const topic of topics) engine.topics.retag(topic.id);
    await engine.jobs.idle();
    expect(tagSet(db)).toEqual(before);
  });

  it('has topics that find their subject’s mentions and seldom another’s', () => {
    const rows = db
      .prepare(
        `SELECT t.name, m.raw ->> '$.topic' AS subject, count(*) AS n,
           sum(EXISTS (SELECT 1 FROM mention_topics mt WHERE mt.topic_id = t.id AND mt.mention_id = m.id)) AS tagged
         FROM topics t CROSS JOIN mentions m GROUP BY t.id, subject`,
      )
      .all() as { name: string; subject: string; n: number; tagged: number }[];
    for (const topic of DEMO_TOPIC_QUERIES) {
      for (const subject of DEMO_TOPIC_KEYS) {
        const row = rows.find((r) => r.name === topic.name && r.subject === subject)!;
        const share = row.tagged / row.n;
        if (subject === topic.key) expect(share, `${topic.name} finds ${subject}`).toBeGreaterThan(0.97);
        else expect(share, `${topic.name} on ${subject}`).toBeLessThan(0.08);
      }
    }
  });

  it('has a profile for every operator mentions are assigned to', () => {
    const profiles = db.prepare('SELECT name FROM operators ORDER BY id').pluck().all();
    expect(profiles).toEqual(OPERATORS);
    const assignees = db.prepare('SELECT DISTINCT assignee FROM mentions WHERE assignee IS NOT NULL').pluck().all();
    for (const assignee of assignees) expect(profiles).toContain(assignee);
  });

  it('has sent replies in the recent past, each the mention’s first response, logged step by step', () => {
    const replies = db
      .prepare(
        `SELECT r.id, r.mention_id, r.state, r.operator, r.send_mode, r.external_url, r.sent_at, r.template_id, r.text,
           m.created_at, m.first_response_at, m.assignee, m.channel
         FROM replies r JOIN mentions m ON m.id = r.mention_id`,
      )
      .all() as {
      id: number;
      state: string;
      operator: string;
      send_mode: string;
      external_url: string | null;
      sent_at: number;
      template_id: number | null;
      text: string;
      created_at: number;
      first_response_at: number;
      assignee: string;
      channel: string;
    }[];
    expect(replies.length).toBeGreaterThan(50);
    expect(replies.length).toBeLessThan(1_000);
    for (const reply of replies) {
      expect(reply.state).toBe('sent');
      expect(reply.operator).toBe(reply.assignee);
      expect(reply.first_response_at).toBe(reply.sent_at);
      expect(reply.sent_at).toBeGreaterThan(reply.created_at);
      expect(reply.sent_at).toBeLessThan(until);
      expect(reply.created_at).toBeGreaterThanOrEqual(until - 90 * DAY_MS);
      expect(reply.template_id).not.toBeNull();
      // Signed, short (`^Sanne`) or long (the full name).
      expect(reply.text.endsWith(`^${reply.operator.split(' ')[0]}`) || reply.text.endsWith(reply.operator)).toBe(true);
      if (reply.send_mode === 'connector') {
        expect(['mastodon', 'bluesky']).toContain(reply.channel);
        expect(reply.external_url).toMatch(/^https:\/\//);
      }
    }
    expect(db.prepare('SELECT count(*) FROM mentions WHERE first_response_at IS NOT NULL').pluck().get()).toBe(
      replies.length,
    );
    const logged = db
      .prepare(
        `SELECT count(*) FROM replies r WHERE EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'reply'
           AND a.entity_id = CAST(r.id AS TEXT) AND a.action IN ('reply.send', 'reply.markSent') AND a.at = r.sent_at)`,
      )
      .pluck()
      .get();
    expect(logged).toBe(replies.length);
  });

  it('resolves handled mentions after they arrived, and keeps notes, tags and versions consistent', () => {
    const wrong = db
      .prepare(
        `SELECT count(*) FROM mentions WHERE resolved_at IS NOT NULL
           AND (resolved_at < created_at OR resolved_at >= ? OR status NOT IN ('resolved', 'archived'))`,
      )
      .pluck()
      .get(until);
    expect(wrong).toBe(0);
    expect(db.prepare('SELECT count(*) FROM mentions WHERE resolved_at IS NOT NULL').pluck().get()).toBeGreaterThan(
      100,
    );
    expect(db.prepare('SELECT count(*) FROM mention_notes').pluck().get()).toBeGreaterThan(10);
    expect(db.prepare('SELECT count(*) FROM mention_tags').pluck().get()).toBeGreaterThan(10);
    // A mention's version counts the workflow steps the audit log has for it.
    const versions = db
      .prepare(
        `SELECT count(*) FROM mentions m WHERE m.version !=
           (SELECT count(*) FROM audit_log a WHERE a.entity = 'mention' AND a.entity_id = CAST(m.id AS TEXT))`,
      )
      .pluck()
      .get();
    expect(versions).toBe(0);
  });

  it('builds rollups that agree with the tagged and answered mentions', () => {
    const check = verifyRollups(db);
    expect(check.differences).toEqual([]);
    expect(db.prepare(`SELECT count(*) FROM rollup_month WHERE topics != ''`).pluck().get()).toBeGreaterThan(0);
    expect(db.prepare('SELECT sum(replied) FROM rollup_month').pluck().get()).toBeGreaterThan(50);
  });

  it('gives the planner statistics', () => {
    expect(db.prepare(`SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'mentions'`).pluck().get()).toBeGreaterThan(0);
  });
});

/** Everything the demo adds besides mentions, in one digest. */
function deskDigest(database: Db): string {
  const hash = createHash('sha256');
  const tables = [
    'SELECT name, query, colour, created_at FROM topics ORDER BY id',
    'SELECT * FROM mention_topics ORDER BY topic_id, mention_id',
    'SELECT name, initials, colour, language, created_at FROM operators ORDER BY id',
    'SELECT * FROM replies ORDER BY id',
    'SELECT * FROM mention_notes ORDER BY id',
    'SELECT * FROM mention_tags ORDER BY mention_id, tag',
    'SELECT at, actor, action, entity, entity_id, detail FROM audit_log ORDER BY id',
    'SELECT id, first_response_at, resolved_at, version FROM mentions ORDER BY id',
  ];
  for (const sql of tables) for (const row of database.prepare(sql).iterate()) hash.update(JSON.stringify(row));
  return hash.digest('hex');
}

describe('furnishing the demo', () => {
  const demo = async (seed: number): Promise<Db> => {
    const workspace = openMemoryWorkspace();
    await generateDemo(workspace, { mentions: 4_000, years: 1, seed, until });
    return workspace;
  };

  it('is the same for the same seed and differs for another', async () => {
    const [first, second, other] = [await demo(3), await demo(3), await demo(4)];
    expect(deskDigest(first)).toBe(deskDigest(second));
    expect(deskDigest(other)).not.toBe(deskDigest(first));
  });

  it('adds no second set of topics or profiles to a workspace that has them, and tags the new mentions', async () => {
    const workspace = await demo(6);
    const before = workspace.prepare('SELECT count(*) FROM mention_topics').pluck().get() as number;
    const added = await generateDemo(workspace, { mentions: 1_000, years: 1, seed: 7, until });
    expect(added.furnished).toMatchObject({ operators: 0, topics: 0 });
    expect(added.furnished!.topicTags).toBeGreaterThan(900);
    expect(workspace.prepare('SELECT count(*) FROM topics').pluck().get()).toBe(DEMO_TOPIC_QUERIES.length);
    expect(workspace.prepare('SELECT count(*) FROM mention_topics').pluck().get()).toBe(
      before + added.furnished!.topicTags,
    );
    expect(verifyRollups(workspace).differences).toEqual([]);
  });
});
