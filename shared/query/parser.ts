import type { Query, QueryNode, WordNode } from './ast';
import { toSyntaxError, type Mistake, type QuerySyntaxError } from './errors';
import { tokenize, type Token } from './lexer';

export type ParseResult = { ok: true; ast: Query } | { ok: false; error: QuerySyntaxError };

/**
 * Reads a query. Precedence, tightest first: NEAR/n, NOT, AND (also implicit: `a b`), OR.
 * Operators are upper-case words (AND OR NOT, or Dutch EN OF NIET). An empty query matches everything.
 */
export function parseQuery(query: string): ParseResult {
  try {
    return { ok: true, ast: new Parser(tokenize(query), query.length).parseAll() };
  } catch (err) {
    if (err instanceof ParseFailure) return { ok: false, error: toSyntaxError(err.mistake) };
    throw err;
  }
}

class ParseFailure extends Error {
  constructor(readonly mistake: Mistake) {
    super(mistake.detail);
  }
}

type Code = Mistake['code'];

class Parser {
  private pos = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  parseAll(): Query {
    if (this.tokens.length === 0) return null;
    const node = this.parseOr(null);
    const rest = this.peek();
    if (rest) this.fail(rest, 'unexpected_paren', "unexpected ')'; there is no '(' for it to close");
    return node;
  }

  private parseOr(after: Token | null): QueryNode {
    const children = [this.parseAnd(after)];
    for (let t = this.peek(); t?.type === 'op' && t.op === 'or'; t = this.peek()) {
      this.pos++;
      children.push(this.parseAnd(t));
    }
    return combine('or', children);
  }

  private parseAnd(after: Token | null): QueryNode {
    const children = [this.parseUnary(after)];
    for (let t = this.peek(); t; t = this.peek()) {
      if (t.type === 'op' && t.op === 'and') {
        this.pos++;
        children.push(this.parseUnary(t));
      } else if (
        t.type === 'word' ||
        t.type === 'field' ||
        t.type === 'lparen' ||
        t.type === 'error' ||
        t.type === 'near'
      ) {
        children.push(this.parseUnary(null));
      } else if (t.type === 'op' && t.op === 'not') {
        children.push(this.parseUnary(null));
      } else {
        break;
      }
    }
    return combine('and', children);
  }

  private parseUnary(after: Token | null): QueryNode {
    const t = this.peek();
    if (t?.type === 'op' && t.op === 'not') {
      this.pos++;
      return { kind: 'not', child: this.parseUnary(t) };
    }
    return this.parseNear(after);
  }

  private parseNear(after: Token | null): QueryNode {
    const leftToken = this.peek();
    const left = this.parsePrimary(after);
    const near = this.peek();
    if (near?.type !== 'near') return left;
    if (!isWord(left) || leftToken?.type !== 'word') {
      this.fail(near, 'invalid_near', `${near.text} joins two words or phrases, as in storing NEAR/5 glasvezel`);
    }
    this.pos++;
    const rightToken = this.peek();
    const right = this.parsePrimary(near);
    if (!isWord(right) || rightToken?.type !== 'word') {
      this.fail(rightToken, 'invalid_near', `expected a word or phrase after ${near.text}`);
    }
    const again = this.peek();
    if (again?.type === 'near') {
      this.fail(again, 'invalid_near', `${again.text} joins two words; join more pairs with AND`);
    }
    return { kind: 'near', left, right, distance: near.distance };
  }

  private parsePrimary(after: Token | null): QueryNode {
    const t = this.peek();
    if (!t) {
      const end = { from: this.length, to: this.length + 1 };
      return this.fail(end, 'expected_term', after ? `expected a term after ${describe(after)}` : 'expected a term');
    }
    switch (t.type) {
      case 'error':
        throw new ParseFailure(t.mistake);
      case 'word':
      case 'field':
        this.pos++;
        return t.node;
      case 'lparen':
        return this.parseGroup(t);
      case 'rparen':
        if (after) return this.fail(t, 'expected_term', `expected a term after ${describe(after)}`);
        return this.fail(t, 'unexpected_paren', "unexpected ')'; there is no '(' for it to close");
      case 'op':
      case 'near':
        if (after && after.type !== 'lparen') {
          return this.fail(t, 'expected_term', `expected a term after ${describe(after)}`);
        }
        return this.fail(t, 'expected_term', `expected a term before ${describe(t)}`);
    }
  }

  private parseGroup(open: Token): QueryNode {
    this.pos++;
    const first = this.peek();
    if (first?.type === 'rparen') return this.fail(first, 'expected_term', 'expected a term inside the parentheses');
    const inner = this.parseOr(open);
    if (this.peek()?.type !== 'rparen') {
      const end = { from: this.length, to: this.length + 1 };
      return this.fail(end, 'unclosed_paren', `expected ')' to close the '(' at column ${open.from + 1}`);
    }
    this.pos++;
    return inner;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private fail(at: { from: number; to: number } | undefined, code: Code, detail: string): never {
    const span = at ?? { from: this.length, to: this.length + 1 };
    throw new ParseFailure({ from: span.from, to: span.to, code, detail });
  }
}

function isWord(node: QueryNode): node is WordNode {
  return node.kind === 'term' || node.kind === 'phrase';
}

function describe(t: Token): string {
  if (t.type === 'op' || t.type === 'near') return t.text;
  if (t.type === 'lparen') return "'('";
  return 'this';
}

/** Builds an n-ary and/or, flattening children of the same kind so equal meanings give equal trees. */
function combine(kind: 'and' | 'or', children: QueryNode[]): QueryNode {
  if (children.length === 1) return children[0] as QueryNode;
  return { kind, children: children.flatMap((child) => (child.kind === kind ? child.children : [child])) };
}
