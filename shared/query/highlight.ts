import { tokenize } from './lexer';

export type HighlightKind =
  'operator' | 'field' | 'value' | 'phrase' | 'term' | 'hashtag' | 'handle' | 'paren' | 'error';

/** A stretch of the query to colour: 0-based offsets [from, to) in UTF-16 code units. */
export interface HighlightSpan {
  from: number;
  to: number;
  kind: HighlightKind;
}

/**
 * Spans for colouring the search bar as the operator types; works on unfinished and wrong
 * queries too (what cannot be read is an `error` span). Whitespace gets no span.
 */
export function highlightQuery(query: string): HighlightSpan[] {
  const spans: HighlightSpan[] = [];
  for (const t of tokenize(query)) {
    switch (t.type) {
      case 'lparen':
      case 'rparen':
        spans.push({ from: t.from, to: t.to, kind: 'paren' });
        break;
      case 'op':
      case 'near':
        spans.push({ from: t.from, to: t.to, kind: 'operator' });
        break;
      case 'word':
        spans.push({ from: t.from, to: t.to, kind: t.node.kind === 'phrase' ? 'phrase' : t.node.kind });
        break;
      case 'field':
        spans.push({ from: t.from, to: t.valueFrom, kind: 'field' }, { from: t.valueFrom, to: t.to, kind: 'value' });
        break;
      case 'error':
        spans.push({ from: t.from, to: t.to, kind: 'error' });
        break;
    }
  }
  return spans;
}
