import type { Browser, Page } from 'playwright-core';

/**
 * Per keystroke, the renderer main thread's own work from the keydown until the frame that paints it, read
 * from a Chromium trace: every task from the one that handles the keydown (its listeners, the insertion of the
 * character, the input event and React's render) through the first frame after it that paints (style,
 * layout, paint, layerize, commit), and whatever ran between them. Idle time (waiting for the display's next
 * frame) is not work and not counted. Both the tasks' wall time and their thread (CPU) time are given: on a
 * loaded machine the wall time holds the time the thread waited for a core, the CPU time does not.
 */

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'blink',
  'cc',
];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tts?: number;
  tdur?: number;
  args?: { name?: string; data?: { type?: string } };
}

interface Slice {
  name: string;
  start: number;
  end: number;
  cpu: number;
  type: string | undefined;
  children: Slice[];
}

export interface TracedKeystroke {
  /** The main thread's busy time, ms: keydown task to the end of its painted frame, without idle gaps. */
  wallMs: number;
  /** The same as thread (CPU) time. */
  cpuMs: number;
  /** Of which the frame (BeginMainFrame: style, layout, paint, layerize, commit), CPU ms. */
  frameCpuMs: number;
  /** Of which Paint within that frame, CPU ms. */
  paintCpuMs: number;
  /**
   * The CPU ms by what it was spent on (each slice's own time, outside its children, under its nearest labelled
   * ancestor: `event:keydown`, `event:input`, `gc`, `timer`, `idle`, `rAF`, `style`, `layout`, `paint`, `layerize`,
   * `commit`…; unlabelled work by its trace name), to tell what a slow keystroke holds that a quick one does not.
   */
  parts: Record<string, number>;
}

/** What a trace slice's own time is counted as (see TracedKeystroke.parts); null: as its parent's. */
function labelOf(slice: Slice): string | null {
  if (slice.name === 'EventDispatch') return `event:${slice.type ?? '?'}`;
  if (/GC|Scavenge/.test(slice.name)) return 'gc';
  const fixed: Record<string, string> = {
    TimerFire: 'timer',
    FireIdleCallback: 'idle',
    FireAnimationFrame: 'rAF',
    UpdateLayoutTree: 'style',
    ScheduleStyleRecalculation: 'style',
    Layout: 'layout',
    PrePaint: 'prepaint',
    Paint: 'paint',
    PaintImage: 'paint',
    Layerize: 'layerize',
    'LocalFrameView::RunPaintLifecyclePhase': 'paint',
    Commit: 'commit',
    'ProxyMain::BeginMainFrame::commit': 'commit',
    UpdateLayer: 'layerize',
    'cc::LayerTreeHost::DoUpdateLayers': 'layerize',
    ParseHTML: 'parse',
    HitTest: 'hittest',
  };
  return fixed[slice.name] ?? null;
}

function addParts(slice: Slice, inherited: string, parts: Record<string, number>): void {
  const label = labelOf(slice) ?? inherited;
  const own = slice.cpu - slice.children.reduce((sum, child) => sum + child.cpu, 0);
  parts[label] = (parts[label] ?? 0) + Math.max(0, own);
  for (const child of slice.children) addParts(child, label, parts);
}

/** Types `keys` (one character each, waiting for each to be painted) while Chromium traces the page. */
export async function traceKeystrokes(browser: Browser, page: Page, keys: string): Promise<TracedKeystroke[]> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  for (const key of keys) {
    await page.keyboard.type(key);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  }
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  return keystrokesOf(trace.traceEvents);
}

function keystrokesOf(events: TraceEvent[]): TracedKeystroke[] {
  // The page's main thread: the CrRendererMain with the most events (other renderers are idle pages).
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const counts = new Map<string, number>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (names.get(thread) === 'CrRendererMain') counts.set(thread, (counts.get(thread) ?? 0) + 1);
  }
  const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) throw new Error('keystroke trace: no renderer main thread in the trace');

  const slices: Slice[] = [];
  const open: TraceEvent[] = [];
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== main) continue;
    const slice = (from: TraceEvent, end: number, cpu: number): Slice => ({
      name: from.name,
      start: from.ts,
      end,
      cpu,
      type: from.args?.data?.type,
      children: [],
    });
    if (e.ph === 'X') slices.push(slice(e, e.ts + (e.dur ?? 0), (e.tdur ?? 0) / 1000));
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const from = open.pop();
      if (from) slices.push(slice(from, e.ts, ((e.tts ?? 0) - (from.tts ?? 0)) / 1000));
    }
  }
  slices.sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Slice[] = [];
  const stack: Slice[] = [];
  for (const slice of slices) {
    while (stack.length && stack[stack.length - 1]!.end <= slice.start) stack.pop();
    if (stack.length) stack[stack.length - 1]!.children.push(slice);
    else roots.push(slice);
    stack.push(slice);
  }
  const has = (slice: Slice, test: (s: Slice) => boolean): boolean =>
    test(slice) || slice.children.some((c) => has(c, test));
  const cpuOf = (slice: Slice, name: string): number =>
    slice.name === name ? slice.cpu : slice.children.reduce((sum, c) => sum + cpuOf(c, name), 0);
  const isKeydown = (s: Slice) => s.name === 'EventDispatch' && s.type === 'keydown';
  const isFrame = (s: Slice) => s.name === 'ProxyMain::BeginMainFrame' && has(s, (c) => c.name === 'Paint');

  const starts = roots.flatMap((root, index) => (has(root, isKeydown) ? [index] : []));
  const keystrokes: TracedKeystroke[] = [];
  for (const [n, first] of starts.entries()) {
    const next = starts[n + 1] ?? roots.length;
    let wall = 0;
    let cpu = 0;
    const parts: Record<string, number> = {};
    for (let i = first; i < next; i += 1) {
      const root = roots[i]!;
      wall += (root.end - root.start) / 1000;
      cpu += root.cpu;
      addParts(root, labelOf(root) ?? root.name, parts);
      const frame = has(root, isFrame) ? root : null;
      if (frame) {
        keystrokes.push({
          wallMs: wall,
          cpuMs: cpu,
          frameCpuMs: cpuOf(frame, 'ProxyMain::BeginMainFrame'),
          paintCpuMs: cpuOf(frame, 'Paint'),
          parts: Object.fromEntries(
            Object.entries(parts)
              .filter(([, ms]) => ms >= 0.05)
              .sort((a, b) => b[1] - a[1])
              .map(([name, ms]) => [name, Math.round(ms * 10) / 10]),
          ),
        });
        break;
      }
    }
  }
  if (keystrokes.length === 0) throw new Error('keystroke trace: no keydown followed by a painted frame');
  return keystrokes;
}
