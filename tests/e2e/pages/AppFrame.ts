import type { Locator, Page } from 'playwright-core';

/** The frame around every page: navigation, status bar, theme. */
export class AppFrame {
  constructor(readonly page: Page) {}

  /** The main menu; pages have navigation of their own (section links), named differently. */
  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: /^(Hoofdmenu|Main)$/ });
  }

  navLink(name: string): Locator {
    return this.navigation.getByRole('link', { name, exact: true });
  }

  async goTo(name: string): Promise<void> {
    await this.navLink(name).click();
    await this.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  }

  /** The workspace figures at the bottom of the window (a `contentinfo` landmark). */
  get statusBar(): Locator {
    return this.page.getByRole('contentinfo');
  }

  theme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }

  backgroundColour(): Promise<string> {
    return this.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  }
}
