import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryFile } from '../../shared/api/replies';
import type { MentionRow } from '../../shared/domain/mention';
import {
  type MastodonFixture,
  mastodonAccount,
} from '../../electron/engine/ingest/connectors/fixtures/mastodon-server';
import { RepliesPage } from './pages/RepliesPage';
import { launchChromium, openSession, type Session } from './support/browser';
import { expectClean } from './support/expect-clean';
import { startHost, type RunningHost } from './support/host';
import { mastodonSource } from './support/mastodon-source';

/**
 * The reply paths beyond the happy one (issue #6): copy-and-open for a channel without a reply connector,
 * a failed send retried once, a reply sent back and reworked (with the author told), drafts kept while
 * typing, the library shared as JSON, a template editor that refuses a syntax error, and a required
 * template variable that holds insertion back. Controls are found by role and name, in the Dutch UI.
 */

const SCREENSHOTS = path.resolve(process.cwd(), '.test-results/screenshots');

let host: RunningHost;
let browser: Browser;
let mastodon: MastodonFixture;
let sessions: Session[] = [];
let files: string;
let mastodonMentions = new Map<'outage' | 'reporter', number>();
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const OUTAGE = 'Sinds vanochtend doet de lantaarnpaal in de Kruisstraat het niet meer, heel onveilig. #eindhoven';
const REPORTER_POST = 'Gemeente laat de Markt weer vol lege flessen liggen na het weekend, een schande. #eindhoven';
const REPORTER = mastodonAccount('3004', 'redactie@stadskrant.social', 'Redactie Stadskrant', 36000) as {
  id: string;
  acct: string;
};

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  files = mkdtempSync(path.join(tmpdir(), 'watchpost-library-'));
  host = await startHost({ mentions: 200 });
  browser = await launchChromium();
  ({ mastodon, mentionIds: mastodonMentions } = await mastodonSource(host, {
    outage: { id: '109000000000000201', text: OUTAGE, tags: ['eindhoven'], createdAt: minutesAgo(30) },
    reporter: {
      id: '109000000000000202',
      text: REPORTER_POST,
      tags: ['eindhoven'],
      account: REPORTER,
      createdAt: minutesAgo(15),
    },
  }));
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await mastodon?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

afterEach(async () => {
  for (const session of sessions) await session.close();
  sessions = [];
});

async function desk(operator: string): Promise<{ session: Session; replies: RepliesPage }> {
  const session = await openSession(browser, host.url);
  sessions.push(session);
  const replies = new RepliesPage(session.page);
  await replies.sitDown(operator);
  return { session, replies };
}

/**
 * Dutch X mentions that need no approval (not negative) and that the demo's team has not answered yet,
 * newest first as the inbox lists them. (The demo ends at the present, so which mentions already carry a
 * demo reply changes with the clock.)
 */
async function quietXMentions(): Promise<{ filter: object; rows: MentionRow[] }> {
  const filter = {
    channel: ['x' as const],
    lang: ['nl' as const],
    sentiment: ['neutral' as const, 'positive' as const],
  };
  const { rows } = await host.call('mentions.list', { filter, limit: 40 });
  const unanswered: MentionRow[] = [];
  const shown = new Set<string>();
  for (const row of rows) {
    // The inbox row is found by its text's start (\`replyFromInbox\`); the demo builds texts from templates,
    // so a row whose start an earlier row also shows would open that one instead.
    const start = row.text.slice(0, 30);
    const ambiguous = shown.has(start);
    shown.add(start);
    if (ambiguous || !row.url?.startsWith('https://x.com/')) continue;
    if ((await host.call('replies.forMention', { mentionId: row.id })).length === 0) unanswered.push(row);
  }
  return { filter, rows: unanswered };
}

describe('copy and open, for a channel Watchpost cannot post to', () => {
  it('inserts the short variant, copies the reply, opens the post safely, and records it once confirmed', async () => {
    const { filter, rows } = await quietXMentions();
    const mention = rows[0]!;
    const { session, replies } = await desk('Sanne de Vries');
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url });
    // The post's address is outside: answered here, so nothing leaves the machine.
    const opened: string[] = [];
    await session.context.route('https://x.com/**', async (route) => {
      opened.push(route.request().url());
      await route.fulfill({ contentType: 'text/html', body: '<title>post</title><p>the post on X</p>' });
    });
    await replies.replyFromInbox(host.url, filter, mention.text);

    // X gets the template's short variant (the long one has a blank line and a full sign-off).
    await replies.field.click();
    await replies.page.keyboard.type('/vraag');
    await replies.templateOption('Vraag: we zoeken het uit').waitFor();
    await replies.page.keyboard.press('Enter');
    await expect.poll(() => replies.text()).toContain('We zoeken het voor u uit');
    const text = await replies.text();
    expect(text).toMatch(/\^Sanne$/);
    expect(text).not.toContain('\n');
    // The findings of this very text (the check runs a moment after typing): none.
    await replies.checked();
    expect(await replies.findings.filter({ hasText: /Fout|Waarschuwing/ }).count()).toBe(0);

    const prepare = replies.composerButton('Klaarzetten om te plaatsen');
    await replies.composer.getByText('Watchpost kan niet zelf op X plaatsen').waitFor();
    await prepare.click();

    const popup = session.context.waitForEvent('page');
    await replies.composerButton('Kopieer antwoord en open bericht').click();
    const post = await popup;
    await post.waitForLoadState();
    expect(post.url()).toBe(mention.url);
    expect(opened).toEqual([mention.url]);
    // Opened without a way back into Watchpost.
    expect(await post.evaluate(() => window.opener)).toBeNull();
    await post.close();
    await session.page.bringToFront();
    expect(await session.page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await replies.composer.getByText('Gekopieerd. Plaats het antwoord en bevestig daarna.').waitFor();
    await session.page.screenshot({ path: path.join(SCREENSHOTS, 'replies-manual-nl.png') });

    // Until the operator confirms, the reply waits; confirming records it as sent by hand.
    expect((await host.call('replies.forMention', { mentionId: mention.id })).map((r) => r.state)).toEqual([
      'approved',
    ]);
    await replies.composerButton('Ik heb het geplaatst').click();
    await replies.composer.waitFor({ state: 'detached' });
    const [reply] = await host.call('replies.forMention', { mentionId: mention.id });
    expect(reply).toMatchObject({ state: 'sent', sendMode: 'manual', operator: 'Sanne de Vries', text });
    const audit = await host.call('replies.audit', { mentionId: mention.id });
    expect(audit.map((entry) => `${entry.action}:${entry.actor}`)).toEqual([
      'reply.draft:Sanne de Vries',
      'reply.ready:Sanne de Vries',
      'reply.markSent:Sanne de Vries',
    ]);
    expect((await host.call('mentions.get', { id: mention.id })).firstResponseAt).not.toBeNull();
    expectClean(session);
  });
});

describe('approval of a reply for a channel Watchpost cannot post to', () => {
  it('is configured in Settings; once approved, the author is told to post it and confirms it from the replies page', async () => {
    const { filter, rows } = await quietXMentions();
    const mention = rows[4]!;
    const { session, replies: author } = await desk('Sanne de Vries');
    const page = session.page;

    // Settings → Tone of voice → Approval: a reply with a tone warning left goes through approval.
    await page.goto(`${host.url}/#/settings/tone`);
    const approval = page.getByRole('region', { name: 'Goedkeuring', exact: true });
    const anyWarning = approval.getByRole('checkbox', { name: 'elk antwoord waarin nog een toonwaarschuwing staat' });
    await anyWarning.uncheck();
    await approval.getByRole('button', { name: 'Goedkeuring opslaan' }).click();
    await approval.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
    expect((await host.call('replies.approval.get', {})).anyWarning).toBe(false);
    await anyWarning.check();
    await approval.getByRole('button', { name: 'Goedkeuring opslaan' }).click();
    await expect.poll(async () => (await host.call('replies.approval.get', {})).anyWarning).toBe(true);

    // No greeting: a warning, so the reply is submitted rather than prepared.
    await author.replyFromInbox(host.url, filter, mention.text);
    await author.field.fill('Dank voor uw bericht, we kijken er vandaag naar. ^Sanne');
    await author.composerButton('Ter goedkeuring aanbieden').click();
    await author.composer.getByText('Aangeboden ter goedkeuring').waitFor();
    await author.composerButton('Sluiten').last().click();

    const { replies: reviewer } = await desk('Mo Bakker');
    await reviewer.openRepliesPage(host.url);
    await reviewer.card(mention.author.handle).getByRole('button', { name: 'Goedkeuren en versturen' }).click();
    await reviewer.page
      .getByRole('status')
      .filter({ hasText: 'Goedgekeurd. De schrijver plaatst het zelf op het kanaal.' })
      .waitFor();

    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url });
    await session.context.route('https://x.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>post</title>' }),
    );
    const notice = author.reviewNotices.filter({ hasText: 'Mo Bakker keurde je antwoord' });
    await notice.getByText('Plaats het nu zelf op X.', { exact: false }).waitFor();
    await notice.getByRole('link', { name: 'Kopiëren en plaatsen' }).click();
    const card = author.card(mention.author.handle);
    const popup = session.context.waitForEvent('page');
    await card.getByRole('button', { name: 'Kopieer antwoord en open bericht' }).click();
    const post = await popup;
    await post.waitForLoadState();
    expect(post.url()).toBe(mention.url);
    await post.close();
    await page.bringToFront();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'Dank voor uw bericht, we kijken er vandaag naar. ^Sanne',
    );
    await card.getByRole('button', { name: 'Ik heb het geplaatst' }).click();
    await page.getByRole('status').filter({ hasText: 'Bevestigd: het antwoord staat bij Verstuurd.' }).waitFor();
    const [reply] = await host.call('replies.forMention', { mentionId: mention.id });
    expect(reply).toMatchObject({
      state: 'sent',
      sendMode: 'manual',
      operator: 'Sanne de Vries',
      approver: 'Mo Bakker',
    });
    for (const open of sessions) expectClean(open);
  });
});

describe('a failed send', () => {
  it('shows the error, stays under Failed, and one retry posts exactly once', async () => {
    const mentionId = mastodonMentions.get('outage')!;
    expect(mentionId).toBeDefined();
    const { session, replies } = await desk('Sanne de Vries');
    await replies.replyFromInbox(host.url, { channel: ['mastodon'], query: 'lantaarnpaal Kruisstraat' }, OUTAGE);
    await replies.field.fill('Beste Buurtbewoner, dank u voor de melding. We sturen vandaag iemand langs. ^Sanne');
    const before = mastodon.posting.posted.length;
    mastodon.server.fail({ status: 503, body: { error: 'Service temporarily unavailable' } });
    await replies.composerButton('Versturen via Mastodon').click();
    await replies.composer
      .getByRole('status')
      .filter({ hasText: 'Versturen mislukt: the server said 503 Service Unavailable' })
      .waitFor();
    expect(mastodon.posting.posted.length).toBe(before);
    await replies.composerButton('Sluiten').first().click();
    await replies.composer.waitFor({ state: 'detached' });

    await replies.openRepliesPage(host.url);
    await replies.tab('Mislukt').click();
    const card = replies.card('stadsbewoner');
    await card
      .getByText('Fout: the server said 503 Service Unavailable (Service temporarily unavailable)', {
        exact: false,
      })
      .waitFor();
    await card.getByText('(pogingen: 1)', { exact: false }).waitFor();
    await session.page.screenshot({ path: path.join(SCREENSHOTS, 'replies-failed-nl.png') });
    await card.getByRole('button', { name: 'Opnieuw versturen' }).click();
    await replies.page.getByRole('status').filter({ hasText: 'Opnieuw verstuurd' }).waitFor();
    await card.waitFor({ state: 'detached' });

    expect(mastodon.posting.posted.length).toBe(before + 1);
    expect(mastodon.posting.posted.at(-1)!.in_reply_to_id).toBe('109000000000000201');
    const [reply] = await host.call('replies.forMention', { mentionId });
    expect(reply).toMatchObject({ state: 'sent', attempts: 2, error: null });
    // A sent reply is never sent twice, however it is asked.
    await expect(host.call('replies.retry', { id: reply!.id, operator: 'Sanne de Vries' })).rejects.toThrow(
      /conflict: reply \d+ was already sent/,
    );
    expect(mastodon.posting.posted.length).toBe(before + 1);
    expectClean(session);
  });
});

describe('sent back by the reviewer', () => {
  it('tells the author, who reworks and resubmits it; approved, it is posted once and the author hears so', async () => {
    const mentionId = mastodonMentions.get('reporter')!;
    expect(mentionId).toBeDefined();
    const { session: authorSession, replies: author } = await desk('Sanne de Vries');
    await author.replyFromInbox(host.url, { channel: ['mastodon'], query: 'Markt flessen' }, REPORTER_POST);
    await author.field.fill('Beste Redactie, dank u voor uw bericht. We ruimen de Markt op. ^Sanne');
    await author.composerButton('Ter goedkeuring aanbieden').click();
    await author.composer.getByText('Aangeboden ter goedkeuring').waitFor();
    await author.composerButton('Sluiten').last().click();
    await author.composer.waitFor({ state: 'detached' });

    const { replies: reviewer } = await desk('Mo Bakker');
    await reviewer.openRepliesPage(host.url);
    const card = reviewer.card('redactie@stadskrant.social');
    await card.getByRole('button', { name: 'Terugsturen met toelichting' }).click();
    await card.getByRole('textbox', { name: 'Waarom stuur je het terug?' }).fill('Noem wanneer we opruimen.');
    await card.getByRole('button', { name: 'Terugsturen', exact: true }).click();
    await card.waitFor({ state: 'detached' });

    // The author, still in the inbox, is told at once, with the reviewer's comment.
    const notice = author.reviewNotices.filter({ hasText: 'Mo Bakker stuurde je antwoord aan @redactie' });
    await notice.getByText('“Noem wanneer we opruimen.”', { exact: false }).waitFor();
    await authorSession.page.screenshot({ path: path.join(SCREENSHOTS, 'replies-notice-rejected-nl.png') });
    await notice.getByRole('link', { name: 'Antwoord aanpassen' }).click();
    const sentBack = author.card('redactie@stadskrant.social');
    await sentBack.getByText('Mo Bakker: “Noem wanneer we opruimen.”').waitFor();
    await sentBack.getByRole('button', { name: 'Antwoord aanpassen' }).click();

    await author.composer
      .getByText('Afgewezen door Mo Bakker: “Noem wanneer we opruimen.”', { exact: false })
      .waitFor();
    // Submitted without the mention, it was kept as it goes out: with @author in front.
    expect(await author.text()).toBe(
      '@redactie@stadskrant.social Beste Redactie, dank u voor uw bericht. We ruimen de Markt op. ^Sanne',
    );
    await author.field.fill('Beste Redactie, dank u voor uw bericht. We ruimen de Markt morgenochtend op. ^Sanne');
    await author.composerButton('Ter goedkeuring aanbieden').click();
    await author.composer.getByText('Aangeboden ter goedkeuring').waitFor();
    await author.composerButton('Sluiten').last().click();

    const before = mastodon.posting.posted.length;
    await reviewer.page.reload();
    const again = reviewer.card('redactie@stadskrant.social');
    await again.getByText('morgenochtend', { exact: false }).waitFor();
    await again.getByRole('button', { name: 'Goedkeuren en versturen' }).click();
    await reviewer.page.getByRole('status').filter({ hasText: 'Goedgekeurd en verstuurd.' }).waitFor();

    await author.reviewNotices.filter({ hasText: 'Mo Bakker keurde je antwoord aan @redactie' }).waitFor();
    expect(mastodon.posting.posted.length).toBe(before + 1);
    expect(JSON.stringify(mastodon.posting.posted.at(-1))).toContain('morgenochtend');
    const replies = await host.call('replies.forMention', { mentionId });
    expect(replies.map((reply) => [reply.state, reply.operator, reply.approver])).toEqual([
      ['sent', 'Sanne de Vries', 'Mo Bakker'],
    ]);
    const audit = await host.call('replies.audit', { mentionId });
    expect(audit.map((entry) => `${entry.action}:${entry.actor}`)).toEqual([
      'reply.draft:Sanne de Vries',
      'reply.submit:Sanne de Vries',
      'reply.reject:Mo Bakker',
      'reply.submit:Sanne de Vries',
      'reply.approve:Mo Bakker',
      'reply.send:Mo Bakker',
    ]);
    for (const open of sessions) expectClean(open);
  });
});

describe('drafts', () => {
  it('keeps the text while typing and brings it back when the composer reopens on the mention', async () => {
    const { filter, rows } = await quietXMentions();
    const mention = rows[1]!;
    const { session, replies } = await desk('Sanne de Vries');
    await replies.replyFromInbox(host.url, filter, mention.text);
    await replies.field.click();
    await replies.page.keyboard.type('Beste, we kijken er');
    await replies.composer.getByText(/^Concept bewaard/).waitFor();
    await expect
      .poll(async () => (await host.call('replies.forMention', { mentionId: mention.id })).map((r) => r.text))
      .toEqual(['Beste, we kijken er']);

    // Typed and closed at once, within the pause: closing keeps it too.
    await replies.page.keyboard.type(' vandaag naar.');
    await replies.page.keyboard.press('Escape');
    await replies.composer.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await host.call('replies.forMention', { mentionId: mention.id })).map((r) => r.text))
      .toEqual(['Beste, we kijken er vandaag naar.']);

    await replies.page.keyboard.press('r');
    await replies.field.waitFor();
    expect(await replies.text()).toBe('Beste, we kijken er vandaag naar.');
    // Another operator does not get Sanne's draft.
    const { replies: other } = await desk('Mo Bakker');
    await other.replyFromInbox(host.url, filter, mention.text);
    expect(await other.text()).toBe('');
    // Still one reply, a draft.
    expect((await host.call('replies.forMention', { mentionId: mention.id })).map((r) => r.state)).toEqual(['draft']);
    expectClean(session);
  });
});

describe('the underlines of a long reply', () => {
  it('stay on their words when the reply scrolls', async () => {
    const { filter, rows } = await quietXMentions();
    const { session, replies } = await desk('Sanne de Vries');
    await replies.replyFromInbox(host.url, filter, rows[3]!.text);
    const line = 'Beste Jan, sorry dat je moest wachten. We zoeken het uit en laten het u weten. ^Sanne\n';
    await replies.field.fill(line.repeat(30));
    await replies.field.press('Control+End');
    await replies.page.keyboard.type('Nog een regel met je erin.');
    // Typing at the end scrolled the field down.
    await expect.poll(() => replies.field.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    // The underlines' layer is moved up with it.
    await expect
      .poll(() =>
        replies.field.evaluate((element) => {
          const layer = element.closest('.findings-field')!.querySelector('.findings-field__underlines-content')!;
          return new DOMMatrix(getComputedStyle(layer).transform).m42 + element.scrollTop;
        }),
      )
      .toBe(0);
    // The last "je" is underlined where it stands: its mark is inside the visible part of the field.
    // (The whole reply is over X's limit: the text past it is tinted as well, in an underline of its own.)
    await replies.checked();
    const box = await replies.lastUnderlinedWordBox('error', 'je');
    expect(box).not.toBeNull();
    const fieldBox = await replies.field.boundingBox();
    expect(box!.y).toBeGreaterThan(fieldBox!.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(fieldBox!.y + fieldBox!.height);
    expectClean(session);
  });
});

describe('a required template variable', () => {
  it('holds insertion back and names the field until it is filled in', async () => {
    const { filter, rows } = await quietXMentions();
    const { session, replies } = await desk('Sanne de Vries');
    await replies.replyFromInbox(host.url, filter, rows[2]!.text);
    await replies.field.click();
    await replies.page.keyboard.type('/afspraak');
    await replies.templateOption('Afspraak bevestigen').waitFor();
    await replies.page.keyboard.press('Enter');
    const form = replies.composer.getByRole('form', { name: '“Afspraak bevestigen” heeft nog gegevens nodig' });
    await form.getByText('Vul dit veld in om het sjabloon in te voegen: appointment.date.').waitFor();
    expect(await replies.text()).toBe('/afspraak');

    await form.getByRole('button', { name: 'Invoegen', exact: true }).click();
    await form.getByText('Vul appointment.date in.').waitFor();
    expect(await replies.text()).toBe('/afspraak');

    await form.getByRole('textbox', { name: /appointment\.date/ }).fill('3 maart om 10:00');
    await form.getByRole('button', { name: 'Invoegen', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    const text = await replies.text();
    expect(text).toContain('3 maart om 10:00');
    expect(text).toContain('het Stadskantoor');
    expect(text).not.toContain('/afspraak');
    expectClean(session);
  });
});

describe('the template library', () => {
  it('refuses to save a template with a syntax error and shows line and column', async () => {
    const { session } = await desk('Sanne de Vries');
    const page = session.page;
    await page.goto(`${host.url}/#/settings/templates`);
    await page.getByRole('button', { name: 'Nieuw sjabloon' }).click();
    const form = page.getByRole('form', { name: 'Nieuw sjabloon' });
    await form.getByRole('textbox', { name: 'Naam', exact: true }).fill('Gladheid');
    await form.getByRole('textbox', { name: 'Categorie' }).fill('Winter');
    const body = form.getByRole('textbox', { name: /^Tekst \(Nederlands, kort/ });
    await body.fill('{{> greeting}}\nWe strooien vandaag.{{#question}} Goede vraag.\n{{> signoff}}');
    await form.getByRole('alert').filter({ hasText: 'Regel 2, kolom 21' }).waitFor();
    // In Dutch, with the tags named: not Mustache's English "Unclosed section".
    expect(await form.getByRole('alert').textContent()).toBe(
      'Regel 2, kolom 21: het deel {{#question}} wordt nergens gesloten met {{/question}}',
    );
    const save = form.getByRole('button', { name: 'Opslaan', exact: true });
    expect(await save.isDisabled()).toBe(true);
    await form.getByText('Variant 1 heeft een fout in de opmaak').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'replies-template-syntax-nl.png') });
    // Pressing Enter in a field does not get round it either.
    await form.getByRole('textbox', { name: 'Naam', exact: true }).press('Enter');
    expect((await host.call('replies.templates.list', { search: 'Gladheid' })).length).toBe(0);

    await body.fill('{{> greeting}}\nWe strooien vandaag.{{#question}} Goede vraag.{{/question}}\n{{> signoff}}');
    await form.getByRole('alert').waitFor({ state: 'detached' });
    await save.click();
    await expect.poll(async () => (await host.call('replies.templates.list', { search: 'Gladheid' })).length).toBe(1);
    expectClean(session);
  });

  it('exports the library as JSON and imports it back; a broken file names its path and changes nothing', async () => {
    const { session } = await desk('Sanne de Vries');
    const page = session.page;
    await page.goto(`${host.url}/#/settings/templates`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporteren' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('watchpost-library.json');
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8')) as LibraryFile;
    expect(exported.format).toBe('watchpost-library');
    expect(exported.templates.map((template) => template.name)).toContain('Afspraak bevestigen');
    const before = await host.call('replies.templates.list', {});

    // A colleague's library: one template more, one changed.
    const shared = structuredClone(exported);
    shared.templates.push({
      ...structuredClone(shared.templates[0]!),
      name: 'Gedeeld: evenement',
      category: 'Evenementen',
    });
    shared.templates[0]!.description = 'Bijgewerkt door het team';
    const sharedPath = path.join(files, 'team-bibliotheek.json');
    writeFileSync(sharedPath, JSON.stringify(shared));

    // First a broken one: a body that is not text, and a file that is not JSON at all.
    const broken = structuredClone(exported) as unknown as { templates: { variants: { body: unknown }[] }[] };
    broken.templates[1]!.variants[0]!.body = 42;
    const brokenPath = path.join(files, 'kapot.json');
    writeFileSync(brokenPath, JSON.stringify(broken));
    const chooser = page.getByLabel('Importeren…');
    await chooser.setInputFiles(brokenPath);
    await page
      .getByRole('dialog', { name: 'kapot.json importeren' })
      .getByRole('button', { name: 'Importeren' })
      .click();
    const error = page.getByRole('alert').filter({ hasText: 'kapot.json is niet geïmporteerd' });
    await error.waitFor();
    expect(await error.textContent()).toContain('templates[1].variants[0].body');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'replies-import-error-nl.png') });
    const notJsonPath = path.join(files, 'notities.json');
    writeFileSync(notJsonPath, '{ "format": "watchpost-library", ');
    await chooser.setInputFiles(notJsonPath);
    await page.getByRole('alert').filter({ hasText: 'notities.json is geen JSON' }).waitFor();
    expect((await host.call('replies.templates.list', {})).length).toBe(before.length);

    await chooser.setInputFiles(sharedPath);
    await page
      .getByRole('dialog', { name: 'team-bibliotheek.json importeren' })
      .getByRole('button', { name: 'Importeren' })
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: `Geïmporteerd: 1 sjablonen toegevoegd, ${before.length} bijgewerkt` })
      .waitFor();
    await page.getByRole('button', { name: /Gedeeld: evenement/ }).waitFor();
    const after = await host.call('replies.templates.list', {});
    expect(after.length).toBe(before.length + 1);
    expect(after.find((template) => template.name === exported.templates[0]!.name)?.description).toBe(
      'Bijgewerkt door het team',
    );
    // The host answers the refused import with 400, which Chromium logs once; nothing else may be there.
    const refused = 'Failed to load resource: the server responded with a status of 400 (Bad Request)';
    expect(session.consoleErrors).toEqual([refused]);
    session.consoleErrors.length = 0;
    expectClean(session);
  });
});
