import type { Locator, Page } from 'playwright-core';

/** Column order of the inbox table: time, channel, author, text, sentiment, topics, status, priority. */
export const COLUMN = {
  time: 0,
  channel: 1,
  author: 2,
  text: 3,
  sentiment: 4,
  topics: 5,
  status: 6,
  priority: 7,
} as const;

/** The inbox: a virtualised table (role="table", rows carry aria-rowindex) and a detail pane. */
export class InboxPage {
  constructor(
    readonly page: Page,
    readonly names = { table: /^(Berichten|Mentions)/, detail: /^(Berichtdetails|Mention details)$/ },
  ) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: this.names.table });
  }

  get detail(): Locator {
    return this.page.getByRole('complementary', { name: this.names.detail });
  }

  /** The row showing the mention at `index` (0 = newest); the header row is aria-rowindex 1. */
  row(index: number): Locator {
    return this.table.locator(`[role="row"][aria-rowindex="${index + 2}"]`);
  }

  cell(index: number, column: keyof typeof COLUMN): Locator {
    return this.row(index).getByRole('cell').nth(COLUMN[column]);
  }

  get selectedRow(): Locator {
    return this.table.locator('[role="row"][aria-current="true"]');
  }

  /** Waits until the row at `index` shows its mention, not a loading placeholder. */
  async waitForRow(index: number): Promise<void> {
    await this.table.locator(`[role="row"][aria-rowindex="${index + 2}"]:not([aria-busy])`).waitFor();
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
