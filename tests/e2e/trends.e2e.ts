import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentWindows } from '../../electron/engine/demo/incidents';
import { peakIndexes } from '../../renderer/src/features/trends/peaks';
import { displayGranularity, presetRange } from '../../renderer/src/features/trends/period';
import { InboxPage } from './pages/InboxPage';
import { TrendsPage } from './pages/TrendsPage';
import { launchChromium, openSession } from './support/browser';
import { expectClean } from './support/expect-clean';
import { startHost, type RunningHost } from './support/host';

// Screenshots for a person to look at (not compared pixel by pixel): .test-results/ is gitignored.
const OUT = path.resolve(process.cwd(), '.test-results/screenshots');
const NO_FILTER = { topicId: [], channel: [], lang: [] };

let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  // Enough mentions that a one-day incident stands out from an ordinary day.
  host = await startHost({ mentions: 12_000 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('trends on the demo workspace', () => {
  it('shows five years with the injected incidents as peaks, compares with last year, and a peak opens its mentions in the inbox', async () => {
    const session = await openSession(browser, `${host.url}/#/trends`, { locale: 'nl-NL' });
    try {
      const trends = new TrendsPage(session.page);
      await trends.waitForPanels(6);
      await trends.choosePeriod('5 jaar');
      await trends.waitForPanels(6);

      // What the engine counts for the same five years, day by day.
      const range = presetRange('5y', Date.now(), null);
      const granularity = displayGranularity(range, 'auto');
      expect(granularity).toBe('day');
      const volume = await host.call('trends.volume', { ...range, granularity, stackBy: 'channel', filter: NO_FILTER });
      const peaks = peakIndexes(volume.total, 3);
      expect(peaks.length, 'the demo incidents stand out as peaks').toBeGreaterThan(0);

      // The page marks three peaks, at least a month apart: injected incidents and the seasonal peaks the demo holds
      // too (carnaval, King's Day). Which of them make the three differs with the date the demo ends on (the two most
      // recent incidents are 24 days apart, so one peak at most; simulated over ten end dates, 2 of 3 peaks were
      // incidents on seven and 1 on three); an incident is always among them.
      const windows = incidentWindows(Date.now(), 3);
      const isIncident = (index: number) => {
        const bucket = volume.buckets[index]!;
        return windows.some((window) => window.start < Date.parse(bucket.end) && window.end > Date.parse(bucket.start));
      };
      const incidentPeaks = peaks.filter(isIncident);
      expect(incidentPeaks.length, 'incidents marked as peaks').toBeGreaterThanOrEqual(1);

      // The page marks the same peaks: one pin per peak, with its count, and a link per peak above the chart.
      const panel = trends.panel('Volume');
      const highest = incidentPeaks[0]!;
      const count = volume.total[highest]!;
      await expect.poll(() => trends.chartTexts(panel)).toContain(String(count));
      await expect.poll(() => panel.getByRole('button', { name: /berichten?\)$/ }).count()).toBe(peaks.length);
      await session.page.screenshot({ path: path.join(OUT, 'trends-5y.png') });

      // Compared with the same period a year earlier: a dashed series named so in the legend.
      await trends.compareWith('Vergelijken met', 'Zelfde periode vorig jaar');
      await trends.waitForPanels(6);
      await expect.poll(() => trends.chartTexts(panel)).toContain('Vorig jaar');
      const compared = await host.call('trends.volume', {
        ...range,
        granularity,
        compare: 'lastYear',
        stackBy: 'channel',
        filter: NO_FILTER,
      });
      expect(compared.compare?.from.slice(0, 4)).toBe(String(Number(range.from.slice(0, 4)) - 1));
      expect(compared.total).toEqual(volume.total);
      await session.page.screenshot({ path: path.join(OUT, 'trends-5y-last-year.png') });

      // Clicking the highest incident peak opens the inbox on exactly the mentions of that day.
      await trends.clickPeakMark(panel, String(count));
      await session.page.waitForURL(/#\/inbox\?filter=/);
      const filter = JSON.parse(decodeURIComponent(new URL(session.page.url()).hash.split('filter=')[1]!)) as {
        from: string;
        to: string;
      };
      expect(filter.from).toBe(volume.buckets[highest]!.start);
      expect(filter.to).toBe(volume.buckets[highest]!.end);
      const inbox = new InboxPage(session.page);
      await inbox.waitForRow(0);
      await expect.poll(() => inbox.rowCount()).toBe(count);
      await session.page.screenshot({ path: path.join(OUT, 'trends-peak-in-inbox.png') });
      expectClean(session);
    } finally {
      await session.close();
    }
  });

  it("exports a panel's data as CSV that matches what the engine counts", async () => {
    const session = await openSession(browser, `${host.url}/#/trends`, { locale: 'nl-NL' });
    try {
      const trends = new TrendsPage(session.page);
      await trends.waitForPanels(6);
      const panel = trends.panel('Volume');
      const download = await trends.export(panel, /^Volume exporteren$/, 'Gegevens als CSV');
      expect(download.suggestedFilename()).toMatch(/^watchpost-volume-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
      const file = path.join(OUT, download.suggestedFilename());
      await download.saveAs(file);
      const lines = readFileSync(file, 'utf8')
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      const header = lines[0]!.split(',');
      expect(header.slice(0, 2)).toEqual(['bucket_start', 'bucket_end']);
      expect(header).toContain('total');

      const range = presetRange('30d', Date.now(), null);
      const volume = await host.call('trends.volume', {
        ...range,
        granularity: 'day',
        stackBy: 'channel',
        filter: NO_FILTER,
      });
      expect(lines.length - 1).toBe(volume.buckets.length);
      const totalColumn = header.indexOf('total');
      const csvTotals = lines.slice(1).map((line) => Number(line.split(',')[totalColumn]));
      expect(csvTotals).toEqual(volume.total);

      // The chart exports too: a PNG and a standalone SVG.
      const png = await trends.export(panel, /^Volume exporteren$/, 'Als PNG');
      const pngFile = path.join(OUT, png.suggestedFilename());
      await png.saveAs(pngFile);
      expect(readFileSync(pngFile).subarray(1, 4).toString()).toBe('PNG');
      const svg = await trends.export(panel, /^Volume exporteren$/, 'Als SVG');
      const svgFile = path.join(OUT, svg.suggestedFilename());
      await svg.saveAs(svgFile);
      expect(readFileSync(svgFile, 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(statSync(svgFile).size).toBeGreaterThan(5_000);
      expectClean(session);
    } finally {
      await session.close();
    }
  });
});

const VARIANTS = [
  { language: 'nl', locale: 'nl-NL', theme: 'light', title: 'Volume' },
  { language: 'nl', locale: 'nl-NL', theme: 'dark', title: 'Volume' },
  { language: 'en', locale: 'en-GB', theme: 'light', title: 'Volume' },
  { language: 'en', locale: 'en-GB', theme: 'dark', title: 'Volume' },
] as const;

describe('screenshots of the trends page', () => {
  for (const variant of VARIANTS) {
    it(`${variant.language} + ${variant.theme}`, async () => {
      const session = await openSession(browser, `${host.url}/#/trends`, {
        locale: variant.locale,
        colorScheme: variant.theme,
      });
      try {
        const trends = new TrendsPage(session.page);
        await trends.waitForPanels(6);
        await trends.panel(variant.title).locator('.trend-chart svg').waitFor();
        // Let the entry animation finish before the picture.
        await session.page.waitForTimeout(1200);
        const file = path.join(OUT, `trends-${variant.language}-${variant.theme}.png`);
        await session.page.screenshot({ path: file });
        expect(statSync(file).size).toBeGreaterThan(40_000);
        expectClean(session);
      } finally {
        await session.close();
      }
    });
  }
});
