/**
 * Code the first screen does not need (other pages, the chart library) is loaded ahead of use, but only once
 * the window has shown what it opened on: a large chunk parsed while the first page waits for its data would
 * delay that page's first rows (`npm run bench -- first-paint`). The page the window opened on says when
 * it has shown its content (`pageShown`); a page that never says so releases the queue after
 * `FALLBACK_MS`. Then each load runs in its own idle slot.
 */

const FALLBACK_MS = 4_000;

type Load = () => Promise<unknown>;

const waiting: Load[] = [];
let released = false;

function idle(callback: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(callback, { timeout: 5_000 });
  else setTimeout(callback, 50);
}

function next(): void {
  const load = waiting.shift();
  if (!load) return;
  idle(() => {
    void load()
      .catch(() => {})
      .finally(next);
  });
}

/** The first page has shown its content: chunks waiting for that start loading, one per idle slot. */
export function pageShown(): void {
  if (released) return;
  released = true;
  next();
}

/** Loads `load` in idle time once the first page has been shown (at once if it has). */
export function preloadLater(load: Load): void {
  waiting.push(load);
  if (released && waiting.length === 1) next();
}

if (typeof window !== 'undefined') setTimeout(pageShown, FALLBACK_MS);
