import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AppFrame } from './pages/AppFrame';
import { InboxPage } from './pages/InboxPage';
import { useApp } from './support/app';
import { expectClean } from './support/expect-clean';

const app = useApp({ mentions: 3000 });

async function openInbox(): Promise<InboxPage> {
  const inbox = new InboxPage((await app.open()).page);
  await inbox.waitForRow(0);
  return inbox;
}

/** The offsets of every `mentions.list` call the page makes from now on. */
function recordPageRequests(inbox: InboxPage): { offset: number; limit: number }[] {
  const seen: { offset: number; limit: number }[] = [];
  inbox.page.on('request', (request: Request) => {
    if (request.url().endsWith('/api/mentions.list'))
      seen.push(request.postDataJSON() as { offset: number; limit: number });
  });
  return seen;
}

describe('inbox', () => {
  it('shows the newest mentions from the store, in the order the API returns them', async () => {
    const inbox = await openInbox();
    const api = await app.host.call('mentions.list', { offset: 0, limit: 100, sort: 'newest' });
    expect(api.total).toBe(3000);
    expect(await inbox.rowCount()).toBe(api.total);
    for (const index of [0, 1, 2, 10]) {
      expect(await inbox.textOf(index)).toBe(api.rows[index]?.text);
    }
    const first = api.rows[0]!;
    const author = await inbox.cell(0, 'author').textContent();
    expect(author?.startsWith(first.author.displayName ?? `@${first.author.handle}`)).toBe(true);
    expectClean(app.session);
  });

  it('asks for the first page once, while the app renders, not again after its first render', async () => {
    const session = await app.open({ url: 'about:blank' });
    const firstPages: number[] = [];
    session.page.on('request', (request: Request) => {
      if (!request.url().endsWith('/api/mentions.list')) return;
      const body = request.postDataJSON() as { offset: number; filter?: { maxId?: number } };
      if (body.offset === 0 && body.filter?.maxId === undefined) firstPages.push(body.offset);
    });
    // What the app had rendered when it asked for its first list: nothing yet.
    await session.page.addInitScript(`
      const fetchNow = window.fetch;
      window.fetch = function (input, init) {
        if (String(input).endsWith('/api/mentions.list') && window.renderedAtFirstList === undefined)
          window.renderedAtFirstList = document.getElementById('root')?.childElementCount ?? -1;
        return fetchNow.call(this, input, init);
      };
    `);
    await session.page.goto(`${app.host.url}/#/inbox`);
    const inbox = new InboxPage(session.page);
    await inbox.waitForRow(0);
    expect(firstPages).toHaveLength(1);
    expect(await session.page.evaluate(() => (window as { renderedAtFirstList?: number }).renderedAtFirstList)).toBe(0);
    expect(await inbox.rowCount()).toBe(3000);
  });

  it('fetches further pages of 100 as the operator scrolls, never the whole table', async () => {
    const inbox = await openInbox();
    const requests = recordPageRequests(inbox);

    await inbox.scrollTo(1450);
    await inbox.waitForRow(1450);
    const middle = await app.host.call('mentions.list', { offset: 1450, limit: 1 });
    expect(await inbox.textOf(1450)).toBe(middle.rows[0]?.text);

    await inbox.scrollToBottom();
    await inbox.waitForRow(2999);
    const last = await app.host.call('mentions.list', { offset: 2999, limit: 1 });
    expect(await inbox.textOf(2999)).toBe(last.rows[0]?.text);

    const offsets = requests.map((r) => r.offset);
    expect(offsets).toContain(1400);
    expect(offsets).toContain(2900);
    expect(requests.every((r) => r.limit === 100)).toBe(true);
    // Jumping to the middle and the end loads the pages there, not the 28 pages in between.
    expect(new Set(offsets).size).toBeLessThan(10);
    expectClean(app.session);
  });

  it('moves the selection with j/k and arrows, opens the detail with Enter and closes it with Escape', async () => {
    const inbox = await openInbox();
    const api = await app.host.call('mentions.list', { offset: 0, limit: 5 });
    await inbox.table.focus();
    const keyboard = inbox.page.keyboard;

    await keyboard.press('j');
    expect(await inbox.selectedRow.getAttribute('aria-rowindex')).toBe('2');
    await keyboard.press('j');
    await keyboard.press('ArrowDown');
    await keyboard.press('k');
    expect(await inbox.selectedRow.getAttribute('aria-rowindex')).toBe('3');

    await keyboard.press('Enter');
    await inbox.detail.waitFor();
    const mention = await app.host.call('mentions.get', { id: api.rows[1]!.id });
    await inbox.detail.getByText(mention.text, { exact: true }).first().waitFor();
    expect(await inbox.detail.textContent()).toContain(`@${mention.author.handle}`);
    if (mention.url) {
      const link = inbox.detail.getByRole('link', { name: 'Origineel bericht openen' });
      expect(await link.getAttribute('href')).toBe(new URL(mention.url).href);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    }

    // With the detail open, the next mention opens as the selection moves on.
    await keyboard.press('j');
    const next = await app.host.call('mentions.get', { id: api.rows[2]!.id });
    await inbox.detail.getByText(next.text, { exact: true }).first().waitFor();

    await keyboard.press('Escape');
    await inbox.detail.waitFor({ state: 'detached' });
    expectClean(app.session);
  });

  it('announces new mentions with a pill instead of moving the rows under the operator', async () => {
    const inbox = await openInbox();
    await inbox.table.focus();
    await inbox.page.keyboard.press('j');
    await inbox.page.keyboard.press('j');
    const before = { first: await inbox.textOf(0), selected: await inbox.selectedRow.textContent() };

    const stats = await app.host.call('workspace.stats', {});
    await app.host.call('demo.generate', { mentions: 5, years: 0.01, seed: 7 });
    const pill = inbox.page.getByRole('button', { name: /nieuwe? berichte?n? — tonen/ });
    await pill.waitFor();

    expect(await inbox.textOf(0)).toBe(before.first);
    expect(await inbox.selectedRow.textContent()).toBe(before.selected);
    expect(await inbox.rowCount()).toBe(stats.mentions);
    // The status bar, unlike the list, follows the store at once.
    const grown = await app.host.call('workspace.stats', {});
    const figure = `${new Intl.NumberFormat('nl-NL').format(grown.mentions)} berichten`;
    await new AppFrame(inbox.page).statusBar.getByText(figure, { exact: true }).waitFor();

    await pill.click();
    const after = await app.host.call('mentions.list', { offset: 0, limit: 1 });
    await expect.poll(() => inbox.rowCount()).toBe(after.total);
    await inbox.waitForRow(0);
    expect(after.total).toBeGreaterThan(stats.mentions);
    expect(await inbox.textOf(0)).toBe(after.rows[0]?.text);
    expectClean(app.session);
  });

  it('says what went wrong when the engine does not answer, and recovers with Try again', async () => {
    const session = await app.open({ url: 'about:blank' });
    const page = session.page;
    let failing = true;
    await page.route('**/api/mentions.list', (route) =>
      failing
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({
              ok: false,
              error: { code: 'unavailable', message: 'the engine is still starting' },
            }),
          })
        : route.continue(),
    );
    await page.goto(app.host.url);
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'De inbox kon niet worden geladen' }).waitFor();
    expect(await alert.textContent()).toContain('the engine is still starting');

    failing = false;
    await alert.getByRole('button', { name: 'Opnieuw proberen' }).click();
    const inbox = new InboxPage(page);
    await inbox.waitForRow(0);
    expect(await inbox.rowCount()).toBe((await app.host.call('workspace.stats', {})).mentions);
    expect(session.pageErrors).toEqual([]);
  });
});
