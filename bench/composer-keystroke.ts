import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openSession } from '../tests/e2e/support/browser';
import { startHost } from '../tests/e2e/support/host';
import { RepliesPage } from '../tests/e2e/pages/RepliesPage';
import { paintRuns } from '../renderer/src/features/replies/paint';
import { checkTone } from '../shared/replies/tone/check';
import { TRACE_CATEGORIES, traceKeystrokes, type TracedKeystroke } from './keystroke-trace';
import { addStyleSheet } from './page-css';

/**
 * Issue #6: tone findings are underlined as the operator types, within 16 ms per keystroke for a
 * 2,000-character reply. Measured in Chromium against the built app (`npx electron-vite build` first):
 * the composer open on a mention, every tone rule of the default preset switched on, a 2,000-character
 * reply full of findings in the field, then keystrokes typed one at a time (at the end and in the middle).
 *
 * Per keystroke, from listeners the bench puts on the page (nothing in the app is there for the bench):
 * - `keyWorkMs` (reported as `keystroke.work`, the figure the 16 ms budget is judged on): the keystroke's own
 *   cost from its keydown (`event.timeStamp`: when the browser got the key) until the input event's listeners
 *   are done (a microtask after its last listener), plus the rendering of the frame that paints the edit and its
 *   underlines (from that frame's rAF callback to a task right after it, when style, layout and paint are done).
 *   It holds the keydown's listeners and the browser's own insertion of the character (editing the field, its
 *   layout), which run before the input event. React hears of the edit
 *   after that frame (see FindingsField): its render is not in this figure, but it is in `rendererTime`, and a
 *   key typed while it runs waits for it (the keydown's timeStamp is taken before that wait).
 * - `workMs` (`work`, `script`, `render`): the same from the input event's creation instead of the keydown, as
 *   this bench measured before; it leaves out the keydown and the insertion of the character.
 * - `inputToPaintMs`: from the input event to after that paint, which also holds the wait for the display's
 *   next frame (up to 16.7 ms at 60 Hz) that no code can remove.
 * - the Event Timing API's own entries (input-to-next-paint per event, reported only from 16 ms up) and
 *   long tasks (over 50 ms) while typing, as the browser itself sees them.
 * Each keystroke also checks that every underline's boxes stand on its text in the frame just painted
 * (`underlinesInSync`; the underlines are boxes placed where the field lays the text out, following live ranges in
 * its text, see renderer/src/features/replies/underlines.ts), so underlines never lag the text.
 *
 * The floor (`floor`, reported every run): the same reply and the same keystrokes, measured the same way (listeners
 * and trace), in a page holding nothing but a plain <textarea> with the composer field's size and font (no React, no
 * app code, no underlines), opened in the same browser. The font is the app's own web font (its
 * @font-face rules are copied in): shaping a paragraph with an emoji in it costs several times more in Inter than in
 * a system font, so a floor in another font would leave that cost out. What the browser itself costs per keystroke on
 * this machine; `aboveFloor` is what the composer adds to it (ours minus floor, per statistic).
 *
 * `paced`: the same measure with the keys PACED_GAP_MS apart, as a fast typist types them, instead of back to back.
 *
 * For a closer look: BENCH_KEY_TRACE_FILE=path keeps a Chromium trace of the measured typing (DevTools, Perfetto);
 * BENCH_KEY_SAMPLES=path writes each measured keystroke's figures (the samples above, JSON);
 * BENCH_KEY_CSS='<rules>' adds a stylesheet to the composer's page before typing (tries a CSS change without a build).
 * BENCH_KEY_AB_CSS='<rules>' adds `cssAB`: the long reply typed in blocks, every other block with that stylesheet on
 * (the order swapped each round), so both sides share the machine's moment. Runs on this machine differ by up to a
 * half from one minute to the next; a CSS change is only judged within one run.
 *
 * The tone check itself runs off the keystroke's path, in the render that hears of the edit after its frame
 * (see useToneCheck), which the field starts once the keys pause (50 ms, or 100 ms into a quick run) and the page
 * is idle: `checkDelay` is from a keystroke's input event until the page is idle, then the next frame is painted
 * and the page is idle again, when that render, its check and whatever it changed on the page are done: how
 * promptly the findings catch up.
 */

const BUDGET_MS = 16;

/**
 * The system fonts that draw the reply's emoji (fontconfig's answer). A desktop has one; a bare server may have none,
 * and then every reshaping of a paragraph with an emoji in it searches the fonts for a glyph no font has, which
 * costs a keystroke more than it would at the desk. Reported so runs on machines with and without are told apart.
 */
function emojiFonts(): string[] {
  try {
    return execFileSync('fc-list', [':charset=1f600', 'family'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() !== '');
  } catch {
    return [];
  }
}
/** Keystrokes typed once more under a Chromium trace, after the timed ones (tracing slows the page a little). */
const TRACED_KEYS = Number(process.env.BENCH_TRACED_KEYS ?? 30);
/** How many of the slowest traced keystrokes the report shows part by part. */
const SLOWEST_SHOWN = 4;
const REPLY_LENGTH = 2000;
/** Keys typed at a person's pace: 100 ms from key to key is 120 words a minute. */
const PACED_GAP_MS = 100;
const PACED_KEYS = Number(process.env.BENCH_PACED_KEYS ?? 80);

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
  keyScriptMs: number;
  keyWorkMs: number;
  keyToPaintMs: number;
  scriptMs: number;
  renderMs: number;
  workMs: number;
  inputToPaintMs: number;
  inSync: boolean;
}

/** Installs the measuring listeners on a field; samples collect in `window.benchKeys`. With `underlined`, each
 * key also checks that every underline's boxes stand on its text; `window.benchChecks` gets, per key, how long
 * until the page was idle after it (see checkDelay). */
async function instrument(page: Page, selectors: { field: string; underlined: boolean }): Promise<void> {
  await page.evaluate((selectors) => {
    const field = document.querySelector<HTMLElement>(selectors.field);
    if (!field) throw new Error(`bench: no field at ${selectors.field}`);
    const state = window as unknown as {
      benchKeys: Sample[];
      benchSlow: { name: string; duration: number }[];
      benchLongTasks: number;
      benchChecks: { delayMs: number }[];
    };
    state.benchKeys = [];
    state.benchSlow = [];
    state.benchLongTasks = 0;
    state.benchChecks = [];
    // (No named functions in here: the bench's loader would wrap them in a helper the page does not have.)
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.benchSlow.push({ name: entry.name, duration: entry.duration });
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    new PerformanceObserver((list) => {
      state.benchLongTasks += list.getEntries().length;
    }).observe({ type: 'longtask' });
    // The keystroke starts at its keydown (the browser inserts the character and fires beforeinput and input
    // after the keydown's listeners): its timeStamp is when the browser got the key.
    let keydownAt: number | null = null;
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.target === field) keydownAt = event.timeStamp;
      },
      true,
    );
    window.addEventListener('input', (event) => {
      if (event.target !== field) return;
      const start = event.timeStamp;
      const keyStart = keydownAt ?? start;
      keydownAt = null;
      // Runs after React's own listeners and the microtask it renders in.
      queueMicrotask(() => {
        const rendered = performance.now();
        requestAnimationFrame(() => {
          const frame = performance.now();
          setTimeout(() => {
            const painted = performance.now();
            // (Checked after the measured window.) Every underline's boxes stand on its text, line by line, in the
            // frame just painted: its first box on the range's first rect, its last on its last.
            let placed = true;
            if (selectors.underlined) {
              for (const element of document.querySelectorAll<HTMLElement & { toneRange: Range }>(
                '.findings-field__underline',
              )) {
                const rects = [...element.toneRange.getClientRects()].filter((rect) => rect.width > 0);
                const first = element.firstElementChild?.getBoundingClientRect();
                const last = element.lastElementChild?.getBoundingClientRect();
                if (rects.length === 0) continue;
                if (
                  !first ||
                  !last ||
                  Math.abs(first.left - rects[0]!.left) > 0.5 ||
                  Math.abs(first.top - rects[0]!.top) > 4 ||
                  Math.abs(last.top - rects[rects.length - 1]!.top) > 4
                )
                  placed = false;
              }
            }
            // Idle once (the field reports the edit then), then its render's frame, then idle again.
            requestIdleCallback(() =>
              requestAnimationFrame(() =>
                setTimeout(() =>
                  requestIdleCallback(() => state.benchChecks.push({ delayMs: performance.now() - start })),
                ),
              ),
            );
            state.benchKeys.push({
              keyScriptMs: rendered - keyStart,
              keyWorkMs: rendered - keyStart + (painted - frame),
              keyToPaintMs: painted - keyStart,
              scriptMs: rendered - start,
              renderMs: painted - frame,
              workMs: rendered - start + (painted - frame),
              inputToPaintMs: painted - start,
              inSync: placed,
            });
          }, 0);
        });
      });
    });
  }, selectors);
}

const COMPOSER = {
  field: 'dialog.composer [role="textbox"][contenteditable]',
  underlined: true,
};

/** What the plain page's textarea copies from the composer's, so it lays out and paints the same text alike. */
const FIELD_STYLE = [
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'letter-spacing',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'box-sizing',
  'white-space',
  'overflow-wrap',
  'word-break',
  'tab-size',
  'overflow-y',
  'scrollbar-gutter',
] as const;

const AB_ROUNDS = 6;
const AB_KEYS = 16;

/** BENCH_KEY_AB_CSS: blocks of keys without and with `css` in turn, the long reply refilled before each block. */
async function typeCssAB(browser: Browser, page: Page, replies: RepliesPage, css: string) {
  const settled = () => replies.checked();
  const sides = {
    without: [] as Sample[],
    with: [] as Sample[],
    tracedWithout: [] as TracedKeystroke[],
    tracedWith: [] as TracedKeystroke[],
  };
  for (let round = 0; round < AB_ROUNDS; round += 1) {
    for (const on of round % 2 === 0 ? [false, true] : [true, false]) {
      await page.evaluate(
        ({ css, on }) => {
          const state = window as unknown as { benchAB?: CSSStyleSheet };
          state.benchAB ??= new CSSStyleSheet();
          state.benchAB.replaceSync(css);
          const others = document.adoptedStyleSheets.filter((sheet) => sheet !== state.benchAB);
          document.adoptedStyleSheets = on ? [...others, state.benchAB] : others;
        },
        { css, on },
      );
      await replies.field.fill(longReply());
      await settled();
      await replies.field.press('End');
      const typed = await typeKeys(page, replies.field, AB_KEYS, null, settled);
      const traced = await traceKeystrokes(browser, page, TYPED.slice(0, 10));
      (on ? sides.with : sides.without).push(...typed.keys);
      (on ? sides.tracedWith : sides.tracedWithout).push(...traced);
    }
  }
  return {
    note: `${AB_ROUNDS} rounds of ${AB_KEYS} keys (then 10 traced) without and with BENCH_KEY_AB_CSS, in turn`,
    css,
    without: { work: keystroke(sides.without).work, traced: tracedSummary(sides.tracedWithout).cpu },
    with: { work: keystroke(sides.with).work, traced: tracedSummary(sides.tracedWith).cpu },
    partsWithout: tracedSummary(sides.tracedWithout).parts.medianCpuMs,
    partsWith: tracedSummary(sides.tracedWith).parts.medianCpuMs,
  };
}

/**
 * The machine's floor: a page with nothing but a <textarea> (no React, no app code, no underlines)
 * the composer's size and font, holding `text`, in the same browser with the same viewport and locale. Opened
 * on about:blank in a context of its own; the caller instruments and types into it as into the composer.
 */
async function openFloorPage(browser: Browser, composerPage: Page, text: string) {
  const look = await composerPage.evaluate(
    ({ selector, properties }) => {
      const field = document.querySelector<HTMLElement>(selector);
      if (!field) throw new Error(`bench: no composer field at ${selector} to copy the floor's textarea from`);
      const computed = getComputedStyle(field);
      const box = field.getBoundingClientRect();
      // The app's own web fonts (@font-face) of the field's families, so the floor shapes the text with the same font.
      const families = computed.fontFamily.split(',').map((family) => family.trim().replace(/^['"]|['"]$/g, ''));
      const faces = [...document.styleSheets].flatMap((sheet) =>
        [...sheet.cssRules].filter(
          (rule): rule is CSSFontFaceRule =>
            rule instanceof CSSFontFaceRule &&
            families.includes(
              rule.style
                .getPropertyValue('font-family')
                .trim()
                .replace(/^['"]|['"]$/g, ''),
            ),
        ),
      );
      return {
        fontFaces: faces.map((face) => ({ css: face.cssText, base: face.parentStyleSheet?.href ?? document.baseURI })),
        style: properties.map((name) => `${name}: ${computed.getPropertyValue(name)};`).join(' '),
        width: box.width,
        height: box.height,
        lang: field.lang,
        viewport: { width: window.innerWidth, height: window.innerHeight },
      };
    },
    { selector: COMPOSER.field, properties: [...FIELD_STYLE] },
  );
  const context = await browser.newContext({ viewport: look.viewport, locale: 'nl-NL' });
  const page = await context.newPage();
  await page.setContent(
    '<!doctype html><html lang="nl"><body style="margin: 24px"><textarea></textarea></body></html>',
  );
  // Set from here, not written into the HTML: a font family's quotes would end a style attribute.
  await page.evaluate((look) => {
    const field = document.querySelector('textarea')!;
    field.lang = look.lang;
    field.spellcheck = true;
    field.style.cssText = `${look.style} width: ${look.width}px; height: ${look.height}px; margin: 0; border: 1px solid #888; resize: none;`;
  }, look);
  // The composer's web fonts, inlined as data URLs (the blank page is of no origin the app's server would serve).
  const fontFaces = await composerPage.evaluate(
    (faces) =>
      // (No named functions in here: the bench's loader would wrap them in a helper the page does not have.)
      Promise.all(
        faces.map(async ({ css, base }) => {
          let out = css;
          for (const match of css.matchAll(/url\("?([^")]+)"?\)/g)) {
            const bytes = new Uint8Array(await (await fetch(new URL(match[1]!, base))).arrayBuffer());
            let binary = '';
            for (const byte of bytes) binary += String.fromCharCode(byte);
            out = out.replace(match[0], `url("data:font/woff2;base64,${btoa(binary)}")`);
          }
          return out;
        }),
      ),
    look.fontFaces,
  );
  await page.evaluate(async (faces) => {
    const style = document.createElement('style');
    style.textContent = faces.join('\n');
    document.head.append(style);
  }, fontFaces);
  const field = page.locator('textarea');
  await field.fill(text);
  await field.focus();
  await page.evaluate(async () => {
    const field = document.querySelector('textarea')!;
    await document.fonts.load(getComputedStyle(field).font, field.value);
    await document.fonts.ready;
  });
  return {
    page,
    field,
    close: () => context.close(),
    width: look.width,
    height: look.height,
    fontFaces: fontFaces.length,
  };
}

function tracedSummary(keys: TracedKeystroke[]) {
  return {
    note: 'renderer main thread per keystroke from a trace: keydown task to the end of its painted frame, idle time left out',
    keystrokes: keys.length,
    wall: summary(keys.map((key) => key.wallMs)),
    cpu: summary(keys.map((key) => key.cpuMs)),
    frameCpu: summary(keys.map((key) => key.frameCpuMs)),
    paintCpu: summary(keys.map((key) => key.paintCpuMs)),
    parts: partsSummary(keys),
  };
}

/**
 * What the traced keystrokes spent their CPU on (see TracedKeystroke.parts): each part's median over all of them,
 * and the slowest few keystrokes whole, so what the p95 ones hold that the median ones do not can be read off.
 */
function partsSummary(keys: TracedKeystroke[]) {
  const names = [...new Set(keys.flatMap((key) => Object.keys(key.parts)))];
  const median = Object.fromEntries(
    names
      .map((name) => [name, summary(keys.map((key) => key.parts[name] ?? 0)).medianMs] as const)
      .filter(([, ms]) => ms > 0)
      .sort((a, b) => b[1] - a[1]),
  );
  const slowest = [...keys]
    .sort((a, b) => b.cpuMs - a.cpuMs)
    .slice(0, SLOWEST_SHOWN)
    .map((key) => ({ cpuMs: Math.round(key.cpuMs * 10) / 10, wallMs: Math.round(key.wallMs * 10) / 10, ...key.parts }));
  return { medianCpuMs: median, slowest };
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(at(1)) };
}

/** The renderer's own time per phase (Chromium's Performance domain), per keystroke. */
async function phaseMeter(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  return async () => {
    const before = await read();
    return async (keys: number) => {
      const after = await read();
      const ms = (name: string) => Math.round((((after[name] ?? 0) - (before[name] ?? 0)) * 1000 * 10) / keys) / 10;
      return {
        note: 'renderer main-thread time per keystroke, including the idle tone check and its render',
        layoutMs: ms('LayoutDuration'),
        styleMs: ms('RecalcStyleDuration'),
        scriptMs: ms('ScriptDuration'),
        taskMs: ms('TaskDuration'),
      };
    };
  };
}

const TYPED = 'en we laten het u vandaag weten ';

/** The keys typed under the trace: TRACED_KEYS of them, TYPED over and over. */
function tracedKeys(): string {
  return TYPED.repeat(Math.ceil(TRACED_KEYS / TYPED.length)).slice(0, TRACED_KEYS);
}

/**
 * Types `count` keys one at a time into an instrumented field, each waited for until painted: half at the
 * caret where it is, half at `middleAt` when given (the caret moved there once). `settled` waits for whatever
 * the page does after typing stops (the composer's tone check) before the phases are read.
 */
async function typeKeys(
  page: Page,
  field: Locator,
  count: number,
  middleAt: number | null,
  settled: (() => Promise<unknown>) | null,
  gapMs = 0,
) {
  const meter = await phaseMeter(page);
  // Whatever the fill before set going has painted by now; then count from zero.
  await page.waitForTimeout(500);
  const done = await meter();
  await page.evaluate(() => {
    const state = window as unknown as { benchKeys: Sample[]; benchSlow: unknown[]; benchLongTasks: number };
    state.benchKeys = [];
    state.benchSlow = [];
    state.benchLongTasks = 0;
    (window as unknown as { benchChecks: unknown[] }).benchChecks = [];
  });
  for (let i = 0; i < count; i += 1) {
    if (middleAt !== null && i === Math.floor(count / 2)) {
      // The caret to `middleAt`: a textarea's selection, or a point in the editable field's text nodes.
      await field.evaluate((element, at) => {
        if (element instanceof HTMLTextAreaElement) return element.setSelectionRange(at, at);
        let start = 0;
        for (const node of element.childNodes) {
          const length = (node.textContent ?? '').length;
          if (node instanceof Text && at <= start + length) return void getSelection()!.collapse(node, at - start);
          start += length;
        }
      }, middleAt);
    }
    const typedAt = performance.now();
    await page.keyboard.type(TYPED[i % TYPED.length]!);
    await page.waitForFunction((n) => (window as unknown as { benchKeys: unknown[] }).benchKeys.length >= n, i + 1);
    const left = gapMs - (performance.now() - typedAt);
    if (left > 0) await page.waitForTimeout(left);
  }
  await settled?.();
  const phases = await done(count);
  const result = await page.evaluate(() => {
    const state = window as unknown as {
      benchKeys: Sample[];
      benchSlow: { name: string; duration: number }[];
      benchLongTasks: number;
    };
    return { keys: state.benchKeys, slow: state.benchSlow, longTasks: state.benchLongTasks };
  });
  return { ...result, phases };
}

function keystroke(keys: Sample[]) {
  return {
    note: 'from the keydown: its script until React rendered, plus the rendering of the frame that paints it',
    work: summary(keys.map((key) => key.keyWorkMs)),
    script: summary(keys.map((key) => key.keyScriptMs)),
    toPaint: summary(keys.map((key) => key.keyToPaintMs)),
    overBudget: keys.filter((key) => key.keyWorkMs > BUDGET_MS).length,
  };
}

/**
 * The figures every run reports per keystroke: from the keydown (`keystroke`), and from the input event's creation
 * (`work`, `script`, `render`, `inputToPaint`).
 */
function keyFigures(keys: Sample[]) {
  return {
    keystroke: keystroke(keys),
    work: summary(keys.map((key) => key.workMs)),
    script: summary(keys.map((key) => key.scriptMs)),
    render: summary(keys.map((key) => key.renderMs)),
    inputToPaint: summary(keys.map((key) => key.inputToPaintMs)),
  };
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
    await instrument(page, COMPOSER);
    if (process.env.BENCH_KEY_CSS) await addStyleSheet(page, process.env.BENCH_KEY_CSS);
    const settled = () => replies.checked();
    const checks = () =>
      page.evaluate(() =>
        (window as unknown as { benchChecks: { delayMs: number }[] }).benchChecks.map((c) => c.delayMs),
      );

    // The same composer with a short reply first: what a keystroke costs here before the reply is long.
    await replies.field.fill('Beste Jan, ');
    await replies.field.press('End');
    const short = await typeKeys(page, replies.field, Math.min(40, keystrokes), null, settled);
    const shortChecks = await checks();
    const shortTraced = await traceKeystrokes(browser, page, tracedKeys());
    await settled();

    await replies.field.fill(longReply());
    await settled();
    const underlineRanges = (await replies.underlines('error')).length + (await replies.underlines('warning')).length;
    await replies.field.press('End');
    // BENCH_KEY_TRACE_FILE=path: the measured typing under a Chromium trace, written to that file (for DevTools).
    const traceFile = process.env.BENCH_KEY_TRACE_FILE;
    if (traceFile) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const measured = await typeKeys(page, replies.field, keystrokes, 1000, settled);
    if (process.env.BENCH_KEY_SAMPLES) writeFileSync(process.env.BENCH_KEY_SAMPLES, JSON.stringify(measured.keys));
    if (traceFile) writeFileSync(traceFile, await browser.stopTracing());
    const measuredChecks = await checks();
    // Once checked, the field underlines exactly what the tone check finds in the final text.
    const finalText = await replies.text();
    const lang = (await replies.composer.locator('select').first().inputValue()) as 'nl' | 'en';
    const rulesNow = (await host.call('replies.tone.get', {})).rules;
    // Runs of one severity that touch are underlined as one range (underlineStretches): joined here too.
    // (paintRuns covers the text run after run, so touching means following one another.) The text past the limit
    // (a `length` finding) is tinted in underlines of its own (`overflow-…`), the other findings underlined.
    const finalFindings = checkTone(finalText, rulesNow, { channel: 'x', lang, public: true });
    const stretches = (prefix: string, findings: typeof finalFindings) => {
      const runs = paintRuns(finalText, findings);
      const joined: string[] = [];
      runs.forEach((run, index) => {
        if (run.mark && runs[index - 1]?.mark === run.mark) joined[joined.length - 1] += run.text;
        else if (run.mark) joined.push(`${prefix}${run.mark}:${run.text}`);
      });
      return joined;
    };
    const expected = [
      ...stretches(
        'tone-',
        finalFindings.filter((finding) => finding.kind !== 'length'),
      ),
      ...stretches(
        'tone-overflow-',
        finalFindings.filter((finding) => finding.kind === 'length'),
      ),
    ];
    // Every underline's look and text (`tone-` + its class's look: error, warning, overflow-…).
    const painted = await replies.composer.evaluate((dialog) =>
      [...dialog.querySelectorAll<HTMLElement & { toneRange: Range }>('.findings-field__underline')]
        .filter((element) => element.childElementCount > 0)
        .map((element) => {
          const look = element.className.replace('findings-field__underline findings-field__underline--', '');
          return `tone-${look}:${element.toneRange.toString()}`;
        }),
    );
    // Compared as sorted lists: the same stretches with the same looks, whatever the order they were listed in.
    expected.sort();
    painted.sort();
    const length = finalText.length;
    await replies.field.press('End');
    const traced = await traceKeystrokes(browser, page, tracedKeys());

    // The same reply typed at a fast typist's pace (PACED_GAP_MS from key to key), not back to back: the
    // idle tone check and its frames then mostly run between keys, as they do for a person at the desk.
    await replies.field.fill(longReply());
    await settled();
    await replies.field.press('End');
    const paced = await typeKeys(page, replies.field, PACED_KEYS, 1000, settled, PACED_GAP_MS);

    const cssAB = process.env.BENCH_KEY_AB_CSS
      ? await typeCssAB(browser, page, replies, process.env.BENCH_KEY_AB_CSS)
      : undefined;

    // The floor: the same text and keystrokes in a plain textarea of the same size and font, on a page of its own.
    const floorPage = await openFloorPage(browser, page, longReply());
    await session.close();
    let floor: Record<string, unknown>;
    try {
      await instrument(floorPage.page, { field: 'textarea', underlined: false });
      await floorPage.field.press('End');
      const plain = await typeKeys(floorPage.page, floorPage.field, keystrokes, 1000, null);
      await floorPage.field.press('End');
      const plainTraced = await traceKeystrokes(browser, floorPage.page, tracedKeys());
      // No app script runs in the plain page: its `script` figure is left out.
      const { script: _noScript, ...plainFigures } = keyFigures(plain.keys);
      floor = {
        note: "the same keystrokes into a plain <textarea> (no React, no app code) of the composer field's size and font holding the same reply: what this machine and browser cost per keystroke before any of our code",
        field: { width: floorPage.width, height: floorPage.height },
        // The app's @font-face rules copied into the plain page (0: it lays the text out in a system font).
        webFontFaces: floorPage.fontFaces,
        replyLength: (await floorPage.field.inputValue()).length,
        keystrokes: plain.keys.length,
        traced: tracedSummary(plainTraced),
        ...plainFigures,
        rendererTime: plain.phases,
      };
    } finally {
      await floorPage.close();
    }

    const figures = keyFigures(measured.keys);
    const fromKeydown = figures.keystroke;
    const floorKeystroke = floor.keystroke as ReturnType<typeof keystroke>;
    const floorTraced = floor.traced as ReturnType<typeof tracedSummary>;
    const above = (ours: { medianMs: number; p95Ms: number }, plain: { medianMs: number; p95Ms: number }) => ({
      medianMs: Math.round((ours.medianMs - plain.medianMs) * 10) / 10,
      p95Ms: Math.round((ours.p95Ms - plain.p95Ms) * 10) / 10,
    });
    const tracedNow = tracedSummary(traced);
    return {
      budgetMs: BUDGET_MS,
      // Other work on the machine slows every figure here: the load average while the bench ran.
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
      cpus: cpus().length,
      emojiFonts: emojiFonts(),
      replyLength: length,
      rules: tone.rules.length,
      // The tone check's findings in the typed reply, and the underlines drawn in the filled one
      // (touching runs of one severity are one range).
      findings: finalFindings.length,
      underlineRanges,
      keystrokes: measured.keys.length,
      keystroke: fromKeydown,
      paced: {
        ...keystroke(paced.keys),
        note: `as keystroke above, with the keys ${PACED_GAP_MS} ms apart (a fast typist) instead of back to back`,
        keystrokes: paced.keys.length,
      },
      traced: tracedNow,
      aboveFloor: {
        note: 'what the composer adds per keystroke over the plain textarea (the floor below): ours minus floor, per statistic',
        keystrokeWork: above(fromKeydown.work, floorKeystroke.work),
        tracedCpu: above(tracedNow.cpu, floorTraced.cpu),
      },
      floor,
      work: figures.work,
      script: figures.script,
      render: figures.render,
      inputToPaint: figures.inputToPaint,
      overBudget: measured.keys.filter((key) => key.workMs > BUDGET_MS).length,
      rendererTime: measured.phases,
      underlinesInSync: measured.keys.every((key) => key.inSync),
      underlinesCorrectAfterCheck: JSON.stringify(painted) === JSON.stringify(expected),
      checkDelay: {
        note: 'from a keystroke until the page is next idle: the render that checks its text and shows the findings is done',
        checks: measuredChecks.length,
        ...summary(measuredChecks),
      },
      eventTiming: {
        note: 'input-to-next-paint of key and input events, as Chromium reports them (only entries of 16 ms and more)',
        entriesFrom16Ms: measured.slow.length,
        worst: summary(measured.slow.map((entry) => entry.duration).concat(0)).maxMs,
      },
      longTasks: measured.longTasks,
      shortReplyBaseline: {
        note: 'the same keystrokes in the same composer with a reply of a few dozen characters',
        keystrokes: short.keys.length,
        traced: tracedSummary(shortTraced),
        ...keyFigures(short.keys),
        checkDelay: summary(shortChecks),
        rendererTime: short.phases,
      },
      ...(cssAB && { cssAB }),
      withinBudget: fromKeydown.work.p95Ms <= BUDGET_MS,
    };
  } finally {
    await browser.close();
    await host.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchComposerKeystroke(), null, 2));
}
