import type { Page, Request } from 'playwright-core';
import type { MethodInput } from '../../shared/api/contract';
import { describe, expect, it } from 'vitest';
import { AppFrame } from './pages/AppFrame';
import { InboxControls, InboxPage } from './pages/InboxPage';
import { useApp } from './support/app';
import { expectClean } from './support/expect-clean';

const app = useApp({ mentions: 3000 });

type MentionListInput = MethodInput<'mentions.list'>;

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

/** Holds the pages of the lists `which` picks until the returned function lets them go. */
async function holdLists(page: Page, which: (body: MentionListInput) => boolean): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/mentions.list', async (route) => {
    if (which(route.request().postDataJSON() as MentionListInput)) await held;
    await route.continue();
  });
  return release;
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

  it('starts j at the first row on screen when no row is current, not back at the top', async () => {
    const inbox = await openInbox();
    await inbox.scrollTo(1450);
    await inbox.waitForRow(1450);
    await inbox.page.keyboard.press('j');
    await inbox.selectedRow.waitFor();
    const current = Number(await inbox.selectedRow.getAttribute('aria-rowindex')) - 2;
    expect(Math.abs(current - 1450)).toBeLessThanOrEqual(1);
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

  it('shows another order in one go: the order picked at once, the old rows dimmed only while a slow list comes', async () => {
    const inbox = await openInbox();
    const page = inbox.page;
    const release = await holdLists(page, (body) => body.sort === 'oldest');
    // When the grid said it was busy and when its rows dimmed, in ms after the select's change event.
    await page.evaluate(() => {
      const at = window as unknown as { changedAt: number; busyAt: number | null; dimmedAt: number | null };
      at.busyAt = null;
      at.dimmedAt = null;
      window.addEventListener('change', () => (at.changedAt = performance.now()), { capture: true, once: true });
      const grid = document.querySelector('[role="grid"]')!;
      const body = grid.querySelector('.mention-table__body')!;
      const watch = () => {
        const since = performance.now() - at.changedAt;
        if (at.busyAt === null && grid.getAttribute('aria-busy') === 'true') at.busyAt = since;
        if (at.dimmedAt === null && Number(getComputedStyle(body).opacity) < 1) at.dimmedAt = since;
        if (at.dimmedAt === null) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    const sort = page.getByRole('combobox', { name: 'Volgorde' });
    await sort.selectOption('oldest');
    // The select shows the order picked at once; the grid is busy with the old rows until the new list comes.
    expect(await sort.inputValue()).toBe('oldest');
    await page.waitForFunction(() => (window as unknown as { dimmedAt: number | null }).dimmedAt !== null);
    const { busyAt, dimmedAt } = await page.evaluate(() => {
      const at = window as unknown as { busyAt: number | null; dimmedAt: number | null };
      return { busyAt: at.busyAt, dimmedAt: at.dimmedAt };
    });
    expect(busyAt).not.toBeNull();
    // Dimmed only once the list has been slow for 150 ms: a list that comes sooner replaces the rows at once.
    expect(dimmedAt).toBeGreaterThanOrEqual(140);
    expect(await inbox.currentTable.count()).toBe(0);

    release();
    const oldest = await app.host.call('mentions.list', { offset: 0, limit: 1, sort: 'oldest' });
    await inbox.rowWithText(oldest.rows[0]!.text).first().waitFor();
    expect(await inbox.textOf(0)).toBe(oldest.rows[0]!.text);
    expect(page.url()).toContain('sort=oldest');
    expect(await sort.inputValue()).toBe('oldest');
  });

  it('shows a filter ticked at once, as a tick and a chip, while its list is on its way', async () => {
    const inbox = await openInbox();
    const page = inbox.page;
    const release = await holdLists(page, (body) => body.filter?.sentiment !== undefined);
    // check() fails unless the box is ticked right after the click: the page renders the filter only when its
    // list has come, and the menu must not show the old filter meanwhile.
    const controls = new InboxControls(page);
    await controls.tick('Sentiment', 'Negatief');
    await controls.chipRemover('Sentiment: Negatief').waitFor();
    expect(await inbox.currentTable.count()).toBe(0);

    release();
    await inbox.waitForRow(0);
    const negative = await app.host.call('mentions.list', { offset: 0, limit: 1, filter: { sentiment: ['negative'] } });
    expect(await inbox.textOf(0)).toBe(negative.rows[0]!.text);
    expect(await inbox.rowCount()).toBe(negative.total);
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
