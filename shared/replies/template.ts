import Mustache from 'mustache';
import type { TemplateVariable } from './model';

/**
 * Reply templates with Mustache semantics ({{var}}, {{#section}}…{{/section}}, {{^inverted}}, {{> partial}}),
 * rendered as plain text: a reply is not HTML, so `'` stays `'` (the spec's HTML escaping is opt-in for the spec test).
 */

/** Snippet bodies by partial name, for one language. */
export type Partials = Readonly<Record<string, string>>;

/** What is wrong, as a code the UI words in its own language (Mustache's own messages are English only). */
export type SyntaxProblemCode =
  'unclosed_tag' | 'unopened_section' | 'unclosed_section' | 'mismatched_section' | 'unknown_snippet' | 'invalid';

/** A syntax error in a template, at a 1-based line and column. */
export interface SyntaxProblem {
  line: number;
  column: number;
  /** Offset in the template (UTF-16 code units). */
  offset: number;
  code: SyntaxProblemCode;
  /** The section or snippet the problem is about (the opened one for a mismatched section). */
  name?: string;
  /** A mismatched section's closing name. */
  closing?: string;
  /** The problem in English, for logs and errors from the engine. */
  message: string;
}

export interface RenderOptions {
  /** HTML-escape `{{var}}` as the Mustache spec says; replies keep plain text (the default). */
  escapeHtml?: boolean;
}

const plain = (value: unknown): string => String(value);

/** Renders a template against a view; missing values render empty, as Mustache does. */
export function renderTemplate(
  template: string,
  view: unknown,
  partials: Partials = {},
  options: RenderOptions = {},
): string {
  const escape = options.escapeHtml ? Mustache.escape : plain;
  return Mustache.render(template, view, { ...partials }, { escape });
}

/** 1-based line and column of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1 };
}

type Token = [string, string, number, number, Token[]?, number?];

function parse(template: string): Token[] {
  return Mustache.parse(template) as unknown as Token[];
}

/** English wording of a problem, for the engine's errors; the UI words `code` itself, in Dutch or English. */
export function describeSyntaxProblem(problem: Pick<SyntaxProblem, 'code' | 'name' | 'closing'>): string {
  switch (problem.code) {
    case 'unclosed_tag':
      return 'a tag is opened with {{ but never closed with }}';
    case 'unopened_section':
      return `{{/${problem.name}}} closes a section that was never opened with {{#${problem.name}}}`;
    case 'unclosed_section':
      return `the section {{#${problem.name}}} is never closed with {{/${problem.name}}}`;
    case 'mismatched_section':
      return `{{/${problem.closing}}} closes a section, but the open one is {{#${problem.name}}}`;
    case 'unknown_snippet':
      return `there is no snippet "${problem.name}"`;
    case 'invalid':
      return 'the template cannot be read';
  }
}

function problem(template: string, offset: number, fields: Pick<SyntaxProblem, 'code' | 'name' | 'closing'>) {
  const found = { ...lineColumn(template, offset), offset, ...fields };
  return { ...found, message: describeSyntaxProblem(found) } as SyntaxProblem;
}

/**
 * Reads the error Mustache threw ("Unclosed section "x" at 11") into a code and the place it is about:
 * an unclosed section points at its opening tag, a mismatched one at the wrong closing tag, an unclosed
 * tag at its `{{`.
 */
function problemFromError(template: string, error: unknown): SyntaxProblem {
  const raw = error instanceof Error ? error.message : String(error);
  const at = /\bat (\d+)$/.exec(raw);
  const offset = at ? Number(at[1]) : 0;
  const unopened = /^Unopened section "([^"]*)"/.exec(raw);
  if (unopened) return problem(template, offset, { code: 'unopened_section', name: unopened[1] });
  const unclosed = /^Unclosed section "([^"]*)"/.exec(raw);
  if (unclosed) {
    const name = unclosed[1] ?? '';
    const closing = /^\{\{\s*\/\s*([^}]*?)\s*\}\}/.exec(template.slice(offset));
    if (offset < template.length && closing)
      return problem(template, offset, { code: 'mismatched_section', name, closing: closing[1] });
    const opening = new RegExp(`\\{\\{\\s*[#^]\\s*${escapeRegExp(name)}\\s*\\}\\}`, 'g');
    let found = -1;
    for (let match = opening.exec(template); match; match = opening.exec(template)) found = match.index;
    return problem(template, found >= 0 ? found : offset, { code: 'unclosed_section', name });
  }
  if (raw.startsWith('Unclosed tag')) {
    const open = template.lastIndexOf('{{', offset);
    return problem(template, open >= 0 ? open : offset, { code: 'unclosed_tag' });
  }
  return problem(template, offset, { code: 'invalid' });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Checks a template's syntax and that every partial it includes exists. Returns the problems (empty: fine),
 * each with line and column, so the editor can point at them and a broken template is never saved.
 */
export function validateTemplate(template: string, knownPartials?: ReadonlySet<string>): SyntaxProblem[] {
  let tokens: Token[];
  try {
    tokens = parse(template);
  } catch (error) {
    return [problemFromError(template, error)];
  }
  if (!knownPartials) return [];
  const problems: SyntaxProblem[] = [];
  walk(tokens, (token) => {
    if (token[0] === '>' && !knownPartials.has(token[1])) {
      problems.push(problem(template, token[2], { code: 'unknown_snippet', name: token[1] }));
    }
  });
  return problems;
}

function walk(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    if (token[4]) walk(token[4], visit);
  }
}

/** The names a template uses: variables and sections (top-level paths) and the snippets it includes. */
export function templateNames(template: string, partials: Partials = {}): { variables: string[]; partials: string[] } {
  const variables = new Set<string>();
  const included = new Set<string>();
  const seen = new Set<string>();
  const visitTemplate = (body: string, depth: number) => {
    let tokens: Token[];
    try {
      tokens = parse(body);
    } catch {
      return;
    }
    const visitTokens = (list: readonly Token[], inSection: boolean) => {
      for (const token of list) {
        const [type, value] = token;
        if ((type === 'name' || type === '&' || type === '#' || type === '^') && value !== '.') {
          if (!inSection || value.includes('.')) variables.add(value);
        }
        if (type === '>') {
          included.add(value);
          if (!seen.has(value) && depth < 10 && partials[value] !== undefined) {
            seen.add(value);
            visitTemplate(partials[value], depth + 1);
          }
        }
        if (token[4]) visitTokens(token[4], inSection || type === '#');
      }
    };
    visitTokens(tokens, false);
  };
  visitTemplate(template, 0);
  return { variables: [...variables].sort(), partials: [...included].sort() };
}

/** Reads a dotted path (`author.name`) from a nested view. */
export function lookupPath(view: unknown, path: string): unknown {
  let current: unknown = view;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A copy of the view with a value set at a dotted path (objects created on the way). */
function withPath(view: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const parts = path.split('.');
  const last = parts.pop() ?? path;
  const root: Record<string, unknown> = { ...view };
  let target = root;
  for (const part of parts) {
    const next = target[part];
    const copy: Record<string, unknown> = next !== null && typeof next === 'object' ? { ...(next as object) } : {};
    target[part] = copy;
    target = copy;
  }
  target[last] = value;
  return root;
}

/** Sets each `path` from `values` into a nested view ("author.name" → { author: { name } }). */
export function viewWith(
  view: Record<string, unknown>,
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  let result = view;
  for (const [path, value] of Object.entries(values)) result = withPath(result, path, value);
  return result;
}

export type Filled = { ok: true; text: string; defaulted: string[] } | { ok: false; missing: string[] };

/**
 * Fills a template for a reply: declared defaults stand in for missing values; a required variable with
 * neither blocks the insertion and is named in `missing`.
 */
export function fillTemplate(
  template: string,
  variables: readonly TemplateVariable[],
  view: Record<string, unknown>,
  partials: Partials = {},
): Filled {
  let filled = view;
  const defaulted: string[] = [];
  const missing: string[] = [];
  for (const variable of variables) {
    if (!isEmpty(lookupPath(filled, variable.name))) continue;
    if (variable.default !== null && variable.default !== '') {
      filled = withPath(filled, variable.name, variable.default);
      defaulted.push(variable.name);
    } else if (variable.required) {
      missing.push(variable.name);
    }
  }
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, text: tidy(renderTemplate(template, filled, partials)), defaulted };
}

/** Removes the blank lines and double spaces an empty section or variable leaves behind. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}
