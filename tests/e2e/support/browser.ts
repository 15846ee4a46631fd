import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface SessionOptions {
  locale?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

/** A fresh browser profile on the app, recording what must never happen: errors and traffic leaving the machine. */
export interface Session {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  /** Every URL the page asked for (HTTP and WebSocket), in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function openSession(browser: Browser, url: string, options: SessionOptions = {}): Promise<Session> {
  const context = await browser.newContext({
    locale: options.locale ?? 'nl-NL',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1440, height: 900 },
    timezoneId: 'Europe/Amsterdam',
  });
  const page = await context.newPage();
  const session: Session = {
    context,
    page,
    consoleErrors: [],
    pageErrors: [],
    requests: [],
    close: () => context.close(),
  };
  page.on('console', (message) => {
    if (message.type() === 'error') session.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => session.pageErrors.push(error.message));
  page.on('request', (request) => session.requests.push(request.url()));
  page.on('websocket', (socket) => session.requests.push(socket.url()));
  await page.goto(url);
  return session;
}

/** Hosts other than the workspace's own loopback address that the page contacted. */
export function foreignRequests(requests: string[]): string[] {
  return requests.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
    return parsed.hostname !== '127.0.0.1';
  });
}
