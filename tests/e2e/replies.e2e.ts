import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type MastodonFixture,
  mastodonAccount,
} from '../../electron/engine/ingest/connectors/fixtures/mastodon-server';
import { InboxPage } from './pages/InboxPage';
import { RepliesPage } from './pages/RepliesPage';
import { launchChromium, openSession, type Session } from './support/browser';
import { expectClean } from './support/expect-clean';
import { startHost, type RunningHost } from './support/host';
import { mastodonSource } from './support/mastodon-source';

const SCREENSHOTS = path.resolve(process.cwd(), '.test-results/screenshots');

let host: RunningHost;
let browser: Browser;
let mastodon: MastodonFixture;
let sessions: Session[] = [];
let mentionIds = new Map<'complaint' | 'loud', number>();
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const COMPLAINT =
  'Alweer stond ik een half uur te wachten op lijn 401, slechte service en niemand die iets laat weten. #eindhoven';
const LOUD =
  'Schandalig slecht geregeld: het Stationsplein is een gevaarlijke puinhoop en niemand doet iets. #eindhoven';
const REPORTER = mastodonAccount('3003', 'verslaggever@nieuws.social', 'Verslaggever Stad', 48000) as {
  id: string;
  acct: string;
};

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  host = await startHost({ mentions: 200 });
  browser = await launchChromium();
  // A Mastodon source on the loopback fixture, with a token: replies go out over real HTTP.
  ({ mastodon, mentionIds } = await mastodonSource(host, {
    complaint: { id: '109000000000000101', text: COMPLAINT, tags: ['eindhoven'], createdAt: minutesAgo(20) },
    loud: { id: '109000000000000102', text: LOUD, tags: ['eindhoven'], account: REPORTER, createdAt: minutesAgo(10) },
  }));
  // A team template that says "je" where the organisation says "u": the tone guard must catch it.
  await host.call('replies.templates.save', {
    name: 'Bus te laat',
    category: 'Openbaar vervoer',
    variants: [
      {
        lang: 'nl',
        kind: 'short',
        body: '{{> greeting}} Sorry dat je moest wachten. We zoeken uit wat er misging met de bus. {{> signoff}}',
      },
    ],
    operator: 'Sanne de Vries',
  });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await mastodon?.close();
});

afterEach(async () => {
  for (const session of sessions) await session.close();
  sessions = [];
});

async function desk(operator: string, locale = 'nl-NL'): Promise<{ session: Session; replies: RepliesPage }> {
  const session = await openSession(browser, host.url, { locale });
  sessions.push(session);
  const replies = new RepliesPage(session.page);
  await replies.sitDown(operator, locale.startsWith('en') ? 'en' : 'nl');
  return { session, replies };
}

/** Opens the inbox on one mention (through the agreed deep link, searched by its words) and presses r. */
async function replyTo(replies: RepliesPage, text: string, words: string): Promise<void> {
  const filter = encodeURIComponent(JSON.stringify({ channel: ['mastodon'], query: words }));
  await replies.page.goto(`${host.url}/#/inbox?filter=${filter}`);
  const inbox = new InboxPage(replies.page);
  const row = inbox.rowWithText(text.slice(0, 30));
  await row.click();
  await inbox.detail.waitFor();
  await replies.page.keyboard.press('r');
  await replies.field.waitFor();
}

describe('replying in one voice', () => {
  it('inserts a template with /, fixes the wrong form of address in one click, sends to Mastodon and logs it', async () => {
    expect(mentionIds.size).toBe(2);
    const mention = await host.call('mentions.get', { id: mentionIds.get('complaint')! });
    expect(mention.sentiment).toBe('negative');

    const { session, replies } = await desk('Sanne de Vries');
    await replyTo(replies, COMPLAINT, 'lijn 401 wachten');
    // Mastodon delivers a reply only to whom it mentions: the reply starts with the author's handle, counted.
    const mentionPrefix = await replies.text();
    expect(mentionPrefix).toMatch(/^@[\w.-]+@[\w.-]+ $/);
    // (Mastodon counts a remote mention as its @user part only.)
    await replies.composer.getByText(/^[1-9]\d* \/ 500$/).waitFor();
    await replies.field.click();
    await replies.field.press('End');
    await replies.page.keyboard.type('/bus');
    await replies.templateOption('Bus te laat').waitFor();
    await replies.page.keyboard.press('Enter');
    await expect.poll(() => replies.text()).toContain('Sorry dat je moest wachten');
    const inserted = await replies.text();
    expect(inserted).not.toContain('/bus');
    expect(inserted.startsWith(`${mentionPrefix}Beste `)).toBe(true);

    // The error is underlined in the text and listed, with a one-click fix; sending is blocked meanwhile.
    await expect.poll(() => replies.underlines('error')).toEqual(['je']);
    // Its box stands under the word, where the field shows it.
    expect(await replies.underlineBoxes('error')).toEqual([expect.objectContaining({ onText: true })]);
    const finding = replies.findings.filter({ hasText: 'Fout' }).filter({ hasText: 'aanspreekvorm' });
    await finding.waitFor();
    expect(await replies.sendButton().isDisabled()).toBe(true);
    await session.page.screenshot({ path: path.join(SCREENSHOTS, 'replies-composer-findings-nl.png') });

    await finding.getByRole('button', { name: 'Vervang door “u”' }).click();
    await expect.poll(() => replies.text()).toContain('Sorry dat u moest wachten');
    await expect.poll(() => replies.underlines('error')).toEqual([]);
    // The fix went through the editing command: Ctrl+Z brings "je" back, Ctrl+Shift+Z takes it away again.
    await replies.field.focus();
    await replies.page.keyboard.press('Control+z');
    await expect.poll(() => replies.text()).toContain('Sorry dat je moest wachten');
    await replies.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => replies.text()).toContain('Sorry dat u moest wachten');

    const send = replies.sendButton();
    expect(await send.textContent()).toContain('Versturen via Mastodon');
    await send.click();
    await replies.composer.waitFor({ state: 'detached' });

    // Really posted over HTTP to the fixture, as a reply to the mention's status, once.
    expect(mastodon.posting.posted).toHaveLength(1);
    const posted = mastodon.posting.posted[0]!;
    expect(posted.in_reply_to_id).toBe('109000000000000101');
    const request = mastodon.server.requestsTo('/api/v1/statuses').at(-1)!;
    expect((JSON.parse(request.body) as { status: string }).status.startsWith(mentionPrefix)).toBe(true);
    const text = await host.call('replies.forMention', { mentionId: mention.id });
    expect(text.map((reply) => reply.state)).toEqual(['sent']);
    expect(text[0]!.text).toContain('Sorry dat u moest wachten');

    // The audit log has it with operator and time, and the replies page shows both the reply and its trail.
    const audit = await host.call('replies.audit', { mentionId: mention.id });
    expect(audit.map((entry) => [entry.actor, entry.action])).toContainEqual(['Sanne de Vries', 'reply.send']);
    await replies.openRepliesPage(host.url, 'sent');
    const card = replies.card('stadsbewoner');
    await card.getByText('Sorry dat u moest wachten', { exact: false }).waitFor();
    await card.getByText('Geschiedenis (auditlog)').click();
    await card.getByRole('listitem').filter({ hasText: 'Sanne de Vries verstuurde het' }).waitFor();
    expectClean(session);
  });

  it('sends a reply to a sensitive mention through approval by a second operator', async () => {
    const mentionId = mentionIds.get('loud')!;
    const { replies: author } = await desk('Sanne de Vries');
    await replyTo(author, LOUD, 'Stationsplein puinhoop');
    await author.composer.getByText('Gaat langs goedkeuring').first().waitFor();
    await author.field.fill(
      'Beste Verslaggever, dank u voor uw bericht. We kijken vandaag op het Stationsplein. ^Sanne',
    );
    const submit = author.sendButton();
    expect(await submit.textContent()).toContain('Ter goedkeuring aanbieden');
    await submit.click();
    await author.composer.getByText('Aangeboden ter goedkeuring').waitFor();
    expect(mastodon.posting.posted).toHaveLength(1);

    // The author cannot approve their own reply.
    await author.openRepliesPage(host.url);
    await author.card('verslaggever@nieuws.social').getByText('Je eigen antwoord').waitFor();

    const { session, replies: reviewer } = await desk('Mo Bakker');
    await reviewer.openRepliesPage(host.url);
    const card = reviewer.card('verslaggever@nieuws.social');
    await card.waitFor();
    await session.page.screenshot({ path: path.join(SCREENSHOTS, 'replies-approval-nl.png') });
    await card.getByRole('button', { name: 'Goedkeuren en versturen' }).click();
    await reviewer.page.getByRole('status').filter({ hasText: 'Goedgekeurd en verstuurd.' }).waitFor();

    expect(mastodon.posting.posted).toHaveLength(2);
    expect(mastodon.posting.posted[1]!.in_reply_to_id).toBe('109000000000000102');
    const [reply] = await host.call('replies.forMention', { mentionId });
    expect([reply!.state, reply!.operator, reply!.approver]).toEqual(['sent', 'Sanne de Vries', 'Mo Bakker']);

    // The author sees the outcome under Sent.
    await author.openRepliesPage(host.url, 'sent');
    await author.card('verslaggever@nieuws.social').getByText('Verstuurd').first().waitFor();
    for (const open of sessions) expectClean(open);
  });

  describe('screenshots', () => {
    for (const [language, locale] of [
      ['nl', 'nl-NL'],
      ['en', 'en-GB'],
    ] as const) {
      it(language, async () => {
        const { session, replies } = await desk('Sanne de Vries', locale);
        await session.page.goto(`${host.url}/#/settings/tone`);
        // The sample text's errors are underlined.
        const sample = session.page.getByRole('textbox', { name: /^(Voorbeeldtekst|Sample text)$/ });
        await expect.poll(() => replies.underlines('error', sample)).not.toEqual([]);
        await session.page.screenshot({ path: path.join(SCREENSHOTS, `replies-tone-${language}.png`) });

        await session.page.goto(`${host.url}/#/settings/templates`);
        await session.page.getByRole('button', { name: /Storing/ }).click();
        await session.page.getByRole('form').waitFor();
        await session.page.screenshot({ path: path.join(SCREENSHOTS, `replies-templates-${language}.png`) });

        await replyTo(replies, COMPLAINT, 'lijn 401 wachten');
        await replies.field.fill('Hoi, jij moet NIET zo boos doen!! Bel 06-12345678 😀');
        await replies.field.press('End');
        await replies.page.keyboard.type(' /');
        await replies.composer.getByRole('listbox').waitFor();
        await session.page.screenshot({ path: path.join(SCREENSHOTS, `replies-composer-${language}.png`) });
        await replies.page.keyboard.press('Escape');
        await replies.composer.getByRole('listbox').waitFor({ state: 'detached' });
        // Escape closed the menu only; the composer and its text stay.
        expect(await replies.text()).toContain('NIET zo boos');

        await replies.openRepliesPage(host.url, 'sent');
        await replies.card('stadsbewoner').waitFor();
        await session.page.screenshot({ path: path.join(SCREENSHOTS, `replies-page-${language}.png`) });
        expectClean(session);
      });
    }
  });
});
