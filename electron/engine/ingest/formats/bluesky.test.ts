import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectBatches } from './batches';
import { blueskyFormat } from './bluesky';

const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures', 'bluesky-search-posts.json'));

describe('Bluesky posts', () => {
  it('reads a searchPosts response: full links from facets, reply refs, link cards, bsky.app urls', async () => {
    const { mentions, rejects } = await collectBatches(blueskyFormat.parse(fixture, { fileName: 'search.json' }));
    const [first, reply, card] = mentions;
    expect(first).toMatchObject({
      channel: 'bluesky',
      externalId: 'at://did:plc:7iza6de2dwap2sbkpav7c6c6/app.bsky.feed.post/3kqt2abcdxy2a',
      url: 'https://bsky.app/profile/lotte.bsky.social/post/3kqt2abcdxy2a',
      text: 'Overlast 😤 bij het Stadspark? @gemeente-voorbeeld.nl meldt: https://gemeente.example/nieuws/stadspark-maatregelen-zomer #Stadspark',
      createdAt: Date.UTC(2024, 6, 1, 19, 45, 30, 123),
      author: { handle: 'lotte.bsky.social', displayName: 'Lotte van Dijk', followers: 0, location: null },
      parentExternalId: null,
      conversationId: 'at://did:plc:7iza6de2dwap2sbkpav7c6c6/app.bsky.feed.post/3kqt2abcdxy2a',
    });
    expect(reply).toMatchObject({
      parentExternalId: first?.externalId,
      conversationId: first?.externalId,
      author: { handle: 'gemeente-voorbeeld.nl', displayName: 'Gemeente Voorbeeld' },
    });
    expect(card).toMatchObject({
      text: 'Goed stuk over de nieuwe parkeerregels\n\nhttps://nieuws.example/parkeren-centrum',
      author: { handle: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz', displayName: null },
      url: 'https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz/post/3kqt4klmnop2c',
    });
    expect(rejects).toEqual([
      expect.objectContaining({ recordNo: 4, reason: 'post 4: createdAt is missing or not a date: null' }),
    ]);
  });

  it('reads a feed with a repost, a thread, and the records of a repository', async () => {
    const posts = JSON.parse(fixture.toString('utf8')).posts;
    const feed = {
      feed: [
        { post: posts[0] },
        {
          post: posts[0],
          reason: {
            $type: 'app.bsky.feed.defs#reasonRepost',
            by: { did: 'did:plc:abc', handle: 'buurt.bsky.social' },
            indexedAt: '2024-07-02T08:00:00Z',
          },
        },
      ],
    };
    const fromFeed = await collectBatches(
      blueskyFormat.parse(Buffer.from(JSON.stringify(feed)), { fileName: 'feed.json' }),
    );
    expect(fromFeed.mentions[1]).toMatchObject({
      externalId: `${posts[0].uri}#repost:did:plc:abc`,
      author: { handle: 'buurt.bsky.social' },
      text: expect.stringMatching(/^RT @lotte\.bsky\.social: Overlast/),
      createdAt: Date.UTC(2024, 6, 2, 8),
    });

    const thread = { thread: { post: posts[1], parent: { post: posts[0] }, replies: [] } };
    const fromThread = await collectBatches(
      blueskyFormat.parse(Buffer.from(JSON.stringify(thread)), { fileName: 'thread.json' }),
    );
    expect(fromThread.mentions.map((m) => m.externalId)).toEqual([posts[0].uri, posts[1].uri]);

    const records = { records: [{ uri: posts[1].uri, cid: posts[1].cid, value: posts[1].record }] };
    const fromRepo = await collectBatches(
      blueskyFormat.parse(Buffer.from(JSON.stringify(records)), { fileName: 'repo.json' }),
    );
    expect(fromRepo.mentions[0]).toMatchObject({
      author: { handle: 'did:plc:q6gjnaw2blty4crticxkmujt' },
      parentExternalId: posts[0].uri,
    });
  });

  it('refuses JSON that holds no posts', async () => {
    await expect(
      collectBatches(blueskyFormat.parse(Buffer.from('{"cursor": "1"}'), { fileName: 'x.json' })),
    ).rejects.toThrow(/^x\.json: this is not Bluesky JSON/);
  });
});
