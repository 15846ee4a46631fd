import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetRange } from '../../renderer/src/features/trends/period';
import { TrendsPage } from './pages/TrendsPage';
import { launchChromium, openSession } from './support/browser';
import { expectClean } from './support/expect-clean';
import { startHost, type RunningHost } from './support/host';

// Screenshots for a person to look at (not compared pixel by pixel): .test-results/ is gitignored.
const OUT = path.resolve(process.cwd(), '.test-results/screenshots');
// CBS/PDOK municipality boundaries, read where they are (never copied into the repository).
const GEMEENTEN = path.resolve(process.cwd(), '../shared/reference/geo-nl/derived_gemeenten_2015.geojson');
const NO_FILTER = { topicId: [], channel: [], lang: [] };
const OPERATOR = 'Sanne de Vries';

let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  host = await startHost({ mentions: 6000 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** A whole number as the page writes it in Dutch ("1.234"), read back. */
const numberIn = (text: string | null) => Number((/[\d.]+/.exec(text ?? '')?.[0] ?? 'NaN').replace(/\./g, ''));

async function openTrends(page: Page): Promise<TrendsPage> {
  const trends = new TrendsPage(page);
  await trends.waitForPanels(6);
  return trends;
}

describe('the map, end to end', () => {
  it('imports CBS boundaries through the UI, colours Noord-Brabant and the Netherlands, and a municipality opens its mentions', async () => {
    const session = await openSession(browser, `${host.url}/#/trends`, { locale: 'nl-NL' });
    const { page } = session;
    try {
      const trends = await openTrends(page);
      await trends.choosePeriod('5 jaar');
      await trends.addPanel('Paneel toevoegen', 'Kaart');
      const map = trends.panel('Gemeenten in Noord-Brabant');

      // Before any boundaries: the panel says what is missing and offers the import.
      await expect.poll(() => map.getByText('Nog geen gemeentegrenzen').count(), { timeout: 20_000 }).toBe(1);
      await map.getByRole('button', { name: 'Grenzen importeren…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Gemeentegrenzen' });
      await dialog.getByText('Er zijn nog geen gemeentegrenzen geïmporteerd.').waitFor();

      // A file that is not boundaries is refused with what, where and why; nothing is replaced.
      await dialog.getByLabel('Bestand met gemeentegrenzen').setInputFiles({
        name: 'wijken.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from('{"type":"FeatureCollection","features":[]}'),
      });
      await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
      const refusal = dialog.getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.textContent()).toMatch(/^wijken\.geojson kon niet worden geïmporteerd: .+/);
      expect(await host.call('trends.boundariesInfo', {})).toBeNull();
      // The browser logs those two answers (the map unavailable, the file refused): expected, and nothing else.
      expect(session.consoleErrors.length).toBeGreaterThan(0);
      for (const message of session.consoleErrors) expect(message).toMatch(/status of (503|400) /);
      session.consoleErrors.length = 0;

      // The real file, with its source and licence.
      await dialog.getByLabel('Bestand met gemeentegrenzen').setInputFiles(GEMEENTEN);
      expect(await dialog.getByLabel('Bron').inputValue()).toBe('CBS Gebiedsindelingen via PDOK');
      await dialog.getByLabel('Licentie').fill('CC BY 4.0 (CBS), gebiedsindelingen 2015');
      await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
      await dialog.getByText(/^Klaar: de grenzen zijn geïmporteerd/).waitFor({ timeout: 60_000 });
      const info = await host.call('trends.boundariesInfo', {});
      expect(info).toMatchObject({
        municipalities: 393,
        brabant: 66,
        file: 'derived_gemeenten_2015.geojson',
        licence: 'CC BY 4.0 (CBS), gebiedsindelingen 2015',
      });
      expect(await dialog.getByRole('status').first().textContent()).toContain(
        'Nu: 393 gemeenten (66 in Noord-Brabant) uit derived_gemeenten_2015.geojson',
      );
      await page.screenshot({ path: path.join(OUT, 'trends-boundaries-imported.png') });
      await dialog.getByRole('button', { name: 'Sluiten' }).click();

      // Noord-Brabant, coloured by volume: what the engine placed, with the licence under the map.
      const range = presetRange('5y', Date.now(), null);
      const brabant = await host.call('trends.map', {
        ...range,
        granularity: 'day',
        region: 'brabant',
        filter: NO_FILTER,
      });
      expect(brabant.areas).toHaveLength(66);
      expect(brabant.placed, 'demo mentions placed in Brabant').toBeGreaterThan(0);
      await expect.poll(() => trends.mapAreas(map).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(66);
      await expect.poll(async () => (await trends.mapFills(map)).size).toBeGreaterThan(2);
      // The legend runs from no mentions to the busiest municipality.
      const busiest = Math.max(...brabant.areas.map((area) => area.count));
      await expect.poll(() => trends.chartTexts(map)).toContain(busiest.toLocaleString('nl-NL'));
      await expect
        .poll(() => map.locator('.trend-panel__caption').textContent())
        .toContain(`${brabant.placed.toLocaleString('nl-NL')} berichten op de kaart`);
      expect(await map.locator('.trend-panel__caption').textContent()).toContain(
        'Grenzen: CBS Gebiedsindelingen via PDOK (CC BY 4.0 (CBS), gebiedsindelingen 2015).',
      );
      await map.getByLabel('Gemeenten in Noord-Brabant indelen').click();
      await map.getByRole('button', { name: 'Volle breedte' }).click();
      await map.scrollIntoViewIfNeeded();
      await page.waitForTimeout(600);
      await map.screenshot({ path: path.join(OUT, 'trends-map-brabant.png') });

      // The Netherlands, coloured by net sentiment.
      await map.getByLabel('Gebied').selectOption({ label: 'Nederland' });
      const nl = trends.panel('Gemeenten in Nederland');
      await expect.poll(() => trends.mapAreas(nl).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(393);
      await nl.getByLabel('Kleur naar').selectOption({ label: 'Netto sentiment' });
      await trends.waitForPanels(7);
      // The legend runs from −1 to +1 now.
      await expect.poll(() => trends.chartTexts(nl)).toContain('+1,00');
      await page.waitForTimeout(600);
      await nl.screenshot({ path: path.join(OUT, 'trends-map-nl-net-sentiment.png') });

      // A municipality with mentions (coloured, unlike the most common "no data" fill) opens its mentions.
      const country = await host.call('trends.map', { ...range, granularity: 'day', region: 'nl', filter: NO_FILTER });
      const shapes = await trends.mapAreas(nl).evaluateAll((paths) =>
        paths.map((path, index) => {
          const box = path.getBoundingClientRect();
          return { index, fill: path.getAttribute('fill') ?? '', size: box.width * box.height };
        }),
      );
      const fillCounts = new Map<string, number>();
      for (const shape of shapes) fillCounts.set(shape.fill, (fillCounts.get(shape.fill) ?? 0) + 1);
      const noData = [...fillCounts].sort((a, b) => b[1] - a[1])[0]![0];
      const candidates = shapes.filter((shape) => shape.fill !== noData).sort((a, b) => b.size - a.size);
      let opened: { name: string; count: number } | null = null;
      for (const candidate of candidates.slice(0, 25)) {
        const box = await trends.mapAreas(nl).nth(candidate.index).boundingBox();
        if (!box) continue;
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        const title = await trends
          .drawer()
          .locator('.drill__title')
          .textContent({ timeout: 2_000 })
          .catch(() => null);
        const name = /^Berichten uit (.+)$/.exec(title ?? '')?.[1];
        const area = country.areas.find((other) => other.name === name);
        if (area && area.count > 0) {
          opened = { name: area.name, count: area.count };
          break;
        }
      }
      expect(opened, 'a coloured municipality opened its mentions').not.toBeNull();
      const drawer = trends.drawer();
      await expect.poll(async () => numberIn(await drawer.locator('.drill__count').textContent())).toBe(opened!.count);
      await expect.poll(() => drawer.locator('.drill__item').count()).toBe(Math.min(50, opened!.count));
      await page.screenshot({ path: path.join(OUT, 'trends-map-drill.png') });
      expectClean(session);
    } finally {
      await session.close();
    }
  });
});

describe('response KPIs', () => {
  it('shows the median first response, the share within target and replies per operator, as the engine counts them', async () => {
    // Replies to X mentions of the last days, sent by hand and confirmed, as the desk would.
    const range = presetRange('30d', Date.now(), null);
    const page = await host.call('mentions.list', {
      limit: 40,
      filter: { channel: ['x'], from: range.from, to: range.to },
    });
    let replied = 0;
    const outcomes: string[] = [];
    for (const mention of page.rows) {
      if (replied === 3) break;
      const sent = await host.call('replies.send', {
        mentionId: mention.id,
        text: 'Hallo, dank voor uw bericht. We kijken er vandaag nog naar en laten het u weten. ^Sanne',
        lang: 'nl',
        operator: OPERATOR,
      });
      outcomes.push(`${mention.id}: ${sent.outcome} ${sent.findings.map((finding) => finding.messageKey).join('; ')}`);
      if (sent.outcome !== 'manual') continue;
      await host.call('replies.markSent', { id: sent.reply.id, operator: OPERATOR });
      replied += 1;
    }
    expect(replied, `X mentions answered by hand (${page.rows.length} tried: ${outcomes.join(' | ')})`).toBe(3);
    const expected = await host.call('trends.responses', {
      ...range,
      granularity: 'day',
      targetMinutes: 60,
      filter: NO_FILTER,
    });
    expect(expected.kpis.replied).toBeGreaterThanOrEqual(3);

    const session = await openSession(browser, `${host.url}/#/trends`, { locale: 'nl-NL' });
    try {
      const trends = await openTrends(session.page);
      await trends.addPanel('Paneel toevoegen', 'Reactietijden');
      const panel = trends.panel('Reactietijden');
      await trends.waitForPanels(7);
      await panel.scrollIntoViewIfNeeded();
      const figure = (label: string | RegExp) =>
        panel
          .locator('.kpi')
          .filter({ has: session.page.getByText(label, { exact: true }) })
          .locator('.kpi__value');
      expect(numberIn(await figure('Beantwoord').textContent())).toBe(expected.kpis.replied);
      expect(await figure('Mediaan eerste reactie').textContent()).toMatch(/\d+ (min|u \d+ min|d \d+ u)$/);
      const share = expected.kpis.withinTarget!;
      expect(await figure(/^Binnen 1 u 0 min beantwoord$/).textContent()).toBe(
        new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 }).format(share),
      );
      const sanne = panel.locator('.operator-bars__row').filter({ hasText: OPERATOR });
      const perOperator = expected.perOperator.find((row) => row.operator === OPERATOR)!;
      expect(numberIn(await sanne.locator('.numeric').textContent())).toBe(perOperator.replies);
      await panel.locator('.trend-chart svg').waitFor();
      await session.page.waitForTimeout(400);
      await panel.screenshot({ path: path.join(OUT, 'trends-responses.png') });
      expectClean(session);
    } finally {
      await session.close();
    }
  });
});

describe('signals, annotations and dashboards', () => {
  it('imports a signal CSV (showing the rejected line), overlays it and shows the correlation', async () => {
    const range = presetRange('30d', Date.now(), null);
    const volume = await host.call('trends.volume', {
      ...range,
      granularity: 'day',
      stackBy: 'none',
      filter: NO_FILTER,
    });
    // Twice the daily volume plus three: a perfect correlation the page must show as +1,00.
    const lines = volume.buckets.map((bucket, index) => {
      const day = new Date(Date.parse(bucket.start) + 12 * 3_600_000).toLocaleDateString('sv-SE', {
        timeZone: 'Europe/Amsterdam',
      });
      return `${day};${String(volume.total[index]! * 2 + 3).replace('.', ',')}`;
    });
    const csv = ['datum;bezoekers', lines[0], 'gisteren;veel', ...lines.slice(1)].join('\n');

    const session = await openSession(browser, `${host.url}/#/trends`, { locale: 'nl-NL' });
    const { page } = session;
    try {
      const trends = await openTrends(page);
      await page.getByRole('button', { name: 'Externe signalen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Externe signalen' });
      await dialog.getByLabel('CSV-bestand').setInputFiles({
        name: 'bezoekers.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await dialog.getByLabel('Naam').fill('Bezoekers');
      await dialog.getByLabel('Eenheid (optioneel)').fill('pers.');
      await dialog.getByRole('button', { name: 'Importeren' }).click();
      const outcome = dialog.getByRole('status');
      await outcome.waitFor();
      expect(await outcome.textContent()).toContain(`Bezoekers geïmporteerd: ${lines.length} punten.`);
      expect(await outcome.locator('li').allTextContents()).toEqual([expect.stringMatching(/^Regel 3: .+/)]);
      await page.screenshot({ path: path.join(OUT, 'trends-signal-import.png') });
      await dialog.getByRole('button', { name: 'Sluiten' }).click();

      const panel = trends.panel('Volume');
      await panel.getByLabel('Extern signaal').selectOption({ label: 'Bezoekers' });
      await trends.waitForPanels(6);
      const caption = panel.locator('.trend-panel__caption');
      await expect
        .poll(() => caption.textContent())
        .toMatch(/^Correlatie met Bezoekers: r = \+1,00 \(over \d+ punten\)\.$/);
      const signals = await host.call('trends.signals', {});
      const overlaid = await host.call('trends.volume', {
        ...range,
        granularity: 'day',
        stackBy: 'channel',
        signalId: signals.find((signal) => signal.name === 'Bezoekers')!.id,
        filter: NO_FILTER,
      });
      expect(overlaid.signal?.correlation).toBeCloseTo(1, 6);
      expect(await caption.textContent()).toContain(`over ${overlaid.signal!.pairs} punten`);
      await expect.poll(() => trends.chartTexts(panel)).toContain('Bezoekers');
      await page.waitForTimeout(400);
      await panel.screenshot({ path: path.join(OUT, 'trends-signal-overlay.png') });
      expectClean(session);
    } finally {
      await session.close();
    }
  });

  it('adds an annotation that every time panel shows, and removes it again', async () => {
    const session = await openSession(browser, `${host.url}/#/trends`, { locale: 'nl-NL' });
    const { page } = session;
    try {
      const trends = await openTrends(page);
      const bar = page.getByRole('group', { name: 'Notities op de tijdlijn' });
      await bar.getByRole('button', { name: 'Notitie' }).click();
      const day = new Date(Date.now() - 10 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
      await bar.getByLabel('Datum').fill(day);
      await bar.getByLabel('Wat gebeurde er').fill('Campagne gestart');
      await bar.getByRole('button', { name: 'Toevoegen' }).click();
      await bar.getByRole('listitem').filter({ hasText: 'Campagne gestart' }).waitFor();
      await trends.waitForPanels(6);
      for (const title of ['Volume', 'Netto sentiment'])
        await expect.poll(() => trends.chartTexts(trends.panel(title))).toContain('Campagne gestart');
      const stored = await host.call('trends.annotations', {});
      expect(stored.map((annotation) => [annotation.label, annotation.operator])).toContainEqual([
        'Campagne gestart',
        'operator',
      ]);
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(OUT, 'trends-annotation.png') });

      await bar.getByRole('button', { name: 'Notitie ‘Campagne gestart’ verwijderen' }).click();
      await expect.poll(() => bar.getByRole('listitem').filter({ hasText: 'Campagne gestart' }).count()).toBe(0);
      await trends.waitForPanels(6);
      for (const title of ['Volume', 'Netto sentiment'])
        await expect.poll(() => trends.chartTexts(trends.panel(title))).not.toContain('Campagne gestart');
      expect(await host.call('trends.annotations', {})).toEqual([]);
      expectClean(session);
    } finally {
      await session.close();
    }
  });

  it('saves named dashboards and opens them again, also after a reload', async () => {
    const session = await openSession(browser, `${host.url}/#/trends`, { locale: 'nl-NL' });
    const { page } = session;
    try {
      const trends = await openTrends(page);
      const titles = () => page.locator('.trend-panel .trend-panel__title').allTextContents();
      const first = await titles();
      expect(first).toContain('Uur van de week');

      await page.getByRole('button', { name: 'Opslaan als…' }).click();
      await page.locator('.dashboard-bar').getByLabel('Naam').fill('Wijkteam');
      await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
      const picker = page.getByLabel('Dashboard', { exact: true });
      await expect.poll(() => picker.inputValue()).toBe('Wijkteam');

      // A second arrangement: the heatmap out, the response times in, a longer period.
      const heatmap = trends.panel('Uur van de week');
      await heatmap.getByLabel('Uur van de week indelen').click();
      await heatmap.getByRole('button', { name: 'Van dashboard halen' }).click();
      await trends.addPanel('Paneel toevoegen', 'Reactietijden');
      await trends.choosePeriod('Jaar');
      await page.getByRole('button', { name: 'Opslaan als…' }).click();
      await page.locator('.dashboard-bar').getByLabel('Naam').fill('Reacties');
      await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
      await expect.poll(() => picker.inputValue()).toBe('Reacties');
      const second = await titles();
      expect(second).not.toContain('Uur van de week');
      expect(second).toContain('Reactietijden');

      await picker.selectOption('Wijkteam');
      await expect.poll(titles).toEqual(first);
      expect(await page.getByRole('radio', { name: '30 dagen', exact: true }).isChecked()).toBe(true);

      // Both are kept in this profile: after a reload the last one opened is on screen.
      await page.reload();
      await trends.waitForPanels(6);
      expect(await picker.inputValue()).toBe('Wijkteam');
      expect(await picker.locator('option').allTextContents()).toEqual(
        expect.arrayContaining(['Wijkteam', 'Reacties']),
      );
      await picker.selectOption('Reacties');
      await expect.poll(titles).toEqual(second);
      expect(await page.getByRole('radio', { name: 'Jaar', exact: true }).isChecked()).toBe(true);
      expectClean(session);
    } finally {
      await session.close();
    }
  });

  it('closes menus and pop-ups on a press outside them and on Escape', async () => {
    const session = await openSession(browser, `${host.url}/#/trends`, { locale: 'nl-NL' });
    const { page } = session;
    try {
      const trends = await openTrends(page);
      const volume = trends.panel('Volume');
      const exportMenu = volume.locator('details.menu').first();
      const isOpen = (details: typeof exportMenu) =>
        details.evaluate((element) => (element as HTMLDetailsElement).open);

      // A press outside closes it.
      await volume.getByLabel('Volume exporteren').click();
      await expect.poll(() => isOpen(exportMenu)).toBe(true);
      await volume.getByRole('button', { name: 'Als PNG' }).waitFor();
      await page.locator('.page-header__title').click();
      await expect.poll(() => isOpen(exportMenu)).toBe(false);

      // Escape closes it and gives focus back to the button that opened it.
      await volume.getByLabel('Volume exporteren').click();
      await expect.poll(() => isOpen(exportMenu)).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => isOpen(exportMenu)).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Volume exporteren');

      // Opening another menu closes the first.
      await volume.getByLabel('Volume exporteren').click();
      await volume.getByLabel('Volume indelen').click();
      await expect.poll(() => isOpen(exportMenu)).toBe(false);
      await expect.poll(() => isOpen(volume.locator('details.menu').nth(1))).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => isOpen(volume.locator('details.menu').nth(1))).toBe(false);

      // The filters' pop-ups too.
      const channel = page.locator('details.multi-select').filter({ hasText: 'Kanaal' });
      await channel.locator('summary').click();
      await expect.poll(() => isOpen(channel)).toBe(true);
      await page.locator('.trends-grid').click({ position: { x: 5, y: 5 } });
      await expect.poll(() => isOpen(channel)).toBe(false);
      await channel.locator('summary').click();
      await expect.poll(() => isOpen(channel)).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => isOpen(channel)).toBe(false);

      // The drill list beside the dashboard closes on Escape.
      const terms = trends.panel('Stijgende en dalende termen');
      await terms.locator('.term-list__term').first().click();
      await trends.drawer().waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => trends.drawer().count()).toBe(0);
      expectClean(session);
    } finally {
      await session.close();
    }
  });
});
