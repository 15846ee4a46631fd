import { beforeAll, describe, expect, it } from 'vitest';
import { inboxHref, loadLinkReader, needsLinkReader, parseInboxHash } from './link';

describe('inbox deep link, before its reader has loaded', () => {
  it('reads a link without a filter at once, and holds a filter back until the reader is there', async () => {
    expect(needsLinkReader('#/inbox?sort=priority')).toBe(false);
    expect(parseInboxHash('#/inbox?sort=priority')).toEqual({
      filter: {},
      sort: 'priority',
      view: null,
      invalid: false,
    });
    const href = inboxHref({ status: ['open'] }, { view: 'view:1' });
    expect(needsLinkReader(href)).toBe(true);
    expect(parseInboxHash(href)).toEqual({ filter: {}, sort: 'newest', view: 'view:1', invalid: false, pending: true });
    await loadLinkReader();
    expect(needsLinkReader(href)).toBe(false);
    expect(parseInboxHash(href)).toEqual({
      filter: { status: ['open'] },
      sort: 'newest',
      view: 'view:1',
      invalid: false,
    });
  });
});

describe('inbox deep link', () => {
  beforeAll(() => loadLinkReader());

  it('carries the filter as agreed and reads it back', () => {
    const filter = {
      sentiment: ['negative' as const],
      topicId: [3],
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
    };
    const href = inboxHref(filter);
    expect(href).toBe(`#/inbox?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    expect(parseInboxHash(href)).toEqual({ filter, sort: 'newest', view: null, invalid: false });
  });

  it('keeps sort and view, drops empty parts and the snapshot', () => {
    const href = inboxHref({ channel: [], status: ['open'], query: '' }, { sort: 'priority', view: 'view:2' });
    expect(parseInboxHash(href)).toEqual({
      filter: { status: ['open'] },
      sort: 'priority',
      view: 'view:2',
      invalid: false,
    });
    expect(inboxHref({})).toBe('#/inbox');
  });

  it('reports a link it cannot read instead of guessing', () => {
    expect(parseInboxHash('#/inbox?filter=%7Bnope').invalid).toBe(true);
    expect(parseInboxHash(`#/inbox?filter=${encodeURIComponent('{"colour":["red"]}')}`).invalid).toBe(true);
    expect(parseInboxHash('#/inbox').invalid).toBe(false);
  });
});
