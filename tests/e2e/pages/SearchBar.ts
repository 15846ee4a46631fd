import type { Locator, Page } from 'playwright-core';

/** The inbox's search bar, found as a person finds it: by role and name. */
export class SearchBar {
  constructor(
    readonly page: Page,
    readonly names = {
      form: /^(Zoeken in berichten|Search mentions)$/,
      input: /^(Zoekopdracht|Search query)$/,
      saveAsTopic: /^(Bewaren als onderwerp|Save as topic)$/,
      clear: /^(Zoekopdracht wissen|Clear search)$/,
    },
  ) {}

  get form(): Locator {
    return this.page.getByRole('search', { name: this.names.form });
  }

  get input(): Locator {
    return this.form.getByRole('textbox', { name: this.names.input });
  }

  /** The sentence under the bar: the mistake, or what to do next. */
  async message(): Promise<string> {
    const id = await this.input.getAttribute('aria-describedby');
    return (await this.page.locator(`[id="${id}"]`).textContent()) ?? '';
  }

  /** The characters painted with the wavy line (a space when the mistake is at the very end). */
  get mistake(): Locator {
    return this.page.locator('.search-bar .q-mistake');
  }

  sort(name: RegExp): Locator {
    return this.form.getByRole('radio', { name });
  }

  get saveAsTopic(): Locator {
    return this.form.getByRole('button', { name: this.names.saveAsTopic });
  }

  get clear(): Locator {
    return this.form.getByRole('button', { name: this.names.clear });
  }
}
