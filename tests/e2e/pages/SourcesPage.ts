import type { Locator, Page } from 'playwright-core';

/** Settings → Sources: the list of live sources and the add/edit dialog. */
export class SourcesPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/settings/sources`);
    await this.page.getByRole('heading', { level: 2, name: /^(Live bronnen|Live sources)$/ }).waitFor();
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: /^(Live bronnen|Live sources)$/ });
  }

  /** One source in the list, by its name. */
  source(name: string): Locator {
    return this.list.getByRole('listitem', { name });
  }

  action(name: string, action: RegExp): Locator {
    return this.source(name).getByRole('button', { name: action });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async openAddForm(): Promise<void> {
    await this.page
      .getByRole('button', { name: /^(Bron toevoegen|Add source)$/ })
      .first()
      .click();
    await this.dialog.waitFor();
  }

  async chooseKind(kind: RegExp): Promise<void> {
    await this.dialog.getByRole('radio', { name: kind }).check();
  }

  field(label: string | RegExp): Locator {
    return this.dialog.getByLabel(label);
  }

  async submit(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(Toevoegen|Add|Bewaren|Save)$/ }).click();
  }
}
