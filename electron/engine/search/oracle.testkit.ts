/** What a query should find, computed in plain TypeScript, to check the compiled SQL against (test-only). */
import type { QueryNode, WordNode } from '../../../shared/query/ast';
import { parseQueryDate } from '../../../shared/query/dates';

export interface OracleMention {
  id: number;
  text: string;
  channel: string;
  lang: string | null;
  sentiment: string | null;
  status: string;
  assignee: string | null;
  handle: string;
  reach: number;
  createdAt: number;
  topics: string[];
}

/** Words as FTS5's unicode61 tokenizer with remove_diacritics 2 sees them (for the Latin text used in tests). */
export function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Start positions of `phrase` (its words in order, side by side) in `tokens`; a prefix phrase ends in a word start. */
function occurrences(tokens: string[], node: WordNode): { start: number; length: number }[] {
  const phrase = words(node.text);
  const prefix = node.kind === 'term' && node.prefix;
  const found: { start: number; length: number }[] = [];
  for (let start = 0; start + phrase.length <= tokens.length; start++) {
    const fits = phrase.every((w, i) => {
      const token = tokens[start + i] as string;
      return prefix && i === phrase.length - 1 ? token.startsWith(w) : token === w;
    });
    if (fits) found.push({ start, length: phrase.length });
  }
  return found;
}

function near(tokens: string[], left: WordNode, right: WordNode, distance: number): boolean {
  return occurrences(tokens, left).some((a) =>
    occurrences(tokens, right).some((b) => {
      const gap = a.start <= b.start ? b.start - (a.start + a.length) : a.start - (b.start + b.length);
      return gap <= distance;
    }),
  );
}

const lower = (s: string): string => s.toLowerCase();

export function matches(node: QueryNode, m: OracleMention): boolean {
  const tokens = words(m.text);
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return occurrences(tokens, node).length > 0;
    case 'near':
      return near(tokens, node.left, node.right, node.distance);
    case 'hashtag':
      return (
        occurrences(tokens, { kind: 'phrase', text: node.tag }).length > 0 &&
        lower(m.text).includes(`#${lower(node.tag)}`)
      );
    case 'handle':
      return (
        lower(m.handle) === lower(node.handle) ||
        (occurrences(tokens, { kind: 'phrase', text: node.handle }).length > 0 &&
          lower(m.text).includes(`@${lower(node.handle)}`))
      );
    case 'field':
      switch (node.field) {
        case 'author':
          return lower(m.handle) === lower(node.value.replace(/^@/, ''));
        case 'assignee':
          return m.assignee !== null && lower(m.assignee) === lower(node.value);
        case 'topic':
          return m.topics.some((t) => lower(t) === lower(node.value));
        default:
          return m[node.field] === node.value;
      }
    case 'date': {
      const at = parseQueryDate(node.value) as number;
      return node.field === 'after' ? m.createdAt >= at : m.createdAt < at;
    }
    case 'reach':
      return {
        '>': m.reach > node.value,
        '>=': m.reach >= node.value,
        '<': m.reach < node.value,
        '<=': m.reach <= node.value,
        '=': m.reach === node.value,
      }[node.op];
    case 'and':
      return node.children.every((c) => matches(c, m));
    case 'or':
      return node.children.some((c) => matches(c, m));
    case 'not':
      return !matches(node.child, m);
  }
}
