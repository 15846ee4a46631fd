// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { formatters } from './format';
import { createI18n, initialLanguage, languageFromLocales } from './index';
import { nl } from './nl';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

const dutch = flatten(nl);
const english = flatten(en as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('has every Dutch key in English and no English key that Dutch lacks', () => {
    expect([...english.keys()].filter((key) => !dutch.has(key))).toEqual([]);
    expect([...dutch.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect(dutch.size).toBeGreaterThan(100);
  });

  it('has no empty text in either language', () => {
    const empty = [...dutch, ...english].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const mismatched = [...dutch].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(english.get(key) ?? '').join(),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('gives every plural both a _one and an _other form', () => {
    const plurals = [...dutch.keys()].filter((key) => /_(one|other)$/.test(key));
    const stems = new Set(plurals.map((key) => key.replace(/_(one|other)$/, '')));
    for (const stem of stems) {
      expect(dutch.has(`${stem}_one`) && dutch.has(`${stem}_other`), stem).toBe(true);
    }
  });

  it('renders Dutch and English plurals and numbers through i18next', async () => {
    const i18n = createI18n('nl');
    expect(i18n.isInitialized).toBe(true);
    const n = (value: number) => formatters(i18n.language).number(value);
    expect(i18n.t('statusBar.mentions', { count: 3000, formatted: n(3000) })).toBe('3.000 berichten');
    expect(i18n.t('statusBar.mentions', { count: 1, formatted: n(1) })).toBe('1 bericht');
    await i18n.changeLanguage('en');
    expect(i18n.t('statusBar.mentions', { count: 3000, formatted: n(3000) })).toBe('3,000 mentions');
    expect(i18n.t('nav.alerts')).toBe('Alerts');
  });
});

describe('choosing the language', () => {
  it('is Dutch unless the first preferred language is English', () => {
    expect(languageFromLocales(['nl-NL', 'en'])).toBe('nl');
    expect(languageFromLocales(['en-GB', 'nl'])).toBe('en');
    expect(languageFromLocales(['en'])).toBe('en');
    expect(languageFromLocales(['de-DE', 'en-US'])).toBe('nl');
    expect(languageFromLocales(['fy-NL'])).toBe('nl');
    expect(languageFromLocales([])).toBe('nl');
  });

  it('prefers what the operator chose before over the system language', () => {
    expect(initialLanguage({ getItem: () => 'en' }, ['nl-NL'])).toBe('en');
    expect(initialLanguage({ getItem: () => 'klingon' }, ['nl-NL'])).toBe('nl');
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(initialLanguage(broken, ['en-GB'])).toBe('en');
  });

  it('formats numbers and dates in nl-NL for Dutch and en-GB for English', () => {
    expect(formatters('nl').number(1234567)).toBe('1.234.567');
    expect(formatters('en').number(1234567)).toBe('1,234,567');
    const at = '2024-03-12T13:05:00.000Z';
    const now = new Date('2026-06-01T12:00:00Z');
    expect(formatters('nl').listTime(at, now)).toMatch(/^12 mrt 2024$/);
    expect(formatters('en').listTime(at, now)).toMatch(/^12 Mar 2024$/);
  });
});

/** User-facing text in a component: JSX text with letters, or a literal aria-label/title/alt/placeholder. */
function literalsIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      ['aria-label', 'title', 'alt', 'placeholder'].includes(node.name.getText()) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      /\p{L}/u.test(node.initializer.text)
    ) {
      found.push(`${node.name.getText()}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(full);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [full] : [];
  });
}

describe('components', () => {
  it('take every word they show from the translations', () => {
    const files = componentFiles(path.resolve(process.cwd(), 'renderer/src'));
    expect(files.length).toBeGreaterThan(5);
    const literals = files.flatMap((file) => literalsIn(file).map((text) => `${path.basename(file)}: ${text}`));
    expect(literals).toEqual([]);
  });
});
