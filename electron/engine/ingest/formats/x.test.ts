import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectBatches } from './batches';
import { readArchiveAccount, readArchiveAccountBeside, xArchiveFormat } from './x-archive';
import { xApiFormat } from './x-api';

const reference = (file: string) =>
  readFileSync(path.resolve(process.cwd(), '../shared/reference/social/twitter', file));
const fixturePath = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

describe('X archive (tweets.js)', () => {
  const archive = reference('tweets.js.excerpt_first6.js');

  it('reads every tweet with string ids, decoded entities, expanded links and reply ids', async () => {
    const { mentions, rejects } = await collectBatches(
      xArchiveFormat.parse(archive, { fileName: 'tweets.js', accountHandle: 'milahu104', accountName: 'Milahu' }),
    );
    expect(rejects).toEqual([]);
    expect(mentions).toHaveLength(6);
    expect(mentions[0]).toMatchObject({
      channel: 'x',
      externalId: '2024773764576059625',
      text: '@rosenbusch_ idioten in machtpositionen, jedes verfickte mal...',
      createdAt: Date.UTC(2026, 1, 20, 9, 10, 58),
      parentExternalId: '2024577727748088083',
      conversationId: null,
      url: 'https://x.com/milahu104/status/2024773764576059625',
      author: { handle: 'milahu104', displayName: 'Milahu', followers: 0, location: null },
    });
    expect(mentions[1]).toMatchObject({ parentExternalId: null, conversationId: '2024771320370598323' });
    expect(mentions[4]?.text).toBe(
      '@RAin_Meusel > vergangenem Curry (8,50 Euro)\n\nha, und ich dachte "vegan" ist essen für arme leute',
    );
    expect(mentions[5]?.text).toBe(
      '@SamaHoole > the lord was eating the deer from the forest\n\nhttps://x.com/SamaHoole/status/2024516607460909224',
    );
    expect(JSON.parse(mentions[5]?.raw ?? '{}')).toMatchObject({ id_str: '2024748957918806034', favorite_count: '0' });
  });

  it('links to the tweet without a handle when the account is unknown, and finds account.js beside tweets.js', async () => {
    const { mentions } = await collectBatches(xArchiveFormat.parse(archive, { fileName: 'tweets.js' }));
    expect(mentions[0]).toMatchObject({ author: null, url: 'https://x.com/i/web/status/2024773764576059625' });
    expect(readArchiveAccount(readFileSync(fixturePath('x-archive-account.js.txt'), 'utf8'))).toEqual({
      handle: 'GemeenteVoorbeeld',
      displayName: 'Gemeente Voorbeeld',
    });
    // An unpacked archive keeps account.js beside tweets.js in its data/ folder.
    const data = mkdtempSync(path.join(tmpdir(), 'x-archive-'));
    copyFileSync(fixturePath('x-archive-account.js.txt'), path.join(data, 'account.js'));
    expect(await readArchiveAccountBeside(path.join(data, 'tweets.js'))).toEqual({
      handle: 'GemeenteVoorbeeld',
      displayName: 'Gemeente Voorbeeld',
    });
    expect(await readArchiveAccountBeside(path.join(import.meta.dirname, 'no-such-dir', 'tweets.js'))).toBeNull();
  });

  it('refuses other archive files and non-archive files with a clear error', async () => {
    const account = readFileSync(fixturePath('x-archive-account.js.txt'));
    await expect(collectBatches(xArchiveFormat.parse(account, { fileName: 'account.js' }))).rejects.toThrow(
      "account.js: this is the archive's account.js, not its posts: import data/tweets.js",
    );
    await expect(collectBatches(xArchiveFormat.parse(Buffer.from('[]'), { fileName: 'tweets.js' }))).rejects.toThrow(
      'tweets.js: this is not a file from an X archive: it does not start with window.YTD',
    );
    const cut = Buffer.from('window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "1"');
    await expect(collectBatches(xArchiveFormat.parse(cut, { fileName: 'tweets.js' }))).rejects.toThrow(
      /^tweets\.js: the archive data is not valid JSON: .* at line 1, column \d+$/,
    );
  });

  it('rejects a tweet without a usable time and keeps the rest', async () => {
    const text =
      'window.YTD.tweets.part0 = [{"tweet":{"id_str":"1","full_text":"a","created_at":"nooit"}},{"tweet":{"id_str":"2","full_text":"b","created_at":"Mon Jan 01 10:00:00 +0000 2024"}}, 5]';
    const { mentions, rejects } = await collectBatches(
      xArchiveFormat.parse(Buffer.from(text), { fileName: 'tweets.js' }),
    );
    expect(mentions.map((m) => m.externalId)).toEqual(['2']);
    expect(rejects.map((r) => [r.recordNo, r.reason])).toEqual([
      [1, 'tweet 1 (id 1): created_at is missing or not a date: "nooit"'],
      [3, 'tweet 3 is not an object'],
    ]);
  });
});

describe('X API JSON', () => {
  it('reads a v1.1 status with its author', async () => {
    const { mentions } = await collectBatches(
      xApiFormat.parse(reference('v1.1_get_status.json'), { fileName: 'status.json' }),
    );
    expect(mentions).toEqual([
      expect.objectContaining({
        externalId: '397',
        text: 'getting waxed!',
        createdAt: Date.UTC(2006, 2, 26, 19, 17, 8),
        url: 'https://x.com/jack/status/397',
        author: { handle: 'jack', displayName: 'Jack', followers: 3278945, location: 'California, USA' },
        reach: 3278945,
      }),
    ]);
  });

  it('reads an extended-mode tweet: full_text, id_str over the rounded number, media link expanded', async () => {
    const file = reference('v1.1_extended_tweet_in_extended_mode.json');
    const { mentions } = await collectBatches(xApiFormat.parse(file, { fileName: 'extended.json' }));
    expect(mentions[0]).toMatchObject({
      externalId: '782737772490600448',
      author: { handle: 'notinourselves', followers: 1 },
      createdAt: Date.UTC(2016, 9, 3, 0, 23, 22),
    });
    expect(mentions[0]?.text).toBe(
      'has more details about these changes.  Thanks for making more expressive!writing requirements to python_twitt ' +
        'python_twitter.egg-info/SOURCE https://twitter.com/notinourselves/status/782737772490600448/photo/1',
    );
  });

  it('reads v1.1 extended_tweet (streaming compatibility mode) and retweets in full', async () => {
    const tweet = {
      id_str: '10',
      created_at: 'Tue May 14 10:00:00 +0000 2024',
      text: 'RT @stad: Afgekapt…',
      user: { screen_name: 'lezer', followers_count: 3 },
      retweeted_status: {
        id_str: '9',
        text: 'Afgekapt… https://t.co/k',
        truncated: true,
        user: { screen_name: 'stad' },
        extended_tweet: {
          full_text: 'Afgekapt is niet meer: de hele tekst &amp; link https://t.co/k',
          entities: { urls: [{ url: 'https://t.co/k', expanded_url: 'https://stad.example/a' }] },
        },
      },
    };
    const { mentions } = await collectBatches(
      xApiFormat.parse(Buffer.from(JSON.stringify({ statuses: [tweet] })), { fileName: 'search.json' }),
    );
    expect(mentions[0]?.text).toBe('RT @stad: Afgekapt is niet meer: de hele tekst & link https://stad.example/a');
  });

  it('reads a v2 response: authors from includes, replies, retweets in full, long posts, places', async () => {
    const file = readFileSync(fixturePath('x-v2-search.json'));
    const { mentions, rejects } = await collectBatches(xApiFormat.parse(file, { fileName: 'search-v2.json' }));
    expect(mentions.map((m) => [m.externalId, m.author?.handle, m.reach])).toEqual([
      ['1790000000000000101', 'sannebakker', 1204],
      ['1790000000000000102', 'buurtbus_ehv', 88],
      ['1790000000000000103', 'wout_fietst', 0],
    ]);
    expect(mentions[0]).toMatchObject({
      text: '@GemeenteVoorbeeld Storing bij de milieustraat & niemand neemt op >:( https://www.gemeente.example/afval/milieustraat',
      parentExternalId: '1790000000000000050',
      conversationId: '1790000000000000050',
      createdAt: Date.UTC(2024, 4, 13, 7, 45, 12),
      url: 'https://x.com/sannebakker/status/1790000000000000101',
      author: { handle: 'sannebakker', displayName: 'Sanne Bakker', followers: 1204, location: 'Eindhoven' },
    });
    expect(mentions[1]?.text).toBe(
      'RT @stadsnieuws: Nieuwe parkeerregels in het centrum vanaf 1 juni. Bewoners krijgen een brief, bezoekers betalen voortaan per minuut.',
    );
    expect(mentions[2]?.text).toContain(
      'niemand houdt zich eraan. Zie https://fietsersbond.example/fietsstraat voor de regels.',
    );
    expect(mentions[2]?.geo).toBe('Eindhoven, Nederland');
    expect(JSON.parse(mentions[0]?.raw ?? '{}').includes.users[0].username).toBe('sannebakker');
    expect(rejects).toEqual([
      expect.objectContaining({
        recordNo: 4,
        reason: 'tweet 4 (id 1790000000000000104): created_at is missing; request it with tweet.fields=created_at',
      }),
    ]);
  });

  it('reads a saved stream of one response a line, rejecting a broken line', async () => {
    const v2 = JSON.parse(readFileSync(fixturePath('x-v2-search.json'), 'utf8'));
    const lines = [
      JSON.stringify({ data: v2.data[0], includes: v2.includes, matching_rules: [{ id: '1', tag: 'gemeente' }] }),
      '{"data": {"id": "5", "text": "afgebr',
      JSON.stringify({ data: v2.data[2], includes: v2.includes }),
    ].join('\n');
    const { mentions, rejects } = await collectBatches(
      xApiFormat.parse(Buffer.from(lines), { fileName: 'stream.jsonl' }),
    );
    expect(mentions.map((m) => m.externalId)).toEqual(['1790000000000000101', '1790000000000000103']);
    expect(rejects).toEqual([
      expect.objectContaining({ recordNo: 2, reason: expect.stringMatching(/^line 2 is not valid JSON: /) }),
    ]);
  });

  it('says where a pretty-printed file stops being JSON', async () => {
    const broken = Buffer.from('{\n  "id_str": "1",\n  "text": "hoi"\n  "user": {}\n}');
    await expect(collectBatches(xApiFormat.parse(broken, { fileName: 'tweet.json' }))).rejects.toThrow(
      /^tweet\.json: this is not valid JSON: .* at line 4, column 3$/,
    );
  });

  it('refuses JSON that holds no tweets', async () => {
    await expect(
      collectBatches(xApiFormat.parse(Buffer.from('{"hello": "world"}'), { fileName: 'x.json' })),
    ).rejects.toThrow(/^x\.json: this is not X\/Twitter API JSON/);
    const errors = { errors: [{ detail: 'Could not find tweet with ids: [1].' }], data: [] };
    await expect(
      collectBatches(xApiFormat.parse(Buffer.from(JSON.stringify(errors)), { fileName: 'x.json' })),
    ).rejects.toThrow('x.json: the file holds only API errors: Could not find tweet with ids: [1].');
  });
});
