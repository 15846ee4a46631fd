import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium, openSession } from '../tests/e2e/support/browser';
import { startHost } from '../tests/e2e/support/host';

/**
 * DESIGN §8 / issue #7: the Trends page with six panels renders in the browser within 1 s of navigation.
 * Measured against the built app (`npx electron-vite build` first) served by `watchpost serve` on a demo
 * workspace, in Chromium: from the navigation (a cold load of `#/trends`, or a click on Trends in the
 * menu with the inbox open) until all six panels show their charts and none is still loading.
 */

const PANELS = 6;

/** Resolves in the page, on the animation frame where all six panels are drawn: ms since `since`. */
function renderedAfter(page: Page, since: 'navigation' | 'click'): Promise<number> {
  return page
    .waitForFunction(
      ([panels, from]) => {
        const all = [...document.querySelectorAll('.trend-panel')];
        const drawn = all.filter(
          (panel) =>
            panel.getAttribute('aria-busy') === 'false' &&
            panel.querySelector('.trend-chart svg, .term-lists, .state-message') !== null,
        );
        if (all.length < panels || drawn.length < all.length) return false;
        const start = from === 'click' ? (window as unknown as { benchClickAt: number }).benchClickAt : 0;
        return performance.now() - start;
      },
      [PANELS, since] as const,
      { polling: 'raf', timeout: 60_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { runs: values.length, medianMs: Math.round(at(0.5)), p95Ms: Math.round(at(0.95)), maxMs: Math.round(at(1)) };
}

export async function benchTrendsPage(): Promise<Record<string, unknown>> {
  const mentions = Number(process.env.BENCH_TRENDS_MENTIONS ?? 100_000);
  const runs = Number(process.env.BENCH_TRENDS_RUNS ?? 5);
  const host = await startHost({ mentions, timeoutMs: 600_000 });
  const browser = await launchChromium();
  try {
    const cold: number[] = [];
    const fromInbox: number[] = [];
    const fiveYears: number[] = [];
    for (let run = 0; run < runs; run++) {
      // Cold: a fresh browser profile loads the app straight on the trends page.
      const session = await openSession(browser, `${host.url}/#/trends`);
      cold.push(await renderedAfter(session.page, 'navigation'));

      // Switching the period to five years: the rollups answer as fast as for a month.
      await session.page.evaluate(() => {
        (window as unknown as { benchClickAt: number }).benchClickAt = performance.now();
        document.querySelector<HTMLInputElement>('input[name="trends-period"][value="5y"]')!.click();
      });
      await session.page.waitForFunction(
        () => document.querySelector('.trend-panel[aria-busy="true"]') !== null,
        null,
        {
          polling: 'raf',
        },
      );
      fiveYears.push(await renderedAfter(session.page, 'click'));

      await session.close();

      // In the app: the inbox is open (echarts not loaded yet), then Trends in the menu.
      const desk = await openSession(browser, `${host.url}/#/inbox`);
      await desk.page.waitForLoadState('networkidle');
      await desk.page.evaluate(() => {
        (window as unknown as { benchClickAt: number }).benchClickAt = performance.now();
        document.querySelector<HTMLAnchorElement>('nav a[href="#/trends"]')!.click();
      });
      fromInbox.push(await renderedAfter(desk.page, 'click'));
      await desk.close();
    }
    return {
      mentions,
      panels: PANELS,
      budgetMs: 1000,
      coldLoad: summary(cold),
      fromInbox: summary(fromInbox),
      switchToFiveYears: summary(fiveYears),
    };
  } finally {
    await browser.close();
    await host.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchTrendsPage(), null, 2));
}
