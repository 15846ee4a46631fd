import type { z } from 'zod';
import { LibraryFile, SaveSnippetInput, SaveTemplateInput, type ImportOutcome } from '../../../shared/api/replies';
import { WatchpostError } from '../../../shared/api/result';
import type { ReplyLang, Snippet, Template, TemplateVariant } from '../../../shared/replies/model';
import { SEED_SNIPPETS, SEED_TEMPLATES } from '../../../shared/replies/seed';
import { validateTemplate } from '../../../shared/replies/template';
import { recordAudit } from '../audit/record';
import type { Db } from '../store/db';
import type { ReplySettings } from './settings';

/**
 * The template library: templates (with nl/en and short/long variants) and snippets (partials), stored in
 * reply_templates and reply_snippets. A template or snippet with a syntax error, or one that includes a
 * snippet that does not exist, is refused with the variant, line and column.
 */

interface TemplateRow {
  id: number;
  name: string;
  category: string;
  description: string;
  variants: string;
  variables: string;
  intents: string;
  topic_ids: string;
  keywords: string;
  uses: number;
  created_at: number;
  updated_at: number;
}

interface SnippetRow {
  id: number;
  name: string;
  lang: ReplyLang;
  description: string;
  body: string;
  updated_at: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

function toTemplate(row: TemplateRow): Template {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    description: row.description,
    variants: JSON.parse(row.variants) as Template['variants'],
    variables: JSON.parse(row.variables) as Template['variables'],
    intents: JSON.parse(row.intents) as Template['intents'],
    topicIds: JSON.parse(row.topic_ids) as number[],
    keywords: JSON.parse(row.keywords) as string[],
    uses: row.uses,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function toSnippet(row: SnippetRow): Snippet {
  return {
    id: row.id,
    name: row.name,
    lang: row.lang,
    description: row.description,
    body: row.body,
    updatedAt: iso(row.updated_at),
  };
}

type TemplateData = z.output<typeof SaveTemplateInput>;
type SnippetData = z.output<typeof SaveSnippetInput>;

export class ReplyLibrary {
  constructor(
    private readonly db: Db,
    private readonly settings: ReplySettings,
  ) {}

  /** Adds the default snippets and templates once, the first time the workspace is used. */
  seed(): void {
    if (this.settings.read('seeded') !== null) return;
    this.db.transaction(() => {
      const now = Date.now();
      const insertSnippet = this.db.prepare(
        'INSERT OR IGNORE INTO reply_snippets (name, lang, description, body, updated_at) VALUES (?, ?, ?, ?, ?)',
      );
      for (const snippet of SEED_SNIPPETS)
        insertSnippet.run(snippet.name, snippet.lang, snippet.description, snippet.body, now);
      for (const template of SEED_TEMPLATES) {
        this.db
          .prepare(
            `INSERT OR IGNORE INTO reply_templates (name, category, description, variants, variables, intents, topic_ids, keywords, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`,
          )
          .run(
            template.name,
            template.category,
            template.description,
            JSON.stringify(template.variants),
            JSON.stringify(template.variables),
            JSON.stringify(template.intents),
            JSON.stringify(template.keywords),
            now,
            now,
          );
      }
      this.settings.write('seeded', true, 'watchpost');
    })();
  }

  list(filter: { search?: string; category?: string; lang?: ReplyLang } = {}): Template[] {
    const rows = this.db
      .prepare('SELECT * FROM reply_templates ORDER BY category COLLATE NOCASE, name COLLATE NOCASE')
      .all() as TemplateRow[];
    const words = (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    return rows.map(toTemplate).filter((template) => {
      if (filter.category && template.category !== filter.category) return false;
      if (filter.lang && !template.variants.some((variant) => variant.lang === filter.lang)) return false;
      if (words.length === 0) return true;
      const haystack = [
        template.name,
        template.category,
        template.description,
        ...template.keywords,
        ...template.variants.map((v) => v.body),
      ]
        .join(' ')
        .toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
  }

  get(id: number): Template {
    const row = this.db.prepare('SELECT * FROM reply_templates WHERE id = ?').get(id) as TemplateRow | undefined;
    if (!row) throw new WatchpostError('not_found', `there is no template ${id}`);
    return toTemplate(row);
  }

  snippets(): Snippet[] {
    return (this.db.prepare('SELECT * FROM reply_snippets ORDER BY name, lang').all() as SnippetRow[]).map(toSnippet);
  }

  /** Snippet bodies by name for one language (falling back to the other language's). */
  partials(lang: ReplyLang): Record<string, string> {
    const partials: Record<string, string> = {};
    const snippets = this.snippets();
    for (const snippet of snippets) if (snippet.lang !== lang) partials[snippet.name] = snippet.body;
    for (const snippet of snippets) if (snippet.lang === lang) partials[snippet.name] = snippet.body;
    return partials;
  }

  private snippetNames(): Set<string> {
    return new Set(this.snippets().map((snippet) => snippet.name));
  }

  /** Throws invalid_input naming the variant, line and column of the first syntax problem. */
  private checkVariants(variants: readonly TemplateVariant[], known: Set<string>, prefix = 'variants'): void {
    const seen = new Set<string>();
    variants.forEach((variant, index) => {
      const key = `${variant.lang}/${variant.kind}`;
      if (seen.has(key)) {
        throw new WatchpostError(
          'invalid_input',
          `${prefix}[${index}]: there is already a ${variant.lang} ${variant.kind} variant`,
        );
      }
      seen.add(key);
      const [problem] = validateTemplate(variant.body, known);
      if (problem) {
        throw new WatchpostError(
          'invalid_input',
          `${prefix}[${index}].body (${variant.lang}, ${variant.kind}): line ${problem.line}, column ${problem.column}: ${problem.message}`,
        );
      }
    });
  }

  saveTemplate(input: TemplateData): Template {
    this.checkVariants(input.variants, this.snippetNames());
    const now = Date.now();
    return this.db.transaction(() => {
      const clash = this.db
        .prepare('SELECT id FROM reply_templates WHERE name = ? AND id IS NOT ?')
        .get(input.name, input.id ?? null);
      if (clash) throw new WatchpostError('conflict', `a template called "${input.name}" already exists`);
      const values = [
        input.name,
        input.category,
        input.description,
        JSON.stringify(input.variants),
        JSON.stringify(input.variables),
        JSON.stringify(input.intents),
        JSON.stringify(input.topicIds),
        JSON.stringify(input.keywords),
      ];
      let id = input.id;
      if (id === undefined) {
        id = Number(
          this.db
            .prepare(
              `INSERT INTO reply_templates (name, category, description, variants, variables, intents, topic_ids, keywords, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(...values, now, now).lastInsertRowid,
        );
      } else {
        const changed = this.db
          .prepare(
            `UPDATE reply_templates SET name = ?, category = ?, description = ?, variants = ?, variables = ?, intents = ?,
             topic_ids = ?, keywords = ?, updated_at = ? WHERE id = ?`,
          )
          .run(...values, now, id).changes;
        if (changed === 0) throw new WatchpostError('not_found', `there is no template ${id}`);
      }
      recordAudit(
        this.db,
        {
          actor: input.operator,
          action: 'template.save',
          entity: 'template',
          entityId: id,
          detail: { name: input.name },
        },
        now,
      );
      return this.get(id);
    })();
  }

  deleteTemplate(id: number, operator: string): boolean {
    return this.db.transaction(() => {
      const gone = this.db.prepare('DELETE FROM reply_templates WHERE id = ?').run(id).changes > 0;
      if (gone) recordAudit(this.db, { actor: operator, action: 'template.delete', entity: 'template', entityId: id });
      return gone;
    })();
  }

  saveSnippet(input: SnippetData): Snippet {
    const [problem] = validateTemplate(input.body, new Set([...this.snippetNames(), input.name]));
    if (problem) {
      throw new WatchpostError(
        'invalid_input',
        `body: line ${problem.line}, column ${problem.column}: ${problem.message}`,
      );
    }
    const now = Date.now();
    return this.db.transaction(() => {
      const clash = this.db
        .prepare('SELECT id FROM reply_snippets WHERE name = ? AND lang = ? AND id IS NOT ?')
        .get(input.name, input.lang, input.id ?? null);
      if (clash) throw new WatchpostError('conflict', `a ${input.lang} snippet called "${input.name}" already exists`);
      let id = input.id;
      if (id === undefined) {
        id = Number(
          this.db
            .prepare('INSERT INTO reply_snippets (name, lang, description, body, updated_at) VALUES (?, ?, ?, ?, ?)')
            .run(input.name, input.lang, input.description, input.body, now).lastInsertRowid,
        );
      } else if (
        this.db
          .prepare(
            'UPDATE reply_snippets SET name = ?, lang = ?, description = ?, body = ?, updated_at = ? WHERE id = ?',
          )
          .run(input.name, input.lang, input.description, input.body, now, id).changes === 0
      ) {
        throw new WatchpostError('not_found', `there is no snippet ${id}`);
      }
      recordAudit(
        this.db,
        {
          actor: input.operator,
          action: 'snippet.save',
          entity: 'snippet',
          entityId: id,
          detail: { name: input.name },
        },
        now,
      );
      return toSnippet(this.db.prepare('SELECT * FROM reply_snippets WHERE id = ?').get(id) as SnippetRow);
    })();
  }

  deleteSnippet(id: number, operator: string): boolean {
    const row = this.db.prepare('SELECT * FROM reply_snippets WHERE id = ?').get(id) as SnippetRow | undefined;
    if (!row) return false;
    const others = this.db
      .prepare('SELECT count(*) AS n FROM reply_snippets WHERE name = ? AND id != ?')
      .get(row.name, id) as { n: number };
    if (others.n === 0) {
      const users = this.list().filter((template) =>
        template.variants.some((variant) => usesPartial(variant.body, row.name)),
      );
      if (users.length > 0) {
        throw new WatchpostError(
          'conflict',
          `the snippet "${row.name}" is used by ${users.map((t) => `"${t.name}"`).join(', ')}`,
        );
      }
    }
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM reply_snippets WHERE id = ?').run(id);
      recordAudit(this.db, {
        actor: operator,
        action: 'snippet.delete',
        entity: 'snippet',
        entityId: id,
        detail: { name: row.name },
      });
      return true;
    })();
  }

  /** The library as a shareable file; topics by name. */
  exportFile(): LibraryFile {
    const topicNames = new Map(
      (this.db.prepare('SELECT id, name FROM topics').all() as { id: number; name: string }[]).map((t) => [
        t.id,
        t.name,
      ]),
    );
    const tone = this.settings.tone();
    return {
      format: 'watchpost-library',
      version: 1,
      exportedAt: new Date().toISOString(),
      templates: this.list().map((template) => ({
        name: template.name,
        category: template.category,
        description: template.description,
        variants: template.variants,
        variables: template.variables,
        intents: template.intents,
        keywords: template.keywords,
        topics: template.topicIds.map((id) => topicNames.get(id)).filter((name): name is string => name !== undefined),
      })),
      snippets: this.snippets().map(({ name, lang, description, body }) => ({ name, lang, description, body })),
      tone: { preset: tone.preset, rules: tone.rules },
    };
  }

  /** Imports a library file; any problem (named by its path) leaves the library as it was. */
  importFile(raw: unknown, mode: 'merge' | 'replace', includeTone: boolean, operator: string): ImportOutcome {
    const parsed = LibraryFile.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = (issue?.path ?? []).reduce<string>(
        (path, part) =>
          typeof part === 'number' ? `${path}[${part}]` : path ? `${path}.${String(part)}` : String(part),
        '',
      );
      throw new WatchpostError(
        'invalid_input',
        `the library file is not valid: ${where || 'file'}: ${issue?.message ?? 'unreadable'}`,
      );
    }
    const file = parsed.data;
    const known = new Set([...(mode === 'merge' ? this.snippetNames() : []), ...file.snippets.map((s) => s.name)]);
    file.snippets.forEach((snippet, index) => {
      const [problem] = validateTemplate(snippet.body, known);
      if (problem) {
        throw new WatchpostError(
          'invalid_input',
          `snippets[${index}].body: line ${problem.line}, column ${problem.column}: ${problem.message}`,
        );
      }
    });
    file.templates.forEach((template, index) =>
      this.checkVariants(template.variants, known, `templates[${index}].variants`),
    );
    const topicIds = new Map(
      (this.db.prepare('SELECT id, name FROM topics').all() as { id: number; name: string }[]).map((t) => [
        t.name.toLowerCase(),
        t.id,
      ]),
    );
    const unknownTopics = new Set<string>();
    const outcome: ImportOutcome = {
      templatesAdded: 0,
      templatesUpdated: 0,
      snippetsAdded: 0,
      snippetsUpdated: 0,
      toneReplaced: false,
      unknownTopics: [],
    };
    this.db.transaction(() => {
      if (mode === 'replace') {
        this.db.prepare('DELETE FROM reply_templates').run();
        this.db.prepare('DELETE FROM reply_snippets').run();
      }
      for (const snippet of file.snippets) {
        const existing = this.db
          .prepare('SELECT id FROM reply_snippets WHERE name = ? AND lang = ?')
          .get(snippet.name, snippet.lang) as { id: number } | undefined;
        this.saveSnippet({ ...snippet, id: existing?.id, operator });
        if (existing) outcome.snippetsUpdated += 1;
        else outcome.snippetsAdded += 1;
      }
      for (const template of file.templates) {
        const existing = this.db.prepare('SELECT id FROM reply_templates WHERE name = ?').get(template.name) as
          { id: number } | undefined;
        const ids: number[] = [];
        for (const name of template.topics) {
          const id = topicIds.get(name.toLowerCase());
          if (id === undefined) unknownTopics.add(name);
          else ids.push(id);
        }
        const { topics, ...rest } = template;
        void topics;
        this.saveTemplate({ ...rest, id: existing?.id, topicIds: ids, operator });
        if (existing) outcome.templatesUpdated += 1;
        else outcome.templatesAdded += 1;
      }
      if (includeTone && file.tone) {
        this.settings.saveTone(file.tone.rules, operator, file.tone.preset);
        outcome.toneReplaced = true;
      }
      recordAudit(this.db, {
        actor: operator,
        action: 'library.import',
        entity: 'library',
        entityId: null,
        detail: { mode, ...outcome },
      });
    })();
    outcome.unknownTopics = [...unknownTopics];
    return outcome;
  }
}

function usesPartial(body: string, name: string): boolean {
  return new RegExp(`\\{\\{\\s*>\\s*${name.replace(/[-]/g, '\\-')}\\s*\\}\\}`).test(body);
}
