import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium, openSession } from '../tests/e2e/support/browser';
import { startHost } from '../tests/e2e/support/host';
import { RepliesPage } from '../tests/e2e/pages/RepliesPage';

/**
 * Issue #6: tone findings are underlined as the operator types, within 16 ms per keystroke for a
 * 2,000-character reply. Measured in Chromium against the built app (`npx electron-vite build` first):
 * the composer open on a mention, every tone rule of the default preset switched on, a 2,000-character
 * reply full of findings in the field, then keystrokes typed one at a time (at the end and in the middle).
 *
 * Per keystroke, from listeners the bench puts on the page (nothing in the app is there for the bench):
 * - `workMs`: the keystroke's own cost — from the input event's creation (`event.timeStamp`) until React
 *   has re-checked the text and re-rendered the underlines (a microtask after the event's last listener),
 *   plus the rendering of the frame that paints them (from that frame's rAF callback to a task right after
 *   it, when style, layout and paint are done). This is what the 16 ms budget is about.
 * - `inputToPaintMs`: from the input event to after that paint, which also holds the wait for the display's
 *   next frame (up to 16.7 ms at 60 Hz) that no code can remove.
 * - the Event Timing API's own entries (input-to-next-paint per event, reported only from 16 ms up) and
 *   long tasks (over 50 ms) while typing, as the browser itself sees them.
 * Each keystroke also checks that the painted mirror holds the field's text, so underlines never lag.
 */

const BUDGET_MS = 16;
const REPLY_LENGTH = 2000;

/** A reply that trips most rules: wrong form of address, shouting, exclamation marks, a phone number, emoji… */
function longReply(): string {
  const paragraph =
    'Beste Jan, sorry dat je moest wachten op de bus!! Dat is NIET de bedoeling en we zoeken uit wat er misging ' +
    'met lijn 401 vandaag, want iedereen die elke ochtend op tijd op het werk wil zijn verdient een bus die ' +
    'gewoon rijdt zoals de dienstregeling belooft. Bel ons gerust op 06-12345678 of mail jan@example.nl 😀 ';
  let text = '';
  while (text.length < REPLY_LENGTH - 10) text += paragraph;
  return `${text.slice(0, REPLY_LENGTH - 10).trimEnd()} ^Sanne`;
}

interface Sample {
  scriptMs: number;
  renderMs: number;
  workMs: number;
  inputToPaintMs: number;
  inSync: boolean;
}

/** Installs the measuring listeners on the composer's field; samples collect in `window.benchKeys`. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const field = document.querySelector<HTMLTextAreaElement>('dialog.composer textarea');
    const mirror = document.querySelector<HTMLElement>('dialog.composer .findings-field__mirror');
    if (!field || !mirror) throw new Error('the composer is not open');
    const state = window as unknown as {
      benchKeys: Sample[];
      benchSlow: { name: string; duration: number }[];
      benchLongTasks: number;
    };
    state.benchKeys = [];
    state.benchSlow = [];
    state.benchLongTasks = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.benchSlow.push({ name: entry.name, duration: entry.duration });
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    new PerformanceObserver((list) => {
      state.benchLongTasks += list.getEntries().length;
    }).observe({ type: 'longtask' });
    window.addEventListener('input', (event) => {
      if (event.target !== field) return;
      const start = event.timeStamp;
      // Runs after React's own listeners and the microtask it renders in.
      queueMicrotask(() => {
        const rendered = performance.now();
        const inSync = (mirror.textContent ?? '').replace(/\u200b$/, '') === field.value;
        requestAnimationFrame(() => {
          const frame = performance.now();
          setTimeout(() => {
            const painted = performance.now();
            state.benchKeys.push({
              scriptMs: rendered - start,
              renderMs: painted - frame,
              workMs: rendered - start + (painted - frame),
              inputToPaintMs: painted - start,
              inSync,
            });
          }, 0);
        });
      });
    });
  });
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(at(1)) };
}

export async function benchComposerKeystroke(): Promise<Record<string, unknown>> {
  const keystrokes = Number(process.env.BENCH_KEYSTROKES ?? 120);
  const host = await startHost({ mentions: 200 });
  const browser = await launchChromium();
  try {
    // Every rule of the default preset on, as shipped and more.
    const tone = await host.call('replies.tone.get', {});
    await host.call('replies.tone.save', {
      rules: tone.rules.map((rule) => ({ ...rule, enabled: true })),
      operator: 'Bench',
    });
    const { rows } = await host.call('mentions.list', { filter: { channel: ['x'] }, limit: 1 });
    const session = await openSession(browser, host.url);
    const replies = new RepliesPage(session.page);
    await replies.sitDown('Sanne de Vries');
    await replies.replyFromInbox(host.url, { channel: ['x'] }, rows[0]!.text);
    const page = session.page;
    await instrument(page);
    const typed = 'en we laten het u vandaag weten ';
    const typeKeys = async (count: number, middleAt: number | null) => {
      // Whatever the fill before set going has painted by now; then count from zero.
      await page.waitForTimeout(500);
      await page.evaluate(() => {
        const state = window as unknown as { benchKeys: Sample[]; benchSlow: unknown[]; benchLongTasks: number };
        state.benchKeys = [];
        state.benchSlow = [];
        state.benchLongTasks = 0;
      });
      for (let i = 0; i < count; i += 1) {
        // Half at the end of the reply, half in its middle (the caret moved there once).
        if (middleAt !== null && i === Math.floor(count / 2)) {
          await replies.field.evaluate((field: HTMLTextAreaElement, at) => field.setSelectionRange(at, at), middleAt);
        }
        await page.keyboard.type(typed[i % typed.length]!);
        await page.waitForFunction((n) => (window as unknown as { benchKeys: unknown[] }).benchKeys.length >= n, i + 1);
      }
      return page.evaluate(() => {
        const state = window as unknown as {
          benchKeys: Sample[];
          benchSlow: { name: string; duration: number }[];
          benchLongTasks: number;
        };
        return { keys: state.benchKeys, slow: state.benchSlow, longTasks: state.benchLongTasks };
      });
    };

    // The same composer with a short reply first: what a keystroke costs here before the reply is long.
    await replies.field.fill('Beste Jan, ');
    await replies.field.press('End');
    const short = await typeKeys(Math.min(40, keystrokes), null);

    await replies.field.fill(longReply());
    const findings = await replies.composer.locator('mark.finding-mark').count();
    await replies.field.press('End');
    const measured = await typeKeys(keystrokes, 1000);
    const length = (await replies.field.inputValue()).length;
    await session.close();
    const work = summary(measured.keys.map((key) => key.workMs));
    return {
      budgetMs: BUDGET_MS,
      // Other work on the machine slows every figure here: the load average while the bench ran.
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
      cpus: cpus().length,
      replyLength: length,
      rules: tone.rules.length,
      findingsUnderlined: findings,
      keystrokes: measured.keys.length,
      work,
      script: summary(measured.keys.map((key) => key.scriptMs)),
      render: summary(measured.keys.map((key) => key.renderMs)),
      inputToPaint: summary(measured.keys.map((key) => key.inputToPaintMs)),
      overBudget: measured.keys.filter((key) => key.workMs > BUDGET_MS).length,
      underlinesInSync: measured.keys.every((key) => key.inSync),
      eventTiming: {
        note: 'input-to-next-paint of key and input events, as Chromium reports them (only entries of 16 ms and more)',
        entriesFrom16Ms: measured.slow.length,
        worst: summary(measured.slow.map((entry) => entry.duration).concat(0)).maxMs,
      },
      longTasks: measured.longTasks,
      shortReplyBaseline: {
        note: 'the same keystrokes in the same composer with a reply of a few dozen characters',
        keystrokes: short.keys.length,
        work: summary(short.keys.map((key) => key.workMs)),
        script: summary(short.keys.map((key) => key.scriptMs)),
        render: summary(short.keys.map((key) => key.renderMs)),
        inputToPaint: summary(short.keys.map((key) => key.inputToPaintMs)),
      },
      withinBudget: work.p95Ms <= BUDGET_MS,
    };
  } finally {
    await browser.close();
    await host.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchComposerKeystroke(), null, 2));
}
