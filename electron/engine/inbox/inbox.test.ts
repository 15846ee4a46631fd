import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { MentionFilter } from '../../../shared/api/inbox';
import type { ApiError } from '../../../shared/api/result';
import type { EngineEvent } from '../../../shared/api/events';
import { Engine } from '../engine';
import { sampleMention, storeMentions } from '../testing/fixtures';
import { mediaOf } from './media';
import { callEngine } from '../testing/workspace';

let engine: Engine;
let seen: EngineEvent[];

beforeEach(() => {
  engine = Engine.open({ dataDir: ':memory:', log: () => {} });
  seen = [];
  engine.events.subscribe((event) => seen.push(event));
});
afterEach(() => engine.close());

const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callEngine(engine, method, input);

async function refusal<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiError> {
  const result = await engine.dispatch(method, input);
  if (result.ok) throw new Error(`${method} was accepted`);
  return result.error;
}

const CHANNELS = ['x', 'mastodon', 'facebook', 'rss'] as const;
const LANGS = ['nl', 'en', 'other', null] as const;
const LABELS = ['positive', 'neutral', 'negative'] as const;
const STATUSES = ['new', 'open', 'waiting', 'resolved', 'archived'] as const;
const ASSIGNEES = [null, 'Anna', 'Bram'] as const;
const BASE = Date.parse('2026-03-01T00:00:00Z');

/** 240 mentions with every combination spread around; several share a created_at so ties are tested. */
function seed(): void {
  storeMentions(
    engine.db,
    Array.from({ length: 240 }, (_, i) =>
      sampleMention({
        externalId: `m${i}`,
        channel: CHANNELS[i % 4],
        lang: LANGS[(i >> 1) % 4] as 'nl',
        text: i % 5 === 0 ? `storing bij de trein ${i}` : `mooi weer in het park ${i}`,
        sentiment: { label: LABELS[i % 3] as 'negative', score: 0 },
        status: STATUSES[(i * 7) % 5],
        assignee: ASSIGNEES[(i >> 2) % 3] ?? null,
        priority: (i * 37) % 100,
        reach: (i * 131) % 5000,
        createdAt: BASE + Math.floor(i / 3) * 3_600_000,
        author: { handle: `h${i % 7}`, displayName: null, followers: i, location: null },
      }),
    ),
  );
  engine.db
    .prepare(
      "INSERT INTO topics (name, query, colour, created_at, updated_at) VALUES ('Trein', 'storing', '#2f6fde', 0, 0)",
    )
    .run();
  engine.db
    .prepare("INSERT INTO mention_topics (mention_id, topic_id) SELECT id, 1 FROM mentions WHERE text LIKE 'storing%'")
    .run();
}

interface Plain {
  id: number;
  channel: string;
  lang: string | null;
  sentiment: string;
  status: string;
  assignee: string | null;
  priority: number;
  reach: number;
  created_at: number;
  text: string;
  topic: number;
  tags: string;
}

/** The brute-force oracle: every mention as a plain object, filtered and sorted in JavaScript. */
function oracle(filter: MentionFilter, sort: 'newest' | 'oldest' | 'priority', me = 'Anna'): number[] {
  const all = engine.db
    .prepare(
      `SELECT id, channel, lang, sentiment, status, assignee, priority, reach, created_at, text,
         (SELECT count(*) FROM mention_topics WHERE mention_id = m.id) AS topic,
         (SELECT json_group_array(tag) FROM mention_tags WHERE mention_id = m.id) AS tags
       FROM mentions m`,
    )
    .all() as Plain[];
  const from = filter.from ? Date.parse(filter.from) : -Infinity;
  const to = filter.to ? Date.parse(filter.to) : Infinity;
  const rows = all.filter(
    (m) =>
      (!filter.status || filter.status.includes(m.status as 'new')) &&
      (!filter.channel || filter.channel.includes(m.channel as 'x')) &&
      (!filter.lang || filter.lang.includes((m.lang ?? 'other') as 'nl')) &&
      (!filter.sentiment || filter.sentiment.includes(m.sentiment as 'negative')) &&
      (!filter.assignee ||
        filter.assignee.some((a) =>
          a === '$unassigned' ? m.assignee === null : (a === '$me' ? me : a) === m.assignee,
        )) &&
      (!filter.topicId || m.topic > 0) &&
      (!filter.tag || filter.tag.some((t) => (JSON.parse(m.tags) as string[]).includes(t))) &&
      (filter.priorityMin === undefined || m.priority >= filter.priorityMin) &&
      (filter.reachMin === undefined || m.reach >= filter.reachMin) &&
      m.created_at >= from &&
      m.created_at < to &&
      (!filter.query || m.text.includes('storing')) &&
      (filter.maxId === undefined || m.id <= filter.maxId),
  );
  const newest = (a: Plain, b: Plain) => b.created_at - a.created_at || b.id - a.id;
  rows.sort(
    sort === 'oldest'
      ? (a, b) => -newest(a, b)
      : sort === 'priority'
        ? (a, b) => b.priority - a.priority || newest(a, b)
        : newest,
  );
  return rows.map((m) => m.id);
}

async function listAll(filter: MentionFilter, sort: 'newest' | 'oldest' | 'priority', limit = 17) {
  const ids: number[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += limit) {
    const page = await call('mentions.list', { filter, sort, offset, limit, operator: 'Anna' });
    totals.add(page.total);
    expect(page.totalIsEstimate).toBe(false);
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length < limit) break;
  }
  expect(totals.size).toBe(1);
  return { ids, total: [...totals][0] };
}

describe('mentions.list', () => {
  beforeEach(seed);

  const FILTERS: MentionFilter[] = [
    {},
    { status: ['new', 'open'] },
    { channel: ['x', 'rss'], sentiment: ['negative'] },
    { lang: ['other'] },
    { lang: ['nl', 'en'], status: ['waiting'] },
    { assignee: ['$me'] },
    { assignee: ['$unassigned', 'Bram'] },
    { topicId: [1] },
    { priorityMin: 50, reachMin: 1000 },
    { from: '2026-03-02T00:00:00Z', to: '2026-03-03T12:00:00Z' },
    { query: 'storing', status: ['new', 'open', 'waiting'] },
    { maxId: 150, sentiment: ['positive', 'neutral'] },
  ];

  for (const filter of FILTERS) {
    for (const sort of ['newest', 'oldest', 'priority'] as const) {
      it(`matches the brute-force answer for ${JSON.stringify(filter)} sorted ${sort}`, async () => {
        const expected = oracle(filter, sort);
        const { ids, total } = await listAll(filter, sort);
        expect(ids).toEqual(expected);
        expect(total).toBe(expected.length);
        expect((await call('inbox.count', { filter, operator: 'Anna' })).total).toBe(expected.length);
      });
    }
  }

  it('filters on tags, and names a query mistake and a $me without operator', async () => {
    await call('inbox.tag', { operator: 'Anna', mentions: [{ id: 3 }, { id: 9 }], add: ['Terugbellen'] });
    expect((await listAll({ tag: ['terugbellen'] }, 'newest')).ids).toEqual([9, 3]);
    const syntax = await refusal('mentions.list', { filter: { query: 'storing AND (' } });
    expect(syntax.code).toBe('invalid_input');
    expect(syntax.message).toMatch(/filter\.query/);
    expect((await refusal('mentions.list', { filter: { assignee: ['$me'] } })).message).toMatch(/\$me/);
  });

  it('keeps a snapshot while mentions arrive, counts the new ones, and extends the cached total', async () => {
    const first = await call('mentions.list', { limit: 10, filter: { sentiment: ['negative'] } });
    expect(first.newerThanSnapshot).toBe(0);
    storeMentions(engine.db, [
      sampleMention({
        externalId: 'late1',
        createdAt: BASE + 999 * 3_600_000,
        sentiment: { label: 'negative', score: -1 },
      }),
      sampleMention({
        externalId: 'late2',
        createdAt: BASE + 999 * 3_600_000,
        sentiment: { label: 'positive', score: 1 },
      }),
    ]);
    const again = await call('mentions.list', { limit: 10, filter: { sentiment: ['negative'], maxId: first.maxId } });
    expect(again.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(again.total).toBe(first.total);
    expect(again.newerThanSnapshot).toBe(1);
    const fresh = await call('mentions.list', { limit: 10, filter: { sentiment: ['negative'] } });
    expect(fresh.total).toBe(first.total + 1);
    expect(fresh.rows[0]?.id).toBe(first.maxId + 1);
  });

  it('without a count, says the total is a lower bound', async () => {
    const page = await call('mentions.list', { limit: 10, withTotal: false, filter: { status: ['open'] } });
    expect(page.totalIsEstimate).toBe(true);
    expect(page.total).toBe(11);
    const counted = await call('inbox.count', { filter: { status: ['open'] } });
    const after = await call('mentions.list', { limit: 10, withTotal: false, filter: { status: ['open'] } });
    expect(after).toMatchObject({ total: counted.total, totalIsEstimate: false });
  });
});

describe('workflow', () => {
  beforeEach(seed);

  it('changes status, writes the audit log, bumps the version, sets resolved_at and tells every window', async () => {
    const before = await call('mentions.get', { id: 2 });
    const outcome = await call('inbox.setStatus', {
      operator: 'Anna',
      mentions: [{ id: 2, expectedVersion: before.version }],
      status: 'resolved',
    });
    expect(outcome.changed).toEqual([
      { id: 2, version: before.version + 1, status: 'resolved', assignee: before.assignee, tags: [] },
    ]);
    const after = await call('mentions.get', { id: 2 });
    expect(after.resolvedAt).not.toBeNull();
    const audit = engine.db
      .prepare("SELECT actor, action, entity, entity_id, detail FROM audit_log WHERE entity_id = '2'")
      .all();
    expect(audit).toEqual([
      {
        actor: 'Anna',
        action: 'mention.status',
        entity: 'mention',
        entity_id: '2',
        detail: JSON.stringify({
          before: { status: before.status, resolvedAt: null },
          after: { status: 'resolved', resolvedAt: Date.parse(after.resolvedAt ?? '') },
        }),
      },
    ]);
    expect(seen).toContainEqual({ name: 'mentions.changed', payload: { ids: [2] } });
    const context = await call('inbox.context', { id: 2 });
    expect(context.history[0]).toMatchObject({ actor: 'Anna', action: 'mention.status' });
  });

  it('refuses a change to a mention someone changed since it was opened, naming who and when; force overwrites', async () => {
    const opened = await call('mentions.get', { id: 5 });
    await call('inbox.assign', {
      operator: 'Bram',
      mentions: [{ id: 5, expectedVersion: opened.version }],
      assignee: 'Bram',
    });
    const conflict = await refusal('inbox.setStatus', {
      operator: 'Anna',
      mentions: [{ id: 5, expectedVersion: opened.version }],
      status: 'spam',
    });
    expect(conflict.code).toBe('conflict');
    expect(conflict.message).toMatch(/mention 5 was changed by Bram at \d{4}-\d\d-\d\dT.*mention\.assign/);
    expect((await call('mentions.get', { id: 5 })).status).toBe(opened.status);
    const forced = await call('inbox.setStatus', {
      operator: 'Anna',
      mentions: [{ id: 5, expectedVersion: opened.version }],
      status: 'spam',
      force: true,
    });
    expect(forced.changed[0]?.status).toBe('spam');
  });

  it('bulk changes undo to exactly the previous values, and the undo is audited and works once', async () => {
    const ids = [1, 2, 3, 4, 5, 6, 7, 8];
    const read = () =>
      engine.db
        .prepare(
          `SELECT id, status, assignee, resolved_at, (SELECT json_group_array(tag) FROM mention_tags WHERE mention_id = m.id) AS tags FROM mentions m WHERE id <= 8 ORDER BY id`,
        )
        .all();
    await call('inbox.tag', { operator: 'Anna', mentions: [{ id: 1 }], add: ['vip'] });
    const before = read();
    const status = await call('inbox.setStatus', {
      operator: 'Anna',
      mentions: ids.map((id) => ({ id })),
      status: 'resolved',
    });
    const assigned = await call('inbox.assign', {
      operator: 'Anna',
      mentions: ids.map((id) => ({ id })),
      assignee: 'Cees',
    });
    const tagged = await call('inbox.tag', {
      operator: 'Anna',
      mentions: ids.map((id) => ({ id })),
      add: ['pers'],
      remove: ['vip'],
    });
    expect(read()).not.toEqual(before);
    for (const token of [tagged.undoToken, assigned.undoToken, status.undoToken]) {
      const undone = await call('inbox.undo', { operator: 'Anna', token: token ?? '' });
      expect(undone.undoToken).toBeNull();
    }
    expect(read()).toEqual(before);
    expect((await refusal('inbox.undo', { operator: 'Anna', token: status.undoToken ?? '' })).code).toBe('not_found');
    const undos = engine.db
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'mention.undo'")
      .pluck()
      .get() as number;
    expect(undos).toBeGreaterThanOrEqual(ids.length * 2);
  });

  it('does not undo over a change someone made afterwards', async () => {
    const done = await call('inbox.setStatus', { operator: 'Anna', mentions: [{ id: 10 }], status: 'waiting' });
    await call('inbox.setStatus', { operator: 'Bram', mentions: [{ id: 10 }], status: 'open' });
    expect((await refusal('inbox.undo', { operator: 'Anna', token: done.undoToken ?? '' })).code).toBe('conflict');
  });

  it('refuses unknown mentions without changing the others', async () => {
    const error = await refusal('inbox.setStatus', {
      operator: 'Anna',
      mentions: [{ id: 1 }, { id: 9999 }],
      status: 'open',
    });
    expect(error.code).toBe('not_found');
    expect(engine.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });

  it('lists tags in use', async () => {
    await call('inbox.tag', { operator: 'Anna', mentions: [{ id: 1 }, { id: 2 }], add: ['pers'] });
    await call('inbox.tag', { operator: 'Anna', mentions: [{ id: 2 }], add: ['VIP'] });
    expect(await call('inbox.tags', {})).toEqual([
      { tag: 'pers', mentions: 2 },
      { tag: 'vip', mentions: 1 },
    ]);
  });
});

describe('notes, context, views, operators, presence', () => {
  beforeEach(seed);

  it('keeps notes (only their writer edits them) in the history', async () => {
    const note = await call('inbox.notes.add', { operator: 'Anna', mentionId: 3, text: 'Klant belt terug' });
    expect((await refusal('inbox.notes.edit', { operator: 'Bram', id: note.id, text: 'x' })).message).toMatch(/Anna/);
    const edited = await call('inbox.notes.edit', { operator: 'Anna', id: note.id, text: 'Klant is teruggebeld' });
    expect(edited.editedAt).not.toBeNull();
    const context = await call('inbox.context', { id: 3 });
    expect(context.notes.map((n) => n.text)).toEqual(['Klant is teruggebeld']);
    expect(context.history.map((h) => h.action)).toEqual(['note.edit', 'note.add']);
    expect(await call('inbox.notes.delete', { operator: 'Anna', id: note.id })).toEqual({ deleted: true });
    expect((await call('inbox.context', { id: 3 })).notes).toEqual([]);
  });

  it("shows the thread and the author's earlier mentions", async () => {
    storeMentions(engine.db, [
      sampleMention({
        externalId: 'root',
        conversationId: 'c1',
        createdAt: BASE,
        author: { handle: 'z', displayName: null, followers: 1, location: null },
      }),
      sampleMention({
        externalId: 'reply',
        parentExternalId: 'root',
        conversationId: 'c1',
        createdAt: BASE + 1000,
        text: 'zie https://example.org/a.',
      }),
      sampleMention({ externalId: 'reply2', parentExternalId: 'reply', conversationId: 'c1', createdAt: BASE + 2000 }),
    ]);
    const id = (ext: string) =>
      engine.db.prepare('SELECT id FROM mentions WHERE external_id = ?').pluck().get(ext) as number;
    const context = await call('inbox.context', { id: id('reply') });
    expect(context.thread.parent?.id).toBe(id('root'));
    expect(context.thread.replies.map((r) => r.id)).toEqual([id('reply2')]);
    expect(context.thread.conversation.map((r) => r.id)).toEqual([id('root'), id('reply2')]);
    expect(context.links).toEqual(['https://example.org/a']);
    expect(context.media).toBeNull();
    const first = oracle({}, 'newest')[0] ?? 0;
    const sameAuthor = engine.db
      .prepare(
        `SELECT id FROM mentions WHERE author_id = (SELECT author_id FROM mentions WHERE id = ?) AND id <> ?
         ORDER BY created_at DESC, id DESC LIMIT 20`,
      )
      .pluck()
      .all(first, first);
    expect(sameAuthor.length).toBeGreaterThan(3);
    expect((await call('inbox.context', { id: first })).authorMentions.map((r) => r.id)).toEqual(sameAuthor);
  });

  it('saved views: seeded defaults with per-operator $me, own and shared views, topic views, counts', async () => {
    const views = await call('inbox.views', { operator: 'Anna' });
    const mine = views.find((v) => v.name === 'Mijn open berichten');
    expect(mine?.count).toBe(oracle({ assignee: ['$me'], status: ['new', 'open', 'waiting'] }, 'newest').length);
    expect(views.find((v) => v.key === 'topic:1')).toMatchObject({
      name: 'Trein',
      count: 48,
      filter: { topicId: [1] },
    });
    const own = await call('inbox.views.save', {
      operator: 'Bram',
      name: 'Trein negatief',
      filter: { topicId: [1], sentiment: ['negative'] },
    });
    expect((await call('inbox.views', { operator: 'Anna' })).some((v) => v.id === own.id)).toBe(false);
    const bram = await call('inbox.views', { operator: 'Bram' });
    expect(bram.find((v) => v.id === own.id)?.count).toBe(
      oracle({ topicId: [1], sentiment: ['negative'] }, 'newest').length,
    );
    expect((await refusal('inbox.views.save', { operator: 'Bram', name: 'trein NEGATIEF' })).code).toBe('conflict');
    expect(seen.some((e) => e.name === 'inbox.views.changed')).toBe(true);
    // a workflow change refreshes the counts
    const before = bram.find((v) => v.name === 'Mijn open berichten')?.count ?? 0;
    const unassigned = oracle({ assignee: ['$unassigned'], status: ['new'] }, 'newest')[0] ?? 0;
    await call('inbox.assign', { operator: 'Bram', mentions: [{ id: unassigned }], assignee: 'Bram' });
    expect((await call('inbox.views', { operator: 'Bram' })).find((v) => v.name === 'Mijn open berichten')?.count).toBe(
      before + 1,
    );
    expect(await call('inbox.views.delete', { operator: 'Bram', id: own.id })).toEqual({ deleted: true });
  });

  it('operators: unique names, audited', async () => {
    const anna = await call('inbox.operators.save', { name: 'Anna', initials: 'av', colour: '#2F6FDE' });
    expect(anna).toMatchObject({ name: 'Anna', initials: 'AV', colour: '#2f6fde', language: 'nl' });
    expect((await refusal('inbox.operators.save', { name: 'anna', initials: 'A', colour: '#000000' })).code).toBe(
      'conflict',
    );
    expect((await refusal('inbox.operators.save', { name: '$me', initials: 'A', colour: '#000000' })).code).toBe(
      'invalid_input',
    );
    await call('inbox.operators.save', {
      id: anna.id,
      name: 'Anna V',
      initials: 'AV',
      colour: '#2f6fde',
      language: 'en',
    });
    expect((await call('inbox.operators.list', {})).map((o) => o.name)).toEqual(['Anna V']);
    expect(await call('inbox.operators.delete', { id: anna.id, operator: 'Bram' })).toEqual({ deleted: true });
    expect(engine.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'operator'").pluck().get()).toBe(3);
  });

  it('presence: who is on which mention, broadcast, gone when left', async () => {
    await call('inbox.presence', { clientId: 'w1', operator: 'Anna', mentionId: 7 });
    const both = await call('inbox.presence', { clientId: 'w2', operator: 'Bram', mentionId: 7, activity: 'replying' });
    expect(both.map((p) => [p.operator, p.mentionId, p.activity])).toEqual([
      ['Anna', 7, 'viewing'],
      ['Bram', 7, 'replying'],
    ]);
    const last = seen.filter((e) => e.name === 'inbox.presence').at(-1);
    expect(last?.payload).toEqual({ entries: both });
    await call('inbox.presence', { clientId: 'w1', operator: 'Anna', mentionId: null });
    expect((await call('inbox.presence.list', {})).map((p) => p.clientId)).toEqual(['w2']);
  });
});

describe('media from imported payloads', () => {
  it('reads Mastodon, X and Bluesky attachments, and says null for an unknown payload', () => {
    expect(
      mediaOf({
        media_attachments: [
          { type: 'image', url: 'https://m/1.jpg', preview_url: 'https://m/1s.jpg', description: 'kat' },
        ],
      }),
    ).toEqual([{ kind: 'image', url: 'https://m/1.jpg', previewUrl: 'https://m/1s.jpg', alt: 'kat' }]);
    expect(
      mediaOf({
        full_text: 'x',
        extended_entities: {
          media: [
            { type: 'photo', media_url_https: 'https://pbs/1.jpg' },
            {
              type: 'video',
              media_url_https: 'https://pbs/v.jpg',
              video_info: {
                variants: [
                  { content_type: 'video/mp4', bitrate: 1, url: 'https://v/lo.mp4' },
                  { content_type: 'video/mp4', bitrate: 9, url: 'https://v/hi.mp4' },
                ],
              },
            },
          ],
        },
      }),
    ).toEqual([
      { kind: 'image', url: 'https://pbs/1.jpg', previewUrl: null, alt: null },
      { kind: 'video', url: 'https://v/hi.mp4', previewUrl: 'https://pbs/v.jpg', alt: null },
    ]);
    expect(
      mediaOf({ uri: 'at://did/app.bsky.feed.post/1', embed: { images: [{ thumb: 't', fullsize: 'f', alt: 'a' }] } }),
    ).toEqual([{ kind: 'image', url: 'f', previewUrl: 't', alt: 'a' }]);
    expect(mediaOf({ topic: 'demo' })).toBeNull();
    expect(mediaOf(null)).toBeNull();
  });
});
