import { afterAll, describe, expect, it, vi } from 'vitest';

afterAll(() => {
  vi.doUnmock('../../../../shared/api/inbox');
});

describe('inbox deep link when its reader cannot be loaded', () => {
  it('reads a filter as invalid instead of waiting for ever, and follows it once a later load works', async () => {
    let broken = true;
    vi.doMock('../../../../shared/api/inbox', async (importOriginal) => {
      if (broken) throw new Error('the chunk could not be loaded');
      return importOriginal();
    });
    const link = await import('./link');
    const href = link.inboxHref({ status: ['open'] }, { view: 'view:1' });

    expect(link.parseInboxHash(href)).toEqual({
      filter: {},
      sort: 'newest',
      view: 'view:1',
      invalid: false,
      pending: true,
    });
    // The load parseInboxHash started fails (without an unhandled rejection, which would fail this test run).
    await expect(link.loadLinkReader()).rejects.toThrow();
    expect(link.parseInboxHash(href)).toEqual({ filter: {}, sort: 'newest', view: 'view:1', invalid: true });

    broken = false;
    await link.loadLinkReader();
    expect(link.parseInboxHash(href)).toEqual({
      filter: { status: ['open'] },
      sort: 'newest',
      view: 'view:1',
      invalid: false,
    });
  });

  it('agrees with the link reader on which addresses carry a filter', async () => {
    vi.resetModules();
    const link = await import('./link');
    for (const hash of ['#/inbox?filter', '#/inbox?sort=oldest&filter=%7B%7D', '#inbox?filter=%7B%7D']) {
      expect(link.needsLinkReader(hash), hash).toBe(true);
      expect(link.parseInboxHash(hash).pending, hash).toBe(true);
    }
    for (const hash of ['#/inbox?sort=oldest', '#/inbox?xfilter=1', '#/trends?filter=%7B%7D']) {
      expect(link.needsLinkReader(hash), hash).toBe(false);
      expect(link.parseInboxHash(hash).pending, hash).toBeUndefined();
    }
  });
});
