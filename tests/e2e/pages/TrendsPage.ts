import type { Download, Locator, Page } from 'playwright-core';

/** The trends page: period, comparison and filters on top, a grid of panels (regions named by their title). */
export class TrendsPage {
  constructor(readonly page: Page) {}

  /** A panel by its title, e.g. 'Volume' (each panel is a `section` named by its heading). */
  panel(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** Picks a period preset by its label ('5 jaar', '5 years'). */
  async choosePeriod(label: string): Promise<void> {
    await this.page.getByRole('radio', { name: label, exact: true }).check({ force: true });
  }

  async compareWith(selectLabel: string, option: string): Promise<void> {
    await this.page.getByLabel(selectLabel, { exact: true }).selectOption({ label: option });
  }

  /** Waits until every panel on the page has its data (none is busy). */
  async waitForPanels(count: number): Promise<void> {
    await this.page.waitForFunction(
      (expected) =>
        document.querySelectorAll('.trend-panel').length >= expected &&
        document.querySelectorAll('.trend-panel[aria-busy="true"]').length === 0,
      count,
      { timeout: 30_000 },
    );
  }

  /** The text drawn in a panel's chart (the SVG renderer keeps every label in the DOM). */
  chartTexts(panel: Locator): Promise<string[]> {
    return panel.locator('.trend-chart svg text').allTextContents();
  }

  /**
   * Clicks the peak mark (a pin with the count on it) in a panel's chart. Y-axis labels can read the same
   * number, so the mark is the rightmost text with that content that is not in the axis column.
   */
  async clickPeakMark(panel: Locator, label: string): Promise<void> {
    const texts = panel.locator('.trend-chart svg text').filter({ hasText: new RegExp(`^${label}$`) });
    const boxes = await Promise.all((await texts.all()).map(async (text) => ({ text, box: await text.boundingBox() })));
    const chart = await panel.locator('.trend-chart').boundingBox();
    const marks = boxes.filter(({ box }) => box && chart && box.x > chart.x + 60);
    const mark = marks.sort((a, b) => a.box!.y - b.box!.y)[0];
    if (!mark) throw new Error(`no peak mark reading ${label} in the chart`);
    await this.page.mouse.click(mark.box!.x + mark.box!.width / 2, mark.box!.y + mark.box!.height / 2);
  }

  /** Adds a panel to the dashboard on screen through "Paneel toevoegen" / "Add panel". */
  async addPanel(addLabel: string, kind: string): Promise<void> {
    await this.page.getByLabel(addLabel, { exact: true }).selectOption({ label: kind });
  }

  /** The municipality shapes of a map panel (the SVG renderer draws each as a path). */
  mapAreas(panel: Locator): Locator {
    return panel.locator('.trend-chart svg path[fill]');
  }

  /** The distinct fill colours of a map's municipalities: more than one means the map is coloured by its data. */
  async mapFills(panel: Locator): Promise<Set<string>> {
    const fills = await this.mapAreas(panel).evaluateAll((paths) =>
      paths.map((path) => path.getAttribute('fill') ?? ''),
    );
    return new Set(fills);
  }

  /** The drill list beside the dashboard (the mentions behind a term, municipality or heatmap cell). */
  drawer(): Locator {
    return this.page.locator('aside.drill');
  }

  /** Opens a panel's export menu and downloads one of its files. */
  async export(panel: Locator, exportLabel: RegExp, item: string): Promise<Download> {
    await panel.getByLabel(exportLabel).click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      panel.getByRole('button', { name: item, exact: true }).click(),
    ]);
    return download;
  }
}
