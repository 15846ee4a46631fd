import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectBatches } from './batches';
import { facebookFormat } from './facebook';
import { repairMojibake } from './mojibake';

const exportFile = readFileSync(path.resolve(process.cwd(), '../shared/reference/social/facebook/your_posts_1.json'));

describe('Facebook export', () => {
  it('repairs the mojibake and reads each post with its time, text and the account as author', async () => {
    const { mentions, rejects } = await collectBatches(
      facebookFormat.parse(exportFile, {
        fileName: 'your_posts_1.json',
        accountName: 'Lukas Vinther Offenberg Larsen',
      }),
    );
    expect(mentions).toHaveLength(11);
    expect(mentions[0]).toMatchObject({
      channel: 'facebook',
      text: 'Sne sne!',
      createdAt: 1354805114000,
      url: null,
      author: { handle: 'Lukas Vinther Offenberg Larsen', displayName: 'Lukas Vinther Offenberg Larsen' },
    });
    expect(mentions[2]?.text).toBe('Malou Elmelund Landsgaard har tilføjet et nyt billede.');
    expect(mentions[5]?.text).toBe('Han satte sig ved siden af mig, kan næsten ikke blive bedre :O)');
    const invitation = mentions.find((m) => m.createdAt === 1325790129000);
    expect(invitation?.text).toMatch(
      /^Hvis I ikke har nogen planer på søndag, så:\n Invitation til åbent hus hos Shinson Hapkido – Holbæk – Søndag/,
    );
    expect(invitation?.text).not.toMatch(/Ã|â€/);
    expect(JSON.parse(invitation?.raw ?? '{}').data[0].post).toContain('Holbæk');
    // A shared link without words becomes the link; an event is named by its title.
    expect(mentions[1]?.text).toBe('http://autoinsurance4all.info/video.php?id=526');
    expect(mentions.find((m) => m.createdAt === 1501154548000)?.text).toBe(
      'Shinson Hapkido Internationalt Kampkunstshow',
    );
    expect(rejects.map((r) => [r.recordNo, r.reason])).toEqual([
      [7, 'post 7: the post has no text, title or link (only media or an empty update)'],
      [12, 'post 12: the post has no text, title or link (only media or an empty update)'],
      [14, 'post 14: the post has no text, title or link (only media or an empty update)'],
    ]);
  });

  it('gives each post a stable id, so a second import adds nothing', async () => {
    const first = await collectBatches(facebookFormat.parse(exportFile, { fileName: 'a.json' }));
    const second = await collectBatches(facebookFormat.parse(exportFile, { fileName: 'b.json' }));
    expect(second.mentions.map((m) => m.externalId)).toEqual(first.mentions.map((m) => m.externalId));
    expect(new Set(first.mentions.map((m) => m.externalId)).size).toBe(11);
    expect(first.mentions[0]?.author).toBeNull();
  });

  it('reads comments under comments_v2 with their author', async () => {
    const comments = {
      comments_v2: [
        {
          timestamp: 1700000000,
          data: [
            {
              comment: {
                timestamp: 1700000000,
                comment: 'Mooi gedaan, gemeente \u00f0\u009f\u0091\u008d',
                author: 'Bj\u00c3\u00b8rn',
              },
            },
          ],
          title: 'Bj\u00c3\u00b8rn commented on a post.',
        },
      ],
    };
    const { mentions } = await collectBatches(
      facebookFormat.parse(Buffer.from(JSON.stringify(comments)), { fileName: 'comments.json' }),
    );
    expect(mentions[0]).toMatchObject({
      text: 'Mooi gedaan, gemeente 👍',
      author: { handle: 'Bjørn' },
      createdAt: 1700000000000,
    });
  });

  it('refuses JSON that is no Facebook export', async () => {
    await expect(
      collectBatches(facebookFormat.parse(Buffer.from('{"a": [1]}'), { fileName: 'x.json' })),
    ).rejects.toThrow('x.json: this is not a Facebook export: expected a list of posts with "timestamp"');
  });
});

describe('repairMojibake', () => {
  it('decodes UTF-8 bytes written as characters, and leaves real Latin-1 text alone', () => {
    expect(repairMojibake('Mobiloverf\u00c3\u00b8rsler')).toBe('Mobiloverførsler');
    expect(repairMojibake('caf\u00e9')).toBe('café');
    expect(repairMojibake('al goed ✓')).toBe('al goed ✓');
  });
});
