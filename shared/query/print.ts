import type { Query, QueryNode } from './ast';

/**
 * Writes a tree back as a query in canonical form: explicit AND, English field names and values,
 * parentheses only where precedence needs them. `parseQuery(printQuery(ast))` gives `ast` back.
 */
export function printQuery(ast: Query): string {
  return ast === null ? '' : print(ast);
}

/** Binding strength: a child weaker than its parent's operator needs parentheses. */
const STRENGTH: Record<QueryNode['kind'], number> = {
  or: 1,
  and: 2,
  not: 3,
  near: 4,
  term: 5,
  phrase: 5,
  hashtag: 5,
  handle: 5,
  field: 5,
  date: 5,
  reach: 5,
};

function print(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return node.prefix ? `${node.text}*` : node.text;
    case 'phrase':
      return quote(node.text);
    case 'near':
      return `${print(node.left)} NEAR/${node.distance} ${print(node.right)}`;
    case 'hashtag':
      return `#${node.tag}`;
    case 'handle':
      return `@${node.handle}`;
    case 'field':
      return `${node.field}:${isBareValue(node.value) ? node.value : quote(node.value)}`;
    case 'date':
      return `${node.field}:${node.value}`;
    case 'reach':
      return `reach:${node.op === '=' ? '' : node.op}${node.value}`;
    case 'not':
      return `NOT ${wrap(node.child, STRENGTH.not)}`;
    case 'and':
      return node.children.map((child) => wrap(child, STRENGTH.and)).join(' AND ');
    case 'or':
      return node.children.map((child) => wrap(child, STRENGTH.or)).join(' OR ');
  }
}

function wrap(child: QueryNode, parentStrength: number): string {
  // An equal-strength child only occurs for NOT NOT x, which needs no parentheses; and/or are flat.
  return STRENGTH[child.kind] < parentStrength ? `(${print(child)})` : print(child);
}

/** A value that reads back unquoted: no space, parenthesis or quote, and not `//…` (read as a URL). */
function isBareValue(value: string): boolean {
  return /^[^\s()"]+$/u.test(value) && !value.startsWith('//');
}

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
