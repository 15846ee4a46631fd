import type { Locator, Page } from 'playwright-core';
import { InboxPage } from './InboxPage';

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

  /**
   * Waits until the composer shows the findings of the text in its field: the field tells the composer of an edit
   * once the page is idle after the edit's frame, and the render that hears of it checks the text (so: idle, a
   * frame, idle again), and the findings list has caught up with that render (its aria-busy).
   */
  async checked(): Promise<void> {
    for (let round = 0; round < 2; round += 1)
      await this.page.evaluate(
        () =>
          new Promise<void>((resolve) =>
            requestAnimationFrame(() => setTimeout(() => requestIdleCallback(() => resolve()), 0)),
          ),
      );
    await this.composer.locator('[id$="-findings"][aria-busy="false"]').waitFor();
  }

  /**
   * The reply's text as the field holds it (an editable box of plain text, not a textarea: see editableText.ts).
   * The browser keeps one extra newline after a last line that is empty, and a <br> in an empty field.
   */
  text(): Promise<string> {
    return this.field.evaluate((element) => {
      let text = '';
      for (const node of element.childNodes) text += node.nodeName === 'BR' ? '\n' : (node.textContent ?? '');
      return text.endsWith('\n') ? text.slice(0, -1) : text;
    });
  }

  /** Puts the caret at `offset` of the reply's text (its text nodes, as the field counts them). */
  caretTo(offset: number): Promise<void> {
    return this.field.evaluate((element, wanted) => {
      element.focus();
      let at = 0;
      for (const node of element.childNodes) {
        const length = node.nodeName === 'BR' ? 1 : (node.textContent ?? '').length;
        if (node instanceof Text && wanted <= at + length) {
          getSelection()!.collapse(node, wanted - at);
          return;
        }
        at += length;
      }
      getSelection()!.collapse(element, element.childNodes.length);
    }, offset);
  }

  /**
   * The underlined stretches of the reply, by severity, in text order: the text of the range each underline
   * follows in the field (see underlines.ts), for underlines that are drawn (have a box on screen). `field`: the
   * composer's, or another (the tone settings' sample); its underlines are in the same `.findings-field`.
   */
  underlines(severity: 'error' | 'warning', field: Locator = this.field): Promise<string[]> {
    return field.evaluate(
      (element, selector) =>
        ([...element.closest('.findings-field')!.querySelectorAll(selector)] as (HTMLElement & { toneRange: Range })[])
          .filter((underline) => underline.childElementCount > 0)
          .map((underline) => underline.toneRange)
          .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
          .map((range) => range.toString()),
      `.findings-field__underline--${severity}`,
    );
  }

  /**
   * Where the underlines' boxes stand on screen (their first line each), in text order, and whether each box
   * stands under its text where the field shows it (within half a pixel).
   */
  underlineBoxes(severity: 'error' | 'warning'): Promise<{ y: number; height: number; onText: boolean }[]> {
    return this.composer.evaluate(
      (dialog, selector) =>
        ([...dialog.querySelectorAll(selector)] as (HTMLElement & { toneRange: Range })[])
          .sort((a, b) => a.toneRange.compareBoundaryPoints(Range.START_TO_START, b.toneRange))
          .map((element) => {
            const box = element.firstElementChild!.getBoundingClientRect();
            const text = [...element.toneRange.getClientRects()].find((rect) => rect.width > 0)!;
            return {
              y: box.y,
              height: box.height,
              onText: Math.abs(box.left - text.left) < 0.5 && Math.abs(box.bottom - text.bottom) < 0.5,
            };
          }),
      `.findings-field__underline--${severity}`,
    );
  }

  /**
   * Where the box under the last `word` of the reply stands on screen, if an underline of `severity` covers the
   * word (an underline may hold more than the word: touching runs of one severity are one); null if none does.
   */
  lastUnderlinedWordBox(severity: 'error' | 'warning', word: string): Promise<{ y: number; height: number } | null> {
    return this.field.evaluate(
      (field, [selector, wanted]) => {
        // The text may be in several nodes (a line break splits one): the word, as a range.
        const start = (field.textContent ?? '').lastIndexOf(wanted);
        if (start < 0) return null;
        const walker = document.createTreeWalker(field, NodeFilter.SHOW_TEXT);
        const found = document.createRange();
        let at = 0;
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          if (start >= at && start < at + node.length) found.setStart(node, start - at);
          if (start + wanted.length > at && start + wanted.length <= at + node.length)
            found.setEnd(node, start + wanted.length - at);
          at += node.length;
        }
        const underlines = [...field.closest('.findings-field')!.querySelectorAll(selector)] as (HTMLElement & {
          toneRange: Range;
        })[];
        const covering = underlines.find(
          (element) =>
            element.toneRange.compareBoundaryPoints(Range.START_TO_START, found) <= 0 &&
            element.toneRange.compareBoundaryPoints(Range.END_TO_END, found) >= 0,
        );
        if (!covering) return null;
        // The box of the covering underline on the word's line (the layer stands scrolled as the field does).
        const wordBox = found.getBoundingClientRect();
        const middle = wordBox.y + wordBox.height / 2;
        const line = [...covering.children]
          .map((child) => child.getBoundingClientRect())
          .find((box) => middle >= box.top && middle <= box.bottom);
        return line ? { y: line.y, height: line.height } : null;
      },
      [`.findings-field__underline--${severity}`, word] as const,
    );
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

  /** A button in the composer, by its visible name. */
  composerButton(name: string | RegExp): Locator {
    return this.composer.getByRole('button', { name });
  }

  /** The review outcomes shown to the operator wherever they are in the app. */
  get reviewNotices(): Locator {
    return this.page
      .getByRole('region', { name: /^(Uitkomst van beoordelingen|Review outcomes)$/ })
      .getByRole('status');
  }

  /** A tab of the replies page, by its label (a count may follow it). */
  tab(label: string): Locator {
    return this.page.getByRole('link', { name: new RegExp(`^${label}( \\(\\d+\\))?$`) });
  }

  /**
   * Opens the inbox through the agreed deep link with `filter`, selects the row showing `text` and presses r,
   * as an operator would; resolves once the composer's field is there.
   */
  async replyFromInbox(base: string, filter: object, text: string): Promise<void> {
    await this.page.goto(`${base}/#/inbox?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    const inbox = new InboxPage(this.page);
    await inbox.rowWithText(text.slice(0, 30)).first().click();
    await inbox.detail.waitFor();
    await this.page.keyboard.press('r');
    await this.field.waitFor();
  }

  async openRepliesPage(base: string, section = ''): Promise<void> {
    await this.page.goto(`${base}/#/replies${section ? `/${section}` : ''}`);
    await this.page.getByRole('heading', { level: 1, name: /^(Antwoorden|Replies)$/ }).waitFor();
  }
}
