import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MentionFilter } from '../../shared/api/inbox';
import { InboxControls, InboxPage } from './pages/InboxPage';
import { launchChromium, openSession, type Session } from './support/browser';
import { expectClean } from './support/expect-clean';
import { startHost, type RunningHost } from './support/host';

let host: RunningHost;
let browser: Browser;
let topicId: number;
const sessions: Session[] = [];

beforeAll(async () => {
  host = await startHost({ mentions: 3000 });
  browser = await launchChromium();
  const saved = await host.call('topics.save', {
    name: 'Glasvezel',
    query: 'glasvezel OR internet OR storing OR wifi',
    colour: '#8e4ec6',
    operator: 'setup',
  });
  topicId = saved.topic.id;
  // The topic tags history in a job; the tests compare with its tags.
  for (let waited = 0; (await host.call('jobs.list', {})).some((job) => job.state === 'running'); waited += 250) {
    if (waited > 60_000) throw new Error('re-tagging the demo with the new topic did not finish within a minute');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

async function open(
  url = host.url,
  locale = 'nl-NL',
): Promise<{ page: Page; inbox: InboxPage; ui: InboxControls; session: Session }> {
  const session = await openSession(browser, url, { locale });
  sessions.push(session);
  const inbox = new InboxPage(session.page);
  await inbox.waitForRow(0);
  return { page: session.page, inbox, ui: new InboxControls(session.page), session };
}

const total = async (filter: MentionFilter, operator?: string) =>
  (await host.call('mentions.list', { limit: 1, filter, ...(operator ? { operator } : {}) })).total;

describe('triaging the inbox by keyboard', () => {
  it('filters by topic and sentiment, searches, moves with j/k, assigns, bulk-resolves three, undoes one and saves a view', async () => {
    const { page, inbox, ui, session } = await open();
    await ui.sitDownAs('Sanne de Vries');

    await ui.tick('Onderwerp', 'Glasvezel');
    await ui.tick('Sentiment', 'Negatief');
    const byTopicAndSentiment = await total({ topicId: [topicId], sentiment: ['negative'] });
    expect(byTopicAndSentiment).toBeGreaterThan(5);
    await expect.poll(() => inbox.rowCount()).toBe(byTopicAndSentiment);
    await ui.chipRemover('Onderwerp: Glasvezel').waitFor();
    await ui.chipRemover('Sentiment: Negatief').waitFor();

    await page.keyboard.press('/');
    await page.keyboard.type('storing OR glasvezel');
    await page.keyboard.press('Enter');
    const filter = { topicId: [topicId], sentiment: ['negative' as const], query: 'storing OR glasvezel' };
    const found = await total(filter);
    expect(found).toBeGreaterThan(3);
    await expect.poll(() => inbox.rowCount()).toBe(found);
    await ui.chipRemover('Zoekopdracht: storing OR glasvezel').waitFor();
    await inbox.waitForRow(0);
    expect(await inbox.cell(0, 'text').locator('mark').count()).toBeGreaterThan(0);

    const rows = (await host.call('mentions.list', { limit: 5, filter })).rows;
    // Arranged through the API: the three to resolve start open, whatever the demo made of them.
    await host.call('inbox.setStatus', {
      operator: 'setup',
      mentions: rows.slice(0, 3).map((row) => ({ id: row.id })),
      status: 'open',
    });
    await inbox.table.focus();
    for (const key of ['j', 'j', 'j', 'k']) await page.keyboard.press(key);
    expect(await inbox.selectedRow.getAttribute('aria-rowindex')).toBe('3');
    await page.keyboard.press('Enter');
    await inbox.detail.getByText(rows[1]!.text, { exact: true }).first().waitFor();

    await page.keyboard.press('a');
    await ui.dialog('Toewijzen aan').getByRole('button', { name: 'Aan mij toewijzen' }).waitFor();
    await page.keyboard.press('Enter');
    await ui.toast.getByText('Toegewezen aan Sanne de Vries: 1 bericht').waitFor();
    await expect
      .poll(async () => (await host.call('mentions.get', { id: rows[1]!.id })).assignee)
      .toBe('Sanne de Vries');
    await inbox.cell(1, 'assignee').getByText('Sanne de Vries').waitFor();
    await inbox.detail
      .getByRole('region', { name: 'Geschiedenis' })
      .getByText('Sanne de Vries', { exact: false })
      .first()
      .waitFor();

    // Three selected with x, resolved at once with e; then one of them (the current row) is taken back alone.
    await page.keyboard.press('Escape');
    await inbox.detail.waitFor({ state: 'detached' });
    await page.keyboard.press('k');
    for (const key of ['x', 'j', 'x', 'j', 'x']) await page.keyboard.press(key);
    const bulk = page.getByRole('toolbar', { name: 'Acties voor de selectie' });
    await bulk.getByText('3 geselecteerd').waitFor();
    const statuses = () =>
      Promise.all(rows.slice(0, 3).map(async (row) => (await host.call('mentions.get', { id: row.id })).status));
    expect(await statuses()).toEqual(['open', 'open', 'open']);
    await page.keyboard.press('e');
    await ui.toast.getByText('Afgehandeld: 3 berichten').waitFor();
    await expect.poll(statuses).toEqual(['resolved', 'resolved', 'resolved']);
    await expect.poll(() => inbox.cell(2, 'status').textContent()).toBe('Afgehandeld');
    expect(await inbox.selectedRow.getAttribute('aria-rowindex')).toBe('4');
    // The notice offers both ways back: the whole change (u) and only the current row (Shift+U).
    await ui.toast.getByRole('button', { name: /Ongedaan maken/ }).waitFor();
    await ui.toast.getByRole('button', { name: /Alleen dit bericht/ }).waitFor();
    await page.keyboard.press('Shift+U');
    await ui.toast.getByText('Ongedaan gemaakt voor 1 bericht').waitFor();
    await expect.poll(statuses).toEqual(['resolved', 'resolved', 'open']);
    await expect.poll(() => inbox.cell(2, 'status').textContent()).toBe('Open');
    expect(await inbox.cell(0, 'status').textContent()).toBe('Afgehandeld');
    expect(await inbox.cell(1, 'status').textContent()).toBe('Afgehandeld');
    // The undo is in the mention's history under the operator; the other two have none.
    const undos = async (id: number) =>
      (await host.call('inbox.context', { id })).history.filter((entry) => entry.action === 'mention.undo');
    expect(await undos(rows[2]!.id)).toEqual([
      expect.objectContaining({
        actor: 'Sanne de Vries',
        detail: expect.objectContaining({ before: { status: 'resolved', resolvedAt: expect.any(Number) } }),
      }),
    ]);
    expect(await undos(rows[0]!.id)).toEqual([]);
    expect(await undos(rows[1]!.id)).toEqual([]);
    // Still in the notice: undo for the two left (not used here, so they stay resolved).
    await ui.toast.getByRole('button', { name: /Ongedaan maken/ }).waitFor();

    await page.getByRole('button', { name: 'Weergave bewaren' }).click();
    const save = ui.dialog('Deze weergave bewaren');
    await save.getByRole('textbox', { name: 'Naam' }).fill('Glasvezel negatief');
    await save.getByRole('button', { name: 'Bewaren' }).click();
    const link = ui.sidebar.getByRole('link', { name: /^Glasvezel negatief/ });
    await link.waitFor();
    expect(await link.textContent()).toContain(new Intl.NumberFormat('nl-NL').format(found));
    await page.getByRole('heading', { level: 1, name: 'Glasvezel negatief' }).waitFor();
    const views = await host.call('inbox.views', { operator: 'Sanne de Vries' });
    expect(views.find((view) => view.name === 'Glasvezel negatief')?.filter).toEqual(filter);
    expectClean(session);
  });

  it('opens a deep link with its filters as chips, and lists every shortcut behind ?', async () => {
    const filter = { sentiment: ['positive'], channel: ['x'] };
    const { page, inbox, ui, session } = await open(
      `${host.url}/#/inbox?filter=${encodeURIComponent(JSON.stringify(filter))}`,
    );
    await ui.chipRemover('Sentiment: Positief').waitFor();
    await ui.chipRemover('Kanaal: X').waitFor();
    await expect.poll(() => inbox.rowCount()).toBe(await total({ sentiment: ['positive'], channel: ['x'] }));
    await ui.chipRemover('Kanaal: X').click();
    await expect.poll(() => inbox.rowCount()).toBe(await total({ sentiment: ['positive'] }));
    expect(decodeURIComponent(await page.evaluate(() => window.location.hash))).toBe(
      `#/inbox?filter=${JSON.stringify({ sentiment: ['positive'] })}`,
    );

    await inbox.table.focus();
    await page.keyboard.press('?');
    const help = ui.dialog('Sneltoetsen');
    for (const what of [
      'Volgend / vorig bericht',
      'Bericht selecteren (voor bulkacties)',
      'Afhandelen',
      'Toewijzen',
      'Label toevoegen',
      'Zoeken',
      'Beantwoorden',
    ]) {
      await help.getByText(what, { exact: true }).waitFor();
    }
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expectClean(session);
  });

  it('remembers which columns show, their order and width after a reload', async () => {
    const { page, inbox, ui } = await open();
    await page.getByRole('button', { name: 'Kolommen' }).click();
    const menu = ui.dialog('Kolommen kiezen');
    await menu.getByRole('checkbox', { name: 'Onderwerpen' }).uncheck();
    await menu.getByRole('button', { name: 'Prioriteit naar links' }).click();
    await menu.getByRole('button', { name: 'Klaar' }).click();
    const resize = page.getByRole('separator', { name: 'Breedte van Auteur' });
    const width = Number(await resize.getAttribute('aria-valuenow'));
    await resize.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');

    await page.reload();
    await inbox.waitForRow(0);
    const headers = await inbox.table.getByRole('columnheader').allTextContents();
    expect(headers).not.toContain('Onderwerpen');
    expect(headers.indexOf('Prioriteit')).toBe(headers.indexOf('Toegewezen aan') - 1);
    expect(
      Number(await page.getByRole('separator', { name: 'Breedte van Auteur' }).getAttribute('aria-valuenow')),
    ).toBe(width + 20);
  });

  it('has no serious or critical accessibility violations with a mention open', { timeout: 180_000 }, async () => {
    const { page, inbox, ui } = await open();
    await ui.sitDownAs('Axe Tester');
    await inbox.table.focus();
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await inbox.detail.getByRole('region', { name: 'Geschiedenis' }).waitFor();
    await page.keyboard.press('x');
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id}: ${violation.nodes
            .map((node) => node.target.join(' '))
            .slice(0, 8)
            .join(' | ')}`,
      );
    expect(bad).toEqual([]);
  });
});

describe('two desks on one mention', () => {
  it('shows who else is viewing and asks before overwriting a change made meanwhile', async () => {
    const anna = await open();
    await anna.ui.sitDownAs('Anna');
    const bram = await open();
    await bram.ui.sitDownAs('Bram');
    const first = (await host.call('mentions.list', { limit: 1 })).rows[0]!;
    // Arranged through the API: the mention starts open, whatever the demo made of it (a demo mention can
    // already be resolved, and resolving it again would change nothing for Anna to notice).
    await host.call('inbox.setStatus', { operator: 'setup', mentions: [{ id: first.id }], status: 'open' });

    // Other tests' windows may still count as viewers for a few seconds (presence expires after 30 s).
    for (const desk of [anna, bram]) {
      await desk.inbox.row(0).click();
      await desk.inbox.detail.getByText(first.text, { exact: true }).first().waitFor();
    }
    await anna.inbox.detail.getByText(/^Ook open bij: (.*, )?Bram(,|$)/).waitFor({ timeout: 15_000 });
    await bram.inbox.detail.getByText(/^Ook open bij: (.*, )?Anna(,|$)/).waitFor({ timeout: 15_000 });

    await bram.inbox.detail.getByRole('button', { name: /^Afhandelen/ }).click();
    await expect.poll(async () => (await host.call('mentions.get', { id: first.id })).status).toBe('resolved');
    await anna.inbox.detail.getByText('Intussen gewijzigd door Bram: je ziet nu de nieuwste stand.').waitFor();

    await anna.page.keyboard.press('s');
    await anna.ui.dialog('Status wijzigen').getByRole('button', { name: 'Wachtend' }).click();
    const conflict = anna.page.getByRole('alertdialog', { name: 'Dit bericht is intussen gewijzigd' });
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Niet wijzigen' }).click();
    expect((await host.call('mentions.get', { id: first.id })).status).toBe('resolved');

    await anna.page.keyboard.press('s');
    await anna.ui.dialog('Status wijzigen').getByRole('button', { name: 'Wachtend' }).click();
    await conflict.getByRole('button', { name: 'Toch wijzigen' }).click();
    await expect.poll(async () => (await host.call('mentions.get', { id: first.id })).status).toBe('waiting');
    const history = await host.call('inbox.context', { id: first.id });
    expect(history.history.slice(0, 2).map((entry) => entry.actor)).toEqual(['Anna', 'Bram']);
    await bram.inbox.detail.getByRole('region', { name: 'Geschiedenis' }).getByText(/Anna/).first().waitFor();
  });
});
