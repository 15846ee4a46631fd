import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretBox } from '../../secrets/secret-box';
import { sealSourceConfig } from './config';
import { SourceError } from './errors';
import { pollContext, tempSecretBox } from './fixtures/context';
import { FIXTURE_CHANNEL_ID, QUOTA_EXCEEDED, YouTubeFixture, type FixtureComment } from './fixtures/youtube-server';
import { youtubeConnector, type YouTubeConfig, type YouTubeCursor } from './youtube';

let youtube: YouTubeFixture;
let secrets: ReturnType<typeof tempSecretBox>;
let box: SecretBox;

const START = Date.parse('2026-11-01T08:00:00Z');

/** Comments n..n+count-1, one a minute, each on the bridge video. */
function comments(from: number, count: number): FixtureComment[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `Ugz${String(from + i).padStart(5, '0')}`,
    videoId: 'brugOpen123',
    text: `Wanneer gaat de brug weer open? (${from + i})`,
    publishedAt: new Date(START + (from + i) * 60_000).toISOString(),
  }));
}

function config(extra: Record<string, unknown> = {}, key = youtube.apiKey): YouTubeConfig {
  return sealSourceConfig(
    youtubeConnector,
    { channelId: FIXTURE_CHANNEL_ID, apiRoot: youtube.apiRoot, secrets: { apiKey: key }, ...extra },
    box,
  );
}

function poll(cfg: YouTubeConfig, cursor: YouTubeCursor | null) {
  return youtubeConnector.poll(cfg, cursor, pollContext(box));
}

beforeEach(async () => {
  youtube = await YouTubeFixture.start();
  secrets = tempSecretBox();
  box = secrets.box;
});

afterEach(async () => {
  await youtube.close();
  secrets.dispose();
});

describe('YouTube comment threads connector', () => {
  it('reads the newest page of a channel with the API key, replies as part of the thread', async () => {
    youtube.add(...comments(0, 3), {
      id: 'UgzThread',
      videoId: 'brugOpen123',
      text: 'Goed nieuws over de brug!',
      author: '@wijkraad',
      publishedAt: new Date(START + 3600_000).toISOString(),
      replies: [
        {
          id: 'UgzThread.reply1',
          text: 'Eindelijk.',
          author: '@buurman',
          publishedAt: new Date(START + 3700_000).toISOString(),
        },
      ],
    });
    const result = await poll(config(), null);

    const [request] = youtube.server.requests;
    expect(request?.path).toBe('/youtube/v3/commentThreads');
    expect(Object.fromEntries(request!.query)).toMatchObject({
      key: youtube.apiKey,
      part: 'snippet,replies',
      allThreadsRelatedToChannelId: FIXTURE_CHANNEL_ID,
      order: 'time',
      maxResults: '100',
    });
    expect(result.mentions).toHaveLength(5);
    const reply = result.mentions.find((m) => m.externalId === 'UgzThread.reply1');
    expect(reply).toMatchObject({
      channel: 'youtube',
      text: 'Eindelijk.',
      parentExternalId: 'UgzThread',
      conversationId: 'UgzThread',
      url: 'https://www.youtube.com/watch?v=brugOpen123&lc=UgzThread.reply1',
      author: { handle: '@buurman' },
      createdAt: START + 3700_000,
    });
    expect(result.cursor).toEqual({ newest: new Date(START + 3600_000).toISOString() });
  });

  it('pages back with pageToken until it reaches the comments it already has', async () => {
    youtube.add(...comments(0, 10));
    const first = await poll(config(), null);
    youtube.add(...comments(10, 250));
    const second = await poll(config(), first.cursor);

    const tokens = youtube.server.requests.slice(1).map((r) => r.query.get('pageToken'));
    expect(tokens).toHaveLength(3);
    expect(tokens[0]).toBeNull();
    expect(tokens[1]).toBeTruthy();
    expect(tokens[2]).toBeTruthy();
    const ids = new Set(second.mentions.map((m) => m.externalId));
    for (const c of comments(10, 250)) expect(ids.has(c.id)).toBe(true);
    expect(second.cursor).toEqual({ newest: comments(259, 1)[0]!.publishedAt });
  });

  it('goes on where it stopped when one poll may not read everything', async () => {
    youtube.add(...comments(0, 5));
    const first = await poll(config(), null);
    youtube.add(...comments(5, 300));
    const cut = await poll(config({ maxPages: 2 }), first.cursor);
    expect(cut.mentions).toHaveLength(200);
    expect(cut.cursor?.pending).toBeDefined();
    const rest = await poll(config({ maxPages: 2 }), cut.cursor);
    const all = new Set([...cut.mentions, ...rest.mentions].map((m) => m.externalId));
    for (const c of comments(5, 300)) expect(all.has(c.id)).toBe(true);
    expect(rest.cursor).toEqual({ newest: comments(304, 1)[0]!.publishedAt });
  });

  it('yields the same ids when the same page is polled twice', async () => {
    youtube.add(...comments(0, 4));
    const a = await poll(config(), null);
    const b = await poll(config(), null);
    expect(b.mentions.map((m) => m.externalId)).toEqual(a.mentions.map((m) => m.externalId));
  });

  it('reads comments on one video', async () => {
    youtube.add(...comments(0, 2), {
      id: 'UgzOther',
      videoId: 'anderFilmpj',
      text: 'Mooi!',
      publishedAt: new Date(START).toISOString(),
    });
    const result = await poll(config({ channelId: undefined, videoId: 'anderFilmpj' }), null);
    expect(youtube.server.requests[0]?.query.get('videoId')).toBe('anderFilmpj');
    expect(result.mentions.map((m) => m.externalId)).toEqual(['UgzOther']);
  });

  it('says so plainly when the API key is refused', async () => {
    const error = await poll(config({}, 'AIzaWrongKey'), null).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({
      kind: 'auth',
      message: "YouTube refused the API key: check it in the source's settings",
    });
  });

  it('treats a used-up daily quota as a rate limit that lasts until midnight Pacific time', async () => {
    youtube.server.fail(QUOTA_EXCEEDED);
    const at = Date.parse('2026-11-02T12:00:00Z'); // 04:00 in Los Angeles
    const error = await youtubeConnector
      .poll(
        config(),
        null,
        pollContext(box, () => at),
      )
      .catch((err: unknown) => err);
    expect(error).toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 20 * 3600_000 } });
    expect((error as Error).message).toMatch(/daily quota of this API key is used up/);
  });

  it('refuses settings with neither a channel nor a video', () => {
    expect(() => sealSourceConfig(youtubeConnector, { secrets: { apiKey: 'k' } }, box)).toThrow(
      /set either channelId or videoId/,
    );
  });
});
