import Mustache from 'mustache';
import type { TemplateVariable } from './model';

/**
 * Reply templates with Mustache semantics ({{var}}, {{#section}}…{{/section}}, {{^inverted}}, {{> partial}}),
 * rendered as plain text: a reply is not HTML, so `'` stays `'` (the spec's HTML escaping is opt-in for the spec test).
 */

/** Snippet bodies by partial name, for one language. */
export type Partials = Readonly<Record<string, string>>;

/** A syntax error in a template, at a 1-based line and column. */
export interface SyntaxProblem {
  line: number;
  column: number;
  /** Offset in the template (UTF-16 code units). */
  offset: number;
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

/** Where an error Mustache reports "at N" really is: an unclosed section points at its opening tag. */
function problemFromError(template: string, error: unknown): SyntaxProblem {
  const raw = error instanceof Error ? error.message : String(error);
  const at = /\bat (\d+)$/.exec(raw);
  let offset = at ? Number(at[1]) : 0;
  const unclosed = /^Unclosed section "([^"]*)"/.exec(raw);
  if (unclosed?.[1] !== undefined && offset >= template.length) {
    const opening = new RegExp(`\\{\\{\\s*[#^]\\s*${escapeRegExp(unclosed[1])}\\s*\\}\\}`, 'g');
    let found = -1;
    for (let match = opening.exec(template); match; match = opening.exec(template)) found = match.index;
    if (found >= 0) offset = found;
  }
  const message = at ? raw.slice(0, at.index).trimEnd() : raw;
  return { ...lineColumn(template, offset), offset, message };
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
      problems.push({
        ...lineColumn(template, token[2]),
        offset: token[2],
        message: `Unknown snippet "${token[1]}"`,
      });
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
