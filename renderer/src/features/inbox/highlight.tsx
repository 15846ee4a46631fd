import type { ReactNode } from 'react';
import { parseQuery, type QueryNode } from '../../../../shared/query';

/** A word the query looks for; `prefix` matches word starts (`storing*`). */
export interface SearchTerm {
  text: string;
  prefix: boolean;
}

function collect(node: QueryNode, into: SearchTerm[]): void {
  switch (node.kind) {
    case 'term':
      into.push({ text: node.text, prefix: node.prefix });
      return;
    case 'phrase':
      into.push({ text: node.text, prefix: false });
      return;
    case 'hashtag':
      into.push({ text: `#${node.tag}`, prefix: false });
      return;
    case 'near':
      collect(node.left, into);
      collect(node.right, into);
      return;
    case 'and':
    case 'or':
      node.children.forEach((child) => collect(child, into));
      return;
    default:
      // NOT excludes its words (nothing to mark); fields, dates and reach are not words in the text.
      return;
  }
}

/** The words of a query worth marking in a mention's text; none for an empty or broken query. */
export function searchTerms(query: string | undefined): SearchTerm[] {
  if (!query?.trim()) return [];
  const parsed = parseQuery(query);
  if (!parsed.ok || !parsed.ast) return [];
  const terms: SearchTerm[] = [];
  collect(parsed.ast, terms);
  return terms.filter((term) => term.text.trim() !== '');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pattern for all terms, matched the way the search does: case and accents ignored (the text is
 * compared through NFD without marks), whole words unless a prefix.
 */
export function termPattern(terms: readonly SearchTerm[]): RegExp | null {
  if (terms.length === 0) return null;
  const alternatives = terms
    .map((term) => fold(term.text))
    .map((text, i) => `${escape(text)}${terms[i]?.prefix ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])'}`);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'giu');
}

/** Lower case without diacritics, one code unit per code unit of the input (so offsets still fit). */
function fold(text: string): string {
  return [...text]
    .map((char) =>
      char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().slice(0, char.length).padEnd(char.length, char),
    )
    .join('');
}

/** The text with every match of the query's words wrapped in <mark>. */
export function highlight(text: string, pattern: RegExp | null): ReactNode {
  if (!pattern) return text;
  const folded = fold(text);
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of folded.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (end === start) continue;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    last = end;
  }
  if (parts.length === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
