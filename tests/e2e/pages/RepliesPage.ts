import type { Locator, Page } from 'playwright-core';

/** The reply composer (a dialog over the inbox) and the replies page, found by role and name as a person would. */
export class RepliesPage {
  constructor(readonly page: Page) {}

  /** Who is at the desk: the operator profile the inbox's picker stores, set before the app reads it. */
  async sitDown(name: string, language: 'nl' | 'en' = 'nl'): Promise<void> {
    await this.page.evaluate(
      ([who, lang]) => {
        const initials = who
          .split(/\s+/)
          .map((word) => word[0])
          .join('')
          .slice(0, 2);
        localStorage.setItem(
          'watchpost.deskOperator',
          JSON.stringify({ name: who, initials, colour: '#2f5bd3', language: lang }),
        );
        localStorage.setItem('watchpost.language', lang);
      },
      [name, language] as const,
    );
    await this.page.reload();
  }

  get composer(): Locator {
    return this.page.getByRole('dialog', { name: /^(Antwoord aan|Reply to) / });
  }

  get field(): Locator {
    return this.composer.getByRole('textbox', { name: /^(Je antwoord|Your reply)$/ });
  }

  templateOption(name: string): Locator {
    return this.composer
      .getByRole('listbox', { name: /^(Sjablonen|Templates)$/ })
      .getByRole('option', { name: new RegExp(name) });
  }

  get findings(): Locator {
    return this.composer
      .getByRole('list', { name: /^(Opmerkingen over de toon|Tone findings)$/ })
      .getByRole('listitem');
  }

  /** The underlined words in the mirror behind the field, by severity. */
  underlines(severity: 'error' | 'warning'): Locator {
    return this.composer.locator(`mark.finding-mark--${severity}`);
  }

  sendButton(): Locator {
    return this.composer.getByRole('button', {
      name: /^(Versturen via|Send via|Ter goedkeuring aanbieden|Submit for approval)/,
    });
  }

  /** A card on the replies page, by the handle it answers (a remote handle may carry its server). */
  card(handle: string): Locator {
    return this.page.getByRole('article', { name: new RegExp(`^(Antwoord aan|Reply to) @${handle}(@\\S+)?$`) });
  }

  async openRepliesPage(base: string, section = ''): Promise<void> {
    await this.page.goto(`${base}/#/replies${section ? `/${section}` : ''}`);
    await this.page.getByRole('heading', { level: 1, name: /^(Antwoorden|Replies)$/ }).waitFor();
  }
}
