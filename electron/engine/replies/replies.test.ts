import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { EngineEvent } from '../../../shared/api/events';
import { Engine } from '../engine';
import { BlueskyFixture } from '../ingest/connectors/fixtures/bluesky-server';
import { MastodonFixture } from '../ingest/connectors/fixtures/mastodon-server';
import { sampleMention, storeMentions } from '../testing/fixtures';
import { callEngine } from '../testing/workspace';

let dataDir: string;
let engine: Engine;
let seen: EngineEvent[];

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'watchpost-replies-'));
  engine = Engine.open({ dataDir, log: () => {} });
  seen = [];
  engine.events.subscribe((event) => seen.push(event));
});

afterEach(async () => {
  await engine.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callEngine(engine, method, input);

async function failure(method: MethodName, input: unknown): Promise<{ code: string; message: string }> {
  const result = await engine.dispatch(method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}

const GOOD_NL = 'Beste Jan, sorry dat de lamp kapot is. We sturen iemand langs. ^Sanne';

/** A Mastodon source with a token, polled once: its mention is stored with the status id to reply to. */
async function mastodonMention(mastodon: MastodonFixture, reach = 10): Promise<number> {
  mastodon.add({ id: '113400000000000001', text: 'De lantaarnpaal bij mij is kapot #eindhoven', tags: ['eindhoven'] });
  const { source } = await call('sources.add', {
    kind: 'mastodon',
    name: '#eindhoven',
    settings: {
      instance: mastodon.url,
      timeline: 'hashtag',
      hashtag: 'eindhoven',
      secrets: { accessToken: mastodon.accessToken },
    },
  });
  await call('sources.checkNow', { id: source.id });
  const id = engine.db.prepare("SELECT id FROM mentions WHERE channel = 'mastodon'").pluck().get() as number;
  engine.db.prepare("UPDATE mentions SET reach = ?, sentiment_label = 'negative' WHERE id = ?").run(reach, id);
  return id;
}

describe('template library', () => {
  it('starts with the default templates and snippets in Dutch and English', async () => {
    const templates = await call('replies.templates.list', {});
    expect(templates.length).toBeGreaterThanOrEqual(5);
    expect(templates.some((t) => t.variants.some((v) => v.lang === 'en'))).toBe(true);
    const snippets = await call('replies.snippets.list', {});
    expect(snippets.map((s) => `${s.name}/${s.lang}`)).toContain('greeting/nl');
    expect((await call('replies.tone.get', {})).preset).toBe('public');
  });

  it('refuses a template with a syntax error, naming variant, line and column', async () => {
    const error = await failure('replies.templates.save', {
      name: 'Kapot',
      category: 'Test',
      variants: [{ lang: 'nl', kind: 'short', body: 'Beste,\n{{#question}}vraag' }],
      operator: 'Sanne',
    });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(
      'variants[0].body (nl, short): line 2, column 1: the section {{#question}} is never closed with {{/question}}',
    );
    const unknown = await failure('replies.templates.save', {
      name: 'Kapot',
      category: 'Test',
      variants: [{ lang: 'nl', kind: 'short', body: '{{> groet}} hoi' }],
      operator: 'Sanne',
    });
    expect(unknown.message).toContain('there is no snippet "groet"');
  });

  it('exports and imports the library; a broken file names its path and changes nothing', async () => {
    const file = await call('replies.library.export', {});
    const before = (await call('replies.templates.list', {})).length;
    const broken = structuredClone(file) as { templates: { variants: { body: unknown }[] }[] };
    broken.templates[1]!.variants[0]!.body = 42;
    const error = await failure('replies.library.import', { library: broken, operator: 'Sanne' });
    expect(error.message).toContain('templates[1].variants[0].body');
    const outcome = await call('replies.library.import', { library: file, mode: 'replace', operator: 'Sanne' });
    expect(outcome).toMatchObject({ templatesAdded: before, snippetsAdded: file.snippets.length });
    expect((await call('replies.templates.list', {})).length).toBe(before);
  });

  it('renders a template for a mention and names a missing required variable', async () => {
    storeMentions(engine.db, [
      sampleMention({ externalId: '1', text: 'Wanneer is mijn afspraak?', sentiment: { label: 'neutral', score: 0 } }),
    ]);
    const templates = await call('replies.templates.list', { search: 'afspraak' });
    const mentionId = engine.db.prepare('SELECT id FROM mentions').pluck().get() as number;
    const input = { templateId: templates[0]!.id, mentionId, operator: 'Sanne de Vries' };
    expect(await call('replies.render', input)).toEqual({
      ok: false,
      missing: ['appointment.date'],
      lang: 'nl',
      kind: 'short',
    });
    const filled = await call('replies.render', { ...input, values: { 'appointment.date': '3 maart' } });
    expect(filled).toMatchObject({ ok: true, defaulted: ['appointment.place'] });
    if (filled.ok)
      expect(filled.text).toBe('Beste Een Inwoner, Uw afspraak staat op 3 maart in het Stadskantoor. Tot dan! ^Sanne');
    const suggestions = await call('replies.suggest', { mentionId });
    expect(suggestions[0]).toMatchObject({ name: 'Afspraak bevestigen' });
    expect(suggestions[0]!.reasons).toContain('keyword');
  });
});

describe('sending through Mastodon', () => {
  it('blocks the wrong form of address, then sends, threads the reply and records it', async () => {
    const mastodon = await MastodonFixture.start();
    try {
      const mentionId = await mastodonMention(mastodon);
      const compose = await call('replies.compose', { mentionId, operator: 'Sanne' });
      expect(compose).toMatchObject({ channel: 'mastodon', sendMode: 'connector', limit: 500, variantKind: 'short' });
      // Mastodon delivers a reply only to whom it mentions: the composer starts with the author's whole handle.
      const author = engine.db
        .prepare('SELECT a.handle FROM mentions m JOIN authors a ON a.id = m.author_id WHERE m.id = ?')
        .pluck()
        .get(mentionId) as string;
      expect(author).toContain('@');
      expect(compose.replyMention).toBe(`@${author}`);

      const blocked = await call('replies.send', {
        mentionId,
        text: 'Beste Jan, heb jij een foto? ^Sanne',
        lang: 'nl',
        operator: 'Sanne',
      });
      expect(blocked.outcome).toBe('blocked');
      expect(blocked.findings[0]).toMatchObject({ kind: 'address', severity: 'error', fix: { replacement: 'hebt u' } });
      expect(mastodon.posting.posted).toHaveLength(0);

      const sent = await call('replies.send', {
        mentionId,
        replyId: blocked.reply.id,
        text: GOOD_NL,
        lang: 'nl',
        operator: 'Sanne',
      });
      expect(sent.outcome).toBe('sent');
      expect(mastodon.posting.posted).toHaveLength(1);
      const request = mastodon.server.requestsTo('/api/v1/statuses')[0]!;
      expect(request.headers.authorization).toBe(`Bearer ${mastodon.accessToken}`);
      // Sent without the mention, the reply goes out (and is kept) with it in front.
      expect(JSON.parse(request.body)).toMatchObject({
        status: `@${author} ${GOOD_NL}`,
        in_reply_to_id: '113400000000000001',
      });
      expect(sent.reply).toMatchObject({
        text: `@${author} ${GOOD_NL}`,
        state: 'sent',
        externalId: mastodon.posting.posted[0]!.id,
        attempts: 1,
      });

      const thread = await call('replies.forMention', { mentionId });
      expect(thread.map((r) => r.state)).toEqual(['sent']);
      const first = engine.db.prepare('SELECT first_response_at FROM mentions WHERE id = ?').pluck().get(mentionId);
      expect(first).toBe(Date.parse(sent.reply.sentAt!));
      const audit = await call('replies.audit', { mentionId });
      expect(audit.map((entry) => entry.action)).toEqual(['reply.ready', 'reply.send']);
      const states = seen.flatMap((event) =>
        event.name === 'replies.changed' ? [(event.payload as { state: string }).state] : [],
      );
      expect(states).toContain('sent');
      expect((await failure('replies.retry', { id: sent.reply.id, operator: 'Sanne' })).code).toBe('conflict');
    } finally {
      await mastodon.close();
    }
  });

  it('keeps a failed send visible and a retry posts once, even after a lost answer', async () => {
    const mastodon = await MastodonFixture.start();
    try {
      const mentionId = await mastodonMention(mastodon);
      mastodon.server.fail({ status: 503, body: { error: 'Service Unavailable' } });
      const failed = await call('replies.send', { mentionId, text: GOOD_NL, lang: 'nl', operator: 'Sanne' });
      expect(failed.outcome).toBe('failed');
      expect(failed.reply.error).toContain('503');
      expect((await call('replies.list', { state: ['failed'] })).total).toBe(1);

      const retried = await call('replies.retry', { id: failed.reply.id, operator: 'Sanne' });
      expect(retried.outcome).toBe('sent');
      expect(mastodon.posting.posted).toHaveLength(1);

      // The channel got the post but the answer was lost: the reply is failed again and retried with the same key.
      engine.db.prepare("UPDATE replies SET state = 'failed' WHERE id = ?").run(failed.reply.id);
      const again = await call('replies.retry', { id: failed.reply.id, operator: 'Sanne' });
      expect(again.outcome).toBe('sent');
      expect(mastodon.posting.posted).toHaveLength(1);
      const keys = mastodon.server.requestsTo('/api/v1/statuses').map((r) => r.headers['idempotency-key']);
      expect(new Set(keys).size).toBe(1);
    } finally {
      await mastodon.close();
    }
  });
});

describe('approval', () => {
  it('sends a sensitive reply only after a second operator approves it', async () => {
    const mastodon = await MastodonFixture.start();
    try {
      const mentionId = await mastodonMention(mastodon, 50_000);
      const queued = await call('replies.send', { mentionId, text: GOOD_NL, lang: 'nl', operator: 'Sanne' });
      expect(queued.outcome).toBe('pending_approval');
      expect(queued.reply.sensitiveReasons).toEqual([{ kind: 'negative_reach', detail: '50000' }]);
      expect(mastodon.posting.posted).toHaveLength(0);
      expect((await call('replies.list', { state: ['pending_approval'] })).rows[0]?.mention.reach).toBe(50_000);

      const self = await failure('replies.review', { id: queued.reply.id, decision: 'approve', operator: 'Sanne' });
      expect(self.code).toBe('conflict');
      const rejected = await call('replies.review', {
        id: queued.reply.id,
        decision: 'reject',
        comment: 'Noem de planning',
        operator: 'Pieter',
      });
      expect(rejected.reply).toMatchObject({
        state: 'rejected',
        approver: 'Pieter',
        reviewComment: 'Noem de planning',
      });

      const resubmitted = await call('replies.send', {
        mentionId,
        replyId: queued.reply.id,
        text: 'Beste Jan, sorry dat de lamp kapot is. Morgen komt er iemand. ^Sanne',
        lang: 'nl',
        operator: 'Sanne',
      });
      expect(resubmitted.outcome).toBe('pending_approval');
      const approved = await call('replies.review', { id: queued.reply.id, decision: 'approve', operator: 'Pieter' });
      expect(approved.outcome).toBe('sent');
      expect(approved.reply).toMatchObject({ operator: 'Sanne', approver: 'Pieter' });
      expect(mastodon.posting.posted).toHaveLength(1);
      const actions = (await call('replies.audit', { replyId: queued.reply.id })).map((e) => `${e.action}:${e.actor}`);
      expect(actions).toEqual([
        'reply.submit:Sanne',
        'reply.reject:Pieter',
        'reply.submit:Sanne',
        'reply.approve:Pieter',
        'reply.send:Pieter',
      ]);
    } finally {
      await mastodon.close();
    }
  });
});

describe('drafts', () => {
  it('keeps one draft per reply as the operator types, continues it in the composer, and keeps a sent-back reply sent back', async () => {
    storeMentions(engine.db, [sampleMention({ externalId: 'd1', text: 'Mijn container is niet geleegd' })]);
    const mentionId = engine.db.prepare('SELECT id FROM mentions').pluck().get() as number;
    const first = await call('replies.saveDraft', { mentionId, text: 'Beste', lang: 'nl', operator: 'Sanne' });
    const again = await call('replies.saveDraft', {
      mentionId,
      replyId: first.id,
      text: 'Beste Jan, we',
      lang: 'nl',
      operator: 'Sanne',
    });
    expect(again).toMatchObject({ id: first.id, state: 'draft', text: 'Beste Jan, we' });
    expect((await call('replies.forMention', { mentionId })).map((reply) => reply.id)).toEqual([first.id]);
    // Only the draft's start is logged, not every pause in the typing.
    expect((await call('replies.audit', { replyId: first.id })).map((entry) => entry.action)).toEqual(['reply.draft']);
    expect((await call('replies.compose', { mentionId, operator: 'Sanne' })).draft?.text).toBe('Beste Jan, we');
    expect((await call('replies.compose', { mentionId, operator: 'Pieter' })).draft).toBeNull();

    // A reply sent back with a comment stays in "sent back" while its author reworks it.
    engine.db
      .prepare(
        "UPDATE replies SET state = 'rejected', approver = 'Pieter', review_comment = 'Noem de datum' WHERE id = ?",
      )
      .run(first.id);
    const reworked = await call('replies.saveDraft', {
      mentionId,
      replyId: first.id,
      text: 'Beste Jan, we legen hem morgen.',
      lang: 'nl',
      operator: 'Sanne',
    });
    expect(reworked).toMatchObject({ state: 'rejected', reviewComment: 'Noem de datum' });
    expect(seen.filter((event) => event.name === 'replies.changed').map((event) => event.payload)).toContainEqual({
      replyId: first.id,
      mentionId,
      state: 'rejected',
      operator: 'Sanne',
    });
  });
});

describe('sending through Bluesky', () => {
  it('posts a reply record with reply refs, and a retry finds it instead of posting again', async () => {
    const bluesky = await BlueskyFixture.start();
    try {
      bluesky.add({
        rkey: '3lbuurt1',
        text: 'Gat in de weg bij de Markt',
        createdAt: new Date(Date.now() - 60_000).toISOString(),
      });
      const { source } = await call('sources.add', {
        kind: 'bluesky',
        name: 'Markt',
        settings: {
          service: bluesky.url,
          identifier: bluesky.identifier,
          query: 'Markt',
          secrets: { appPassword: bluesky.appPassword },
        },
      });
      await call('sources.checkNow', { id: source.id });
      const mentionId = engine.db.prepare("SELECT id FROM mentions WHERE channel = 'bluesky'").pluck().get() as number;
      const text = 'Beste Buurtbewoner, dank voor uw melding. We zetten het door. ^Sanne';
      const sent = await call('replies.send', { mentionId, text, lang: 'nl', operator: 'Sanne' });
      expect(sent.outcome).toBe('sent');
      expect(bluesky.repo.records).toHaveLength(1);
      const record = bluesky.repo.records[0]!;
      expect(record.value).toMatchObject({ text, reply: { parent: { uri: expect.stringContaining('3lbuurt1') } } });
      expect(sent.reply.externalId).toBe(record.uri);

      engine.db.prepare("UPDATE replies SET state = 'failed' WHERE id = ?").run(sent.reply.id);
      expect((await call('replies.retry', { id: sent.reply.id, operator: 'Sanne' })).outcome).toBe('sent');
      expect(bluesky.repo.records).toHaveLength(1);
    } finally {
      await bluesky.close();
    }
  });
  it('keeps a session it had to refresh, so the next poll or reply needs no new login', async () => {
    const bluesky = await BlueskyFixture.start();
    try {
      bluesky.add({ rkey: '3lbuurt2', text: 'Losse stoeptegel op de Markt', createdAt: new Date().toISOString() });
      const { source } = await call('sources.add', {
        kind: 'bluesky',
        name: 'Markt',
        settings: {
          service: bluesky.url,
          identifier: bluesky.identifier,
          query: 'Markt',
          secrets: { appPassword: bluesky.appPassword },
        },
      });
      await call('sources.checkNow', { id: source.id });
      const logins = () => bluesky.server.requestsTo('/xrpc/com.atproto.server.createSession').length;
      const refreshes = () => bluesky.server.requestsTo('/xrpc/com.atproto.server.refreshSession').length;
      const storedSession = () =>
        JSON.parse(engine.db.prepare('SELECT cursor FROM sources WHERE id = ?').pluck().get(source.id) as string)
          .session as { accessJwt: string; refreshJwt: string };
      expect(logins()).toBe(1);
      const before = storedSession();

      // Two hours on: the reply refreshes the session (which spends the stored refresh token) and keeps the new one.
      bluesky.expireAccessTokens();
      const mentionId = engine.db.prepare("SELECT id FROM mentions WHERE channel = 'bluesky'").pluck().get() as number;
      const text = 'Beste Buurtbewoner, dank voor uw melding. We zetten het door. ^Sanne';
      expect((await call('replies.send', { mentionId, text, lang: 'nl', operator: 'Sanne' })).outcome).toBe('sent');
      expect(refreshes()).toBe(1);
      const after = storedSession();
      expect(after.refreshJwt).not.toBe(before.refreshJwt);
      // Sealed at rest, like every credential.
      expect(after.accessJwt.split('.')).not.toHaveLength(3);

      // The next poll (as after a restart: it reads the session from the database) refreshes with the kept
      // refresh token instead of logging in again.
      bluesky.expireAccessTokens();
      await call('sources.checkNow', { id: source.id });
      expect(refreshes()).toBe(2);
      expect(logins()).toBe(1);
      const health = engine.db.prepare('SELECT health FROM sources WHERE id = ?').pluck().get(source.id);
      expect(health).toBe('ok');
    } finally {
      await bluesky.close();
    }
  });
});

describe('manual channels and KPIs', () => {
  it('hands an X reply over for copying, then measures first response per operator', async () => {
    storeMentions(engine.db, [
      sampleMention({
        externalId: '9',
        createdAt: Date.now() - 30 * 60_000,
        sentiment: { label: 'neutral', score: 0 },
      }),
    ]);
    const mentionId = engine.db.prepare('SELECT id FROM mentions').pluck().get() as number;
    const manual = await call('replies.send', {
      mentionId,
      text: 'Beste Jan, we kijken ernaar. ^Sanne',
      lang: 'nl',
      operator: 'Sanne',
    });
    expect(manual.outcome).toBe('manual');
    const marked = await call('replies.markSent', {
      id: manual.reply.id,
      operator: 'Sanne',
      externalUrl: 'https://x.com/gemeente/status/1',
    });
    expect(marked.state).toBe('sent');
    expect((await failure('replies.markSent', { id: manual.reply.id, operator: 'Sanne' })).code).toBe('conflict');
    // The inbox shows the reply in the mention's thread and its steps in the mention's history.
    const context = await call('inbox.context', { id: mentionId });
    expect(context.ourReplies).toEqual([
      expect.objectContaining({
        mentionId,
        text: 'Beste Jan, we kijken ernaar. ^Sanne',
        operator: 'Sanne',
        state: 'sent',
      }),
    ]);
    expect(context.history.map((entry) => entry.action)).toEqual(['reply.markSent', 'reply.ready']);
    const kpis = await call('replies.kpis', {
      from: new Date(Date.now() - 86_400_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
      firstResponseTargetMinutes: 60,
    });
    expect(kpis.total.firstResponse.count).toBe(1);
    expect(kpis.total.firstResponse.medianMs).toBeGreaterThanOrEqual(30 * 60_000 - 1000);
    expect(kpis.total.firstResponse.withinTarget).toBe(1);
    expect(kpis.byOperator.map((o) => o.operator)).toEqual(['Sanne']);
    expect(kpis.buckets.reduce((sum, bucket) => sum + bucket.mentions, 0)).toBe(1);
  });
});
