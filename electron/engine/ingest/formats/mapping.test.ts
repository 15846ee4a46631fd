import { describe, expect, it } from 'vitest';
import { channelFrom, parseCount, suggestMapping } from './mapping';

describe('suggestMapping', () => {
  it('maps obvious English and Dutch column names without asking', () => {
    expect(suggestMapping(['ID', 'Created at', 'User', 'Name', 'Message', 'Platform', 'URL'])).toEqual({
      externalId: 'ID',
      createdAt: 'Created at',
      author: 'User',
      authorName: 'Name',
      text: 'Message',
      channel: 'Platform',
      url: 'URL',
    });
    expect(suggestMapping(['Datum', 'Auteur', 'Bericht', 'Kanaal', 'Volgers', 'Gemeente'])).toEqual({
      createdAt: 'Datum',
      author: 'Auteur',
      text: 'Bericht',
      channel: 'Kanaal',
      reach: 'Volgers',
      geo: 'Gemeente',
    });
  });

  it('takes a lone name column as the author, and time or date as the time', () => {
    expect(suggestMapping(['time', 'name', 'content'])).toEqual({ createdAt: 'time', author: 'name', text: 'content' });
  });

  it('leaves unknown columns unmapped', () => {
    expect(suggestMapping(['kolom1', 'kolom2'])).toEqual({});
  });
});

describe('channelFrom and parseCount', () => {
  it('knows channel names as people write them', () => {
    expect(['Twitter', 'X', 'fb', 'Instagram', 'nieuws', 'TikTok'].map(channelFrom)).toEqual([
      'x',
      'x',
      'facebook',
      'instagram',
      'rss',
      null,
    ]);
  });

  it('reads follower counts with thousands separators and k/M', () => {
    expect(['1234', '1.234', '1,234', '1 234', '12k', '1,5M', 'veel', '1.5'].map(parseCount)).toEqual([
      1234,
      1234,
      1234,
      1234,
      12000,
      1500000,
      null,
      null,
    ]);
  });
});
