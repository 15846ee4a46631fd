import type { Page } from 'playwright-core';

/** Settings: language and theme, each a group of radio buttons named as a person sees it. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async choose(group: string, option: string): Promise<void> {
    await this.page.getByRole('radiogroup', { name: group }).getByRole('radio', { name: option }).check();
  }

  async chosen(group: string): Promise<string | null> {
    const checked = this.page.getByRole('radiogroup', { name: group }).getByRole('radio', { checked: true });
    return checked.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? null);
  }
}
