import { describe, expect, it } from 'vitest';
import type { LiveSource } from '../../../../shared/api/sources';
import { initialValues, settingsFrom, validate, visibleFields } from './sourceFields';

const mastodon: LiveSource = {
  id: 4,
  kind: 'mastodon',
  name: '#eindhoven',
  paused: false,
  health: 'ok',
  lastSuccessAt: null,
  lastError: null,
  nextCheckAt: null,
  checking: false,
  intervalSeconds: 300,
  settings: {
    instance: 'https://mastodon.social',
    timeline: 'search',
    query: 'glasvezel',
    secrets: { accessToken: true },
  },
  createdAt: '2026-11-02T08:00:00.000Z',
};

describe('the source form', () => {
  it('shows only the fields the chosen timeline needs', () => {
    const names = (timeline: string) => visibleFields('mastodon', { timeline }).map((field) => field.name);
    expect(names('hashtag')).toEqual(['instance', 'timeline', 'hashtag', 'accessToken']);
    expect(names('account')).toEqual(['instance', 'timeline', 'account', 'accessToken']);
  });

  it('names each problem by field before anything is sent', () => {
    expect(validate('rss', { name: '', url: 'ftp://krant.nl', interval: '0' })).toEqual({
      name: 'required',
      url: 'url',
      interval: 'interval',
    });
    expect(
      validate('mastodon', { name: 'x', instance: 'https://m.nl', timeline: 'hashtag', hashtag: 'twee woorden' }),
    ).toEqual({
      hashtag: 'hashtag',
    });
    expect(validate('mastodon', { name: 'x', instance: 'https://m.nl', timeline: 'search', query: 'q' })).toEqual({
      accessToken: 'required',
    });
    expect(validate('youtube', { name: 'x', target: 'channel', channelId: 'UC123', apiKey: 'k' })).toEqual({
      channelId: 'channelId',
    });
    expect(validate('webhook', { name: 'Koppeling' })).toEqual({});
  });

  it('does not ask again for a credential that is stored', () => {
    const values = initialValues('mastodon', mastodon);
    expect(values).toMatchObject({
      name: '#eindhoven',
      timeline: 'search',
      query: 'glasvezel',
      accessToken: '',
      interval: '5',
    });
    expect(validate('mastodon', values, { accessToken: true })).toEqual({});
  });

  it('sends typed credentials under secrets, minutes as seconds, and nothing the form only uses itself', () => {
    expect(
      settingsFrom('youtube', {
        name: 'Kanaal',
        target: 'video',
        videoId: 'dQw4w9WgXcQ',
        channelId: 'ignored',
        apiKey: ' key ',
        interval: '15',
      }),
    ).toEqual({ videoId: 'dQw4w9WgXcQ', intervalSeconds: 900, secrets: { apiKey: 'key' } });
    expect(settingsFrom('mastodon', initialValues('mastodon', mastodon))).toEqual({
      instance: 'https://mastodon.social',
      timeline: 'search',
      query: 'glasvezel',
      intervalSeconds: 300,
    });
  });
});
