import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxControls, InboxPage } from './pages/InboxPage';
import { foreignRequests, launchChromium, openSession } from './support/browser';
import { expectClean } from './support/expect-clean';
import { startHost, type RunningHost } from './support/host';

let host: RunningHost;
let browser: Browser;
let folder: string;

const PREVIEW = 'https://files.mastodon.example/media_attachments/small/brug.png';
const ORIGINAL = 'https://files.mastodon.example/media_attachments/original/brug.png';
/** A 1×1 PNG, served in place of the remote picture so nothing leaves the machine. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  host = await startHost({ mentions: 0 });
  browser = await launchChromium();
  // The documented Mastodon status, with a picture attached as Mastodon describes one.
  const status = JSON.parse(
    readFileSync(path.resolve('../shared/reference/social/mastodon/status_example_from_docs.json'), 'utf8'),
  ) as Record<string, unknown>;
  status.media_attachments = [
    {
      id: '22345792',
      type: 'image',
      url: ORIGINAL,
      preview_url: PREVIEW,
      remote_url: null,
      description: 'De brug bij de haven, afgesloten',
    },
  ];
  folder = mkdtempSync(path.join(tmpdir(), 'watchpost-media-'));
  const file = path.join(folder, 'status.json');
  writeFileSync(file, JSON.stringify(status));
  await host.call('ingest.importFiles', { files: [file], format: 'mastodon' });
  for (let waited = 0; (await host.call('workspace.stats', {})).mentions === 0; waited += 200) {
    if (waited > 30_000) throw new Error('the Mastodon status was not imported within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('media in the detail pane', () => {
  it('links to pictures until the workspace chooses to show them, then loads them without a referrer', async () => {
    const session = await openSession(browser, host.url);
    const page = session.page;
    const inbox = new InboxPage(page);
    await inbox.waitForRow(0);
    await new InboxControls(page).sitDownAs('Ilse');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    const media = inbox.detail.getByRole('region', { name: 'Afbeeldingen en video' });
    const link = media.getByRole('link', { name: 'De brug bij de haven, afgesloten' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(ORIGINAL);
    expect(await media.locator('img').count()).toBe(0);
    const toggle = media.getByRole('checkbox', { name: 'Afbeeldingen van andere websites tonen' });
    expect(await toggle.isChecked()).toBe(false);
    // Off (the default): the page has contacted nobody but the workspace.
    expectClean(session);

    const asked: { url: string; referer: string | undefined }[] = [];
    await page.route('https://files.mastodon.example/**', async (route) => {
      asked.push({ url: route.request().url(), referer: route.request().headers().referer });
      await route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL });
    });
    await toggle.focus();
    await page.keyboard.press('Space');
    const thumbnail = media.getByRole('img', { name: 'De brug bij de haven, afgesloten' });
    await thumbnail.waitFor();
    expect(await thumbnail.getAttribute('src')).toBe(PREVIEW);
    expect(await thumbnail.getAttribute('referrerpolicy')).toBe('no-referrer');
    // Loaded (the CSP lets https pictures in), and the picture is still a link to the original.
    await expect.poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    expect(await media.getByRole('link').getAttribute('href')).toBe(ORIGINAL);
    expect(asked).toEqual([{ url: PREVIEW, referer: undefined }]);
    expect(foreignRequests(session.requests)).toEqual([PREVIEW]);
    expect(await host.call('inbox.settings', {})).toEqual({ remoteMedia: true });

    // Switched off again: links only.
    await toggle.uncheck();
    await thumbnail.waitFor({ state: 'detached' });
    await link.waitFor();
    expect(await host.call('inbox.settings', {})).toEqual({ remoteMedia: false });
    expect(session.consoleErrors).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    await session.close();
  });
});
