import type { Locator, Page } from 'playwright-core';

/** The import wizard and the rejected records, found by role and name as a person reads them (nl or en). */
export class ImportPage {
  constructor(readonly page: Page) {}

  /** The file input, named by its visible label. */
  get fileInput(): Locator {
    return this.page.getByLabel(/^(Kies een bestand|Choose a file)$/);
  }

  /** Picks `file` and waits for its preview (or the problem with it); a big file takes its upload's time first. */
  async chooseFile(file: string, timeout?: number): Promise<void> {
    await this.fileInput.setInputFiles(file);
    await this.previewTable.or(this.problem).first().waitFor({ timeout });
  }

  get previewTable(): Locator {
    return this.page.getByRole('table', {
      name: /(zoals (het|ze) wordt|worden geïmporteerd)|(as (it|they) will be imported)/,
    });
  }

  /** Cells of preview row `index` (0-based), as text. */
  async previewRow(index: number): Promise<string[]> {
    const cells = this.previewTable.locator('tbody tr').nth(index).getByRole('cell');
    return cells.allTextContents();
  }

  get problem(): Locator {
    return this.page.getByRole('alert');
  }

  /** A select or text field by its accessible name: `Formaat`, `Tijd`, `Account van deze export`. */
  control(name: string | RegExp): Locator {
    const exact = typeof name === 'string';
    return this.page.getByRole('combobox', { name, exact }).or(this.page.getByRole('textbox', { name, exact })).first();
  }

  async select(label: string | RegExp, option: string): Promise<void> {
    await this.control(label).selectOption({ label: option });
  }

  async startImport(): Promise<void> {
    const button = this.page.getByRole('button', { name: /^(Importeren|Import)$/ });
    await button.and(this.page.locator(':enabled')).waitFor();
    await button.click();
  }

  get progress(): Locator {
    return this.page.getByRole('progressbar', { name: /^(Voortgang van de import|Import progress)$/ });
  }

  /** The figures of the result: imported, already there, rejected. */
  async resultFigures(): Promise<Record<string, number>> {
    const figures = this.page.locator('.import-result__figures > div');
    await figures.first().waitFor();
    const out: Record<string, number> = {};
    for (const figure of await figures.all()) {
      const term = (await figure.getByRole('term').textContent()) ?? '';
      const value = (await figure.getByRole('definition').textContent()) ?? '';
      out[term] = Number(value.replace(/\D/g, ''));
    }
    return out;
  }

  get rejectGroups(): Locator {
    return this.page.getByRole('navigation', {
      name: /^(Bestanden en bronnen met afgewezen records|Files and sources with rejected records)$/,
    });
  }

  rejectTable(name: string): Locator {
    return this.page.getByRole('table', { name: new RegExp(`(Afgewezen records van|Rejected records of) ${name}$`) });
  }
}
