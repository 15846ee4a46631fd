import type { Locator, Page } from 'playwright-core';

/** The inbox's columns; the operator may hide and reorder them, so cells are found by their column. */
export type Column =
  'select' | 'time' | 'channel' | 'author' | 'text' | 'sentiment' | 'topics' | 'status' | 'assignee' | 'priority';

/** The inbox: a virtualised grid (rows carry aria-rowindex, the current row aria-selected) and a detail pane. */
export class InboxPage {
  constructor(
    readonly page: Page,
    readonly names = { table: /^(Berichten|Mentions)/, detail: /^(Berichtdetails|Mention details)$/ },
  ) {}

  get table(): Locator {
    return this.page.getByRole('grid', { name: this.names.table });
  }

  get detail(): Locator {
    return this.page.getByRole('complementary', { name: this.names.detail });
  }

  /** The row showing the mention at `index` (0 = newest); the header row is aria-rowindex 1. */
  row(index: number): Locator {
    return this.table.locator(`[role="row"][aria-rowindex="${index + 2}"]`);
  }

  cell(index: number, column: Column): Locator {
    return this.row(index).locator(`[role="gridcell"][data-column="${column}"]`);
  }

  /** The current row (j/k), exposed as aria-selected. */
  get selectedRow(): Locator {
    return this.table.locator('[role="row"][aria-selected="true"]');
  }

  /**
   * The grid while it shows the current list. Rows of the previous list stay on screen, dimmed, until the new
   * list's first page is there: meanwhile the grid is `aria-busy` and its rows take no clicks.
   */
  get currentTable(): Locator {
    return this.table.and(this.page.locator('[role="grid"]:not([aria-busy="true"])'));
  }

  /** The row of the current list that shows `text` (a row still loading is `aria-busy` itself). */
  rowWithText(text: string): Locator {
    return this.currentTable.locator('[role="row"]:not([aria-busy])').filter({ hasText: text });
  }

  /** Waits until the row at `index` of the current list shows its mention, not a loading placeholder. */
  async waitForRow(index: number): Promise<void> {
    await this.currentTable.locator(`[role="row"][aria-rowindex="${index + 2}"]:not([aria-busy])`).waitFor();
  }

  async rowCount(): Promise<number> {
    return Number(await this.table.getAttribute('aria-rowcount')) - 1;
  }

  async textOf(index: number): Promise<string> {
    return (await this.cell(index, 'text').textContent()) ?? '';
  }

  async scrollToBottom(): Promise<void> {
    await this.table.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  }

  async scrollTo(rowIndex: number, rowHeight = 36): Promise<void> {
    await this.table.evaluate((element, top) => element.scrollTo({ top }), rowIndex * rowHeight);
  }
}

/** The inbox's controls beyond the list, found by role and name as a person finds them (Dutch UI). */
export class InboxControls {
  constructor(readonly page: Page) {}

  /** The first-start question in the detail column: create a profile and sit down. */
  async sitDownAs(name: string): Promise<void> {
    const prompt = this.page.getByRole('region', { name: 'Wie zit er aan de desk?' });
    await prompt.getByRole('textbox', { name: 'Naam' }).fill(name);
    await prompt.getByRole('button', { name: 'Profiel maken en beginnen' }).click();
    await this.page.getByRole('button', { name: new RegExp(`^Aan de desk: ${name}`) }).waitFor();
  }

  filterMenu(name: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Filters' }).getByRole('button', { name, exact: true });
  }

  /** Opens a filter's menu, ticks one choice and closes the menu with Escape. */
  async tick(filter: string, choice: string): Promise<void> {
    await this.filterMenu(filter).click();
    await this.page.getByRole('group', { name: filter }).getByRole('checkbox', { name: choice, exact: true }).check();
    await this.page.keyboard.press('Escape');
  }

  chipRemover(text: string): Locator {
    return this.page.getByRole('button', { name: `Filter ${text} weghalen` });
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  get toast(): Locator {
    return this.page.locator('.toast-region');
  }

  get sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Hoofdmenu' });
  }
}
