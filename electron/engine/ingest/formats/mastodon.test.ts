import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectBatches } from './batches';
import { mastodonFormat } from './mastodon';

const reference = readFileSync(
  path.resolve(process.cwd(), '../shared/reference/social/mastodon/status_example_from_docs.json'),
);
const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures', 'mastodon-boost-reply.json'));

describe('Mastodon statuses', () => {
  it('reads the documented status: clean text with the full link, author on their server, uri as id', async () => {
    const { mentions, rejects } = await collectBatches(mastodonFormat.parse(reference, { fileName: 'status.json' }));
    expect(rejects).toEqual([]);
    expect(mentions).toEqual([
      expect.objectContaining({
        channel: 'mastodon',
        externalId: 'https://mastodon.social/users/Gargron/statuses/103270115826048975',
        url: 'https://mastodon.social/@Gargron/103270115826048975',
        text:
          '"I lost my inheritance with one wrong digit on my sort code"\n\n' +
          'https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code',
        createdAt: Date.UTC(2019, 11, 8, 3, 48, 33, 901),
        author: { handle: 'Gargron@mastodon.social', displayName: 'Eugen', followers: 322930, location: null },
        reach: 322930,
        parentExternalId: null,
        conversationId: 'https://mastodon.social/users/Gargron/statuses/103270115826048975',
      }),
    ]);
  });

  it('threads replies, reads boosts and content warnings, and rejects what has no time', async () => {
    const { mentions, rejects } = await collectBatches(mastodonFormat.parse(fixture, { fileName: 'timeline.json' }));
    const root = 'https://stad.social/users/wethouder_groen/statuses/112000000000000001';
    const [post, reply, answer, boost, warning, orphan] = mentions;
    expect(post?.text).toBe(
      'Vanaf maandag gaat de #Stationsweg dicht voor groot onderhoud.\n\nOmleiding en planning: https://www.gemeente.example/werk-in-uitvoering/stationsweg-2024',
    );
    expect(reply).toMatchObject({
      text: '@wethouder_groen En de fietsers? Die omleiding is 4 km om & zonder verlichting.\nGraag een oplossing!',
      author: { handle: 'fietser_anne@mastodon.example', displayName: 'Anne 🚲', followers: 140 },
      parentExternalId: root,
      conversationId: root,
    });
    expect(answer).toMatchObject({ parentExternalId: reply?.externalId, conversationId: root });
    expect(boost).toMatchObject({
      externalId: 'https://mastodon.example/users/buurtvereniging/statuses/112000000000000004/activity',
      text: 'RT @wethouder_groen@stad.social: Vanaf maandag gaat de #Stationsweg dicht voor groot onderhoud.',
      url: 'https://stad.social/@wethouder_groen/112000000000000001',
      author: { handle: 'buurtvereniging@mastodon.example', displayName: null, followers: 512 },
      parentExternalId: null,
    });
    expect(warning?.text).toBe('Foto van een ongeluk\n\nOmgevallen dranghek op het fietspad bij de Stationsweg');
    // Its parent is not in the file: the reply link cannot be resolved, and says nothing false.
    expect(orphan).toMatchObject({ parentExternalId: null, conversationId: null });
    expect(JSON.parse(orphan?.raw ?? '{}').in_reply_to_id).toBe('111999999999999999');
    expect(rejects).toEqual([
      expect.objectContaining({ recordNo: 7, reason: 'status 7: created_at is missing or not a date: "gisteren"' }),
    ]);
  });

  it('reads a thread context (ancestors and descendants)', async () => {
    const statuses = JSON.parse(fixture.toString('utf8'));
    const context = { ancestors: [statuses[0]], descendants: [statuses[1], statuses[2]] };
    const { mentions } = await collectBatches(
      mastodonFormat.parse(Buffer.from(JSON.stringify(context)), { fileName: 'context.json' }),
    );
    expect(mentions.map((m) => m.parentExternalId)).toEqual([null, mentions[0]?.externalId, mentions[1]?.externalId]);
  });

  it('reads an account archive outbox.json: posts, replies by uri, and boosts as explained rejects', async () => {
    const outbox = readFileSync(path.join(import.meta.dirname, 'fixtures', 'mastodon-outbox.json'));
    const { mentions, rejects } = await collectBatches(
      mastodonFormat.parse(outbox, { fileName: 'outbox.json', accountName: 'Gemeente Voorbeeld' }),
    );
    const first = 'https://stad.social/users/gemeente/statuses/111800000000000001';
    expect(mentions.map((m) => [m.externalId.split('/').at(-1), m.parentExternalId, m.conversationId])).toEqual([
      ['111800000000000001', null, first],
      ['111800000000000002', 'https://mastodon.example/users/fietser_anne/statuses/111799999999999999', null],
      ['111800000000000004', first, first],
    ]);
    expect(mentions[0]).toMatchObject({
      text: 'Gladheid verwacht: de strooiwagens rijden vanaf 04:00. #winter',
      url: 'https://stad.social/@gemeente/111800000000000001',
      author: { handle: 'gemeente@stad.social', displayName: 'Gemeente Voorbeeld' },
      createdAt: Date.UTC(2024, 0, 15, 9),
    });
    expect(mentions[2]?.text).toBe('Update gladheid\n\nAlle hoofdroutes zijn gestrooid.');
    expect(rejects).toEqual([
      expect.objectContaining({
        recordNo: 3,
        reason:
          'item 3: a boost of https://nieuws.social/users/omroep/statuses/555; the archive holds only its link, not its text',
      }),
    ]);
  });

  it('refuses JSON that holds no statuses', async () => {
    await expect(
      collectBatches(mastodonFormat.parse(Buffer.from('{"id": 1}'), { fileName: 'x.json' })),
    ).rejects.toThrow(/^x\.json: this is not Mastodon JSON/);
  });
});
