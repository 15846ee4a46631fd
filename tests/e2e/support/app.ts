import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium, openSession, type Session, type SessionOptions } from './browser';
import { startHost, type RunningHost } from './host';

/** A test file's workspace host and Chromium, and the browser sessions its tests open. */
export interface AppFixture {
  readonly host: RunningHost;
  readonly browser: Browser;
  /** The session the running test opened last. */
  readonly session: Session;
  /** A fresh browser profile on `url` (the host's page unless given); closed when the test ends. */
  open(options?: SessionOptions & { url?: string }): Promise<Session>;
}

/**
 * Starts a host with a demo of `mentions` mentions and Chromium before the file's tests, closes every session
 * a test opened after it, and stops both after the last test. Call it at the top of a test file.
 */
export function useApp({ mentions = 3000 } = {}): AppFixture {
  let host: RunningHost | undefined;
  let browser: Browser | undefined;
  const sessions: Session[] = [];

  beforeAll(async () => {
    host = await startHost({ mentions });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.close();
  });

  const started = () => {
    if (!host || !browser) throw new Error('the app fixture is not started: use it from inside a test');
    return { host, browser };
  };

  return {
    get host() {
      return started().host;
    },
    get browser() {
      return started().browser;
    },
    get session() {
      const session = sessions.at(-1);
      if (!session) throw new Error('this test opened no browser session: call open() first');
      return session;
    },
    async open({ url, ...options } = {}) {
      const { host, browser } = started();
      const session = await openSession(browser, url ?? host.url, options);
      sessions.push(session);
      return session;
    },
  };
}
