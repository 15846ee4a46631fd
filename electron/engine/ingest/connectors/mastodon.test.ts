import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretBox } from '../../secrets/secret-box';
import { sealSourceConfig } from './config';
import { SourceError } from './errors';
import { pollContext, tempSecretBox } from './fixtures/context';
import { MastodonFixture, mastodonAccount, type FixtureStatus } from './fixtures/mastodon-server';
import { mastodonConnector, newerId, type MastodonConfig, type MastodonCursor } from './mastodon';

let mastodon: MastodonFixture;
let secrets: ReturnType<typeof tempSecretBox>;
let box: SecretBox;

const id = (n: number) => String(113_400_000_000_000_000n + BigInt(n));
const gemeente = mastodonAccount('77', 'gemeente', 'Gemeente Eindhoven', 5400) as { id: string; acct: string };

/** Statuses n..n+count-1 tagged #eindhoven, ids rising with time as on a real instance. */
function tagged(from: number, count: number, extra: Partial<FixtureStatus> = {}): FixtureStatus[] {
  return Array.from({ length: count }, (_, i) => ({
    id: id(from + i),
    text: `Lampen kapot op de Markt, melding ${from + i}`,
    tags: ['eindhoven'],
    createdAt: new Date(Date.UTC(2026, 10, 2, 8, 0, from + i)).toISOString(),
    ...extra,
  }));
}

function config(extra: Record<string, unknown>): MastodonConfig {
  return sealSourceConfig(mastodonConnector, { instance: mastodon.url, ...extra }, box);
}

const poll = (cfg: MastodonConfig, cursor: MastodonCursor | null) =>
  mastodonConnector.poll(cfg, cursor, pollContext(box));
const uri = (n: number) => `https://mastodon.fixture/users/stadsbewoner/statuses/${id(n)}`;

beforeEach(async () => {
  mastodon = await MastodonFixture.start();
  secrets = tempSecretBox();
  box = secrets.box;
});
afterEach(async () => {
  await mastodon.close();
  secrets.dispose();
});

describe('Mastodon connector', () => {
  it('starts a hashtag timeline from its newest page, without a token', async () => {
    mastodon.add(...tagged(0, 50), { id: id(60), text: 'Over iets anders', tags: ['utrecht'] });
    const result = await poll(config({ timeline: 'hashtag', hashtag: '#Eindhoven' }), null);
    const [request] = mastodon.server.requests;
    expect(request?.path).toBe('/api/v1/timelines/tag/Eindhoven');
    expect(Object.fromEntries(request!.query)).toEqual({ limit: '40' });
    expect(request?.headers.authorization).toBeUndefined();
    expect(result.mentions).toHaveLength(40);
    expect(result.mentions[0]).toMatchObject({
      channel: 'mastodon',
      externalId: uri(49),
      url: `https://mastodon.fixture/@stadsbewoner/${id(49)}`,
      author: { handle: 'stadsbewoner@mastodon.fixture', followers: 230 },
    });
    expect(result.mentions[0]?.text).toContain('Lampen kapot op de Markt, melding 49');
    expect(result.cursor).toEqual({ newestId: id(49) });
  });

  it('pages forward with min_id until it has everything since the last poll', async () => {
    mastodon.add(...tagged(0, 5));
    const first = await poll(config({ timeline: 'hashtag', hashtag: 'eindhoven' }), null);
    mastodon.add(...tagged(5, 100));
    const second = await poll(config({ timeline: 'hashtag', hashtag: 'eindhoven' }), first.cursor);

    const minIds = mastodon.server.requests.slice(1).map((r) => r.query.get('min_id'));
    expect(minIds).toEqual([id(4), id(44), id(84)]);
    expect(second.mentions.map((m) => m.externalId).sort()).toEqual(
      tagged(5, 100)
        .map((_, i) => uri(5 + i))
        .sort(),
    );
    expect(second.cursor).toEqual({ newestId: id(104) });

    const third = await poll(config({ timeline: 'hashtag', hashtag: 'eindhoven' }), second.cursor);
    expect(third.mentions).toEqual([]);
    expect(mastodon.server.requests.at(-1)?.query.get('min_id')).toBe(id(104));
  });

  it('reads at most maxPages pages a poll and picks up the rest next time', async () => {
    mastodon.add(...tagged(0, 1));
    const first = await poll(config({ timeline: 'hashtag', hashtag: 'eindhoven', maxPages: 1 }), null);
    mastodon.add(...tagged(1, 60));
    const second = await poll(config({ timeline: 'hashtag', hashtag: 'eindhoven', maxPages: 1 }), first.cursor);
    const third = await poll(config({ timeline: 'hashtag', hashtag: 'eindhoven', maxPages: 1 }), second.cursor);
    expect(second.mentions).toHaveLength(40);
    expect(third.mentions).toHaveLength(20);
    expect(new Set([...second.mentions, ...third.mentions].map((m) => m.externalId)).size).toBe(60);
  });

  it('searches with the access token as a Bearer header', async () => {
    mastodon.add(...tagged(0, 3), { id: id(10), text: 'Het afvalrooster klopt niet', tags: [] });
    const cfg = config({ timeline: 'search', query: 'afvalrooster', secrets: { accessToken: mastodon.accessToken } });
    expect(JSON.stringify(cfg)).not.toContain(mastodon.accessToken);
    const result = await poll(cfg, null);
    const request = mastodon.server.requests[0]!;
    expect(request.path).toBe('/api/v2/search');
    expect(request.headers.authorization).toBe(`Bearer ${mastodon.accessToken}`);
    expect(Object.fromEntries(request.query)).toMatchObject({ q: 'afvalrooster', type: 'statuses', limit: '40' });
    expect(result.mentions.map((m) => m.externalId)).toEqual([uri(10)]);
  });

  it('will not save a search without a token, and explains a refused token', async () => {
    expect(() => config({ timeline: 'search', query: 'afval' })).toThrow(
      /secrets\.accessToken: is needed to search statuses/,
    );
    const cfg = config({ timeline: 'search', query: 'afval', secrets: { accessToken: 'revoked-token' } });
    const error = await poll(cfg, null).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).kind).toBe('auth');
    expect((error as SourceError).message).toBe(
      "the server said 401 Unauthorized (The access token is invalid): check the credentials in the source's settings",
    );
  });

  it("follows an account's timeline, looking the account up only once", async () => {
    mastodon.add(...tagged(0, 2), { id: id(20), text: 'Afvalinzameling gaat door', account: gemeente });
    const cfg = config({ timeline: 'account', account: '@gemeente' });
    const first = await poll(cfg, null);
    expect(first.mentions.map((m) => m.author?.handle)).toEqual(['gemeente@mastodon.fixture']);
    expect(first.cursor).toEqual({ newestId: id(20), account: { acct: 'gemeente', id: '77' } });
    await poll(cfg, first.cursor);
    expect(mastodon.server.requests.map((r) => r.path)).toEqual([
      '/api/v1/accounts/lookup',
      '/api/v1/accounts/77/statuses',
      '/api/v1/accounts/77/statuses',
    ]);
    expect(mastodon.server.requests[1]?.query.get('exclude_reblogs')).toBe('true');
  });

  it('says which account it could not find', async () => {
    const error = await poll(config({ timeline: 'account', account: 'niemand' }), null).catch((err: unknown) => err);
    expect(error).toMatchObject({ kind: 'config', message: expect.stringMatching(/knows no account @niemand/) });
  });

  it('yields the same ids when the same page is polled twice', async () => {
    mastodon.add(...tagged(0, 10));
    const cfg = config({ timeline: 'hashtag', hashtag: 'eindhoven' });
    const a = await poll(cfg, null);
    const b = await poll(cfg, null);
    expect(b.mentions.map((m) => m.externalId)).toEqual(a.mentions.map((m) => m.externalId));
  });

  it('compares ids as the big numbers they are', () => {
    expect(newerId('113400000000000010', '113400000000000009')).toBe(true);
    expect(newerId('99', '100')).toBe(false);
  });
});
