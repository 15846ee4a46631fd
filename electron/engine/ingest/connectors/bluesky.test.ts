import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretBox } from '../../secrets/secret-box';
import { blueskyConnector, type BlueskyConfig, type BlueskyCursor } from './bluesky';
import { sealSourceConfig } from './config';
import { SourceError } from './errors';
import { BlueskyFixture, type FixturePost } from './fixtures/bluesky-server';
import { pollContext, tempSecretBox } from './fixtures/context';

let bluesky: BlueskyFixture;
let secrets: ReturnType<typeof tempSecretBox>;
let box: SecretBox;

const START = Date.parse('2026-11-02T06:00:00Z');

/** Posts n..n+count-1 about the tram, a minute apart. */
function posts(from: number, count: number): FixturePost[] {
  return Array.from({ length: count }, (_, i) => ({
    rkey: `3lb${String(from + i).padStart(7, '0')}`,
    text: `De tram naar het centrum rijdt weer niet #ov (${from + i})`,
    createdAt: new Date(START + (from + i) * 60_000).toISOString(),
  }));
}

function config(extra: Record<string, unknown> = {}, password = bluesky.appPassword): BlueskyConfig {
  return sealSourceConfig(
    blueskyConnector,
    {
      service: bluesky.url,
      identifier: bluesky.identifier,
      query: 'tram',
      secrets: { appPassword: password },
      ...extra,
    },
    box,
  );
}

const poll = (cfg: BlueskyConfig, cursor: BlueskyCursor | null) => blueskyConnector.poll(cfg, cursor, pollContext(box));
const paths = () => bluesky.server.requests.map((r) => r.path.replace('/xrpc/', ''));

beforeEach(async () => {
  bluesky = await BlueskyFixture.start();
  secrets = tempSecretBox();
  box = secrets.box;
});
afterEach(async () => {
  await bluesky.close();
  secrets.dispose();
});

describe('Bluesky connector', () => {
  it('logs in with the app password and searches with the session token', async () => {
    bluesky.add(...posts(0, 3), {
      rkey: '3lbother000',
      text: 'Mooie zonsopkomst',
      createdAt: new Date(START).toISOString(),
    });
    const result = await poll(config(), null);

    const [login, search] = bluesky.server.requests;
    expect(login?.method).toBe('POST');
    expect(login?.path).toBe('/xrpc/com.atproto.server.createSession');
    expect(JSON.parse(login!.body)).toEqual({ identifier: bluesky.identifier, password: bluesky.appPassword });
    expect(search?.path).toBe('/xrpc/app.bsky.feed.searchPosts');
    expect(Object.fromEntries(search!.query)).toEqual({ q: 'tram', sort: 'latest', limit: '100' });
    expect(search?.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);

    expect(result.mentions).toHaveLength(3);
    const newest = result.mentions[0]!;
    expect(newest).toMatchObject({
      channel: 'bluesky',
      externalId: expect.stringMatching(/^at:\/\/did:plc:\w+\/app\.bsky\.feed\.post\/3lb0000002$/),
      url: 'https://bsky.app/profile/buurtbewoner.bsky.social/post/3lb0000002',
      author: { handle: 'buurtbewoner.bsky.social', displayName: 'Buurtbewoner' },
      createdAt: START + 2 * 60_000,
    });
    expect(newest.text).toContain('rijdt weer niet #ov (2)');
    expect(result.cursor?.newest).toBe(new Date(START + 2 * 60_000).toISOString());
  });

  it('keeps the session sealed in the cursor and reuses it on the next poll', async () => {
    bluesky.add(...posts(0, 2));
    const first = await poll(config(), null);
    const token = bluesky.server.requests[1]!.headers.authorization!.slice('Bearer '.length);
    expect(JSON.stringify(first.cursor)).not.toContain(token);
    await poll(config(), first.cursor);
    expect(paths()).toEqual([
      'com.atproto.server.createSession',
      'app.bsky.feed.searchPosts',
      'app.bsky.feed.searchPosts',
    ]);
    expect(bluesky.server.requests[2]?.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('refreshes the session when the server says the token expired, and logs in again when that fails too', async () => {
    bluesky.add(...posts(0, 2));
    const first = await poll(config(), null);
    bluesky.expireAccessTokens();
    const second = await poll(config(), first.cursor);
    expect(paths().slice(2)).toEqual([
      'app.bsky.feed.searchPosts',
      'com.atproto.server.refreshSession',
      'app.bsky.feed.searchPosts',
    ]);
    expect(second.mentions).toHaveLength(2);

    bluesky.expireAccessTokens();
    // A refresh token that was already used is no good: the session must be created anew.
    await poll(config(), first.cursor);
    expect(paths().slice(5)).toEqual([
      'app.bsky.feed.searchPosts',
      'com.atproto.server.refreshSession',
      'com.atproto.server.createSession',
      'app.bsky.feed.searchPosts',
    ]);
  });

  it('refreshes before searching when the token is about to expire', async () => {
    bluesky.accessLifetimeSeconds = 30;
    bluesky.add(...posts(0, 1));
    const first = await poll(config(), null);
    await poll(config(), first.cursor);
    expect(paths().slice(2)).toEqual(['com.atproto.server.refreshSession', 'app.bsky.feed.searchPosts']);
  });

  it('pages with the cursor back to a little before the newest post it had', async () => {
    bluesky.add(...posts(0, 5));
    const first = await poll(config(), null);
    bluesky.add(...posts(5, 250));
    const second = await poll(config(), first.cursor);
    const searches = bluesky.server.requests.filter((r) => r.path.endsWith('searchPosts')).slice(1);
    expect(searches.map((r) => r.query.get('cursor'))).toEqual([null, '100', '200']);
    expect(
      searches.every((r) => r.query.get('since') === new Date(START + 4 * 60_000 - 10 * 60_000).toISOString()),
    ).toBe(true);
    const ids = new Set(second.mentions.map((m) => m.externalId.split('/').pop()));
    for (const post of posts(5, 250)) expect(ids.has(post.rkey)).toBe(true);
    expect(second.cursor?.newest).toBe(new Date(START + 254 * 60_000).toISOString());
    expect(second.cursor?.pending).toBeUndefined();
  });

  it('goes on from the page cursor where a poll with maxPages stopped', async () => {
    bluesky.add(...posts(0, 1));
    const first = await poll(config({ maxPages: 1 }), null);
    bluesky.add(...posts(1, 150));
    const cut = await poll(config({ maxPages: 1 }), first.cursor);
    expect(cut.cursor?.pending?.cursor).toBe('100');
    const rest = await poll(config({ maxPages: 1 }), cut.cursor);
    expect(bluesky.server.requests.at(-1)?.query.get('cursor')).toBe('100');
    const all = new Set([...cut.mentions, ...rest.mentions].map((m) => m.externalId));
    expect(all.size).toBe(151);
    expect(rest.cursor?.pending).toBeUndefined();
  });

  it('yields the same ids when the same page is polled twice', async () => {
    bluesky.add(...posts(0, 4));
    const a = await poll(config(), null);
    const b = await poll(config(), null);
    expect(b.mentions.map((m) => m.externalId)).toEqual(a.mentions.map((m) => m.externalId));
  });

  it('says plainly when the app password is refused', async () => {
    const error = await poll(config({}, 'wrong-pass-word-0000'), null).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).kind).toBe('auth');
    expect((error as SourceError).message).toBe(
      `Bluesky refused the app password for ${bluesky.identifier} (Invalid identifier or password): check it in the source's settings`,
    );
  });
});
