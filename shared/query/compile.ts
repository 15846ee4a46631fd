import type { HashtagNode, HandleNode, Query, QueryNode, WordNode } from './ast';
import { parseQueryDate } from './dates';

export type SqlValue = string | number;

/** A piece of SQL over `mentions m`: fixed text written here, with `?` for every value that came from the query. */
export interface SqlFragment {
  sql: string;
  params: SqlValue[];
}

export interface CompiledQuery {
  /**
   * FTS5 expression every result matches (bind it as one parameter to `mentions_fts MATCH ?`), or
   * null when no word is required. Every word from the query sits inside a double-quoted FTS5 string,
   * so no FTS5 operator can be injected.
   */
  match: string | null;
  /** The rest of the query as a condition on `mentions m`, or null when the match says it all. */
  filter: SqlFragment | null;
}

/**
 * How a full-text part that cannot join the main match is tested: `set` builds the list of matching
 * ids once (cheap when few match); `lazy` looks each candidate mention up in the index (cheap when many match).
 */
export type Membership = 'set' | 'lazy';

export interface CompileOptions {
  membership?: (match: string) => Membership;
}

/**
 * Turns a query tree into an FTS5 match plus SQL. The words that every result needs (the top-level
 * AND of word parts, minus NOT-ed word parts) become one match that drives the search; everything
 * else (fields, hashtags, @handles, ORs mixing words with fields) becomes the filter.
 */
export function compileQuery(ast: Query, options: CompileOptions = {}): CompiledQuery {
  if (ast === null) return { match: null, filter: null };
  const membership = options.membership ?? (() => 'set');
  const positives: string[] = [];
  const negatives: string[] = [];
  const rest: QueryNode[] = [];
  const filters: SqlFragment[] = [];
  for (const conjunct of ast.kind === 'and' ? ast.children : [ast]) {
    const fts = ftsOf(conjunct);
    const negated = conjunct.kind === 'not' ? ftsOf(conjunct.child) : null;
    if (fts !== null) positives.push(fts);
    else if (negated !== null) negatives.push(negated);
    else if (conjunct.kind === 'hashtag') {
      positives.push(ftsString(conjunct.tag));
      filters.push(hashtagText(conjunct));
    } else rest.push(conjunct);
  }
  let match: string | null = null;
  if (positives.length > 0) {
    match = positives.length === 1 ? (positives[0] as string) : `(${positives.join(' AND ')})`;
    if (negatives.length > 0) match = `${match} NOT (${negatives.join(' OR ')})`;
  } else {
    // FTS5 has no NOT without something to subtract from: test these in SQL instead.
    for (const negative of negatives) filters.push(not(memberOf(negative, membership)));
  }
  const compile = (node: QueryNode): SqlFragment => sqlOf(node, membership);
  filters.unshift(...rest.map(compile));
  return { match, filter: filters.length === 0 ? null : and(filters) };
}

/** The whole query as one condition on `mentions m`, match included: for tagging, counting, alert checks. */
export function toWhere(compiled: CompiledQuery, membership: Membership = 'set'): SqlFragment {
  // Row conditions first: they are cheap, and SQLite tests the words only for rows that pass them.
  const parts: SqlFragment[] = [];
  if (compiled.filter) parts.push(compiled.filter);
  if (compiled.match !== null) parts.push(memberOf(compiled.match, () => membership));
  return parts.length === 0 ? { sql: '1', params: [] } : and(parts);
}

/** FTS5 string literal: the text inside double quotes, its own double quotes doubled. */
export function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function ftsWord(node: WordNode): string {
  return node.kind === 'term' && node.prefix ? `${ftsString(node.text)}*` : ftsString(node.text);
}

/** The node as an FTS5 expression, or null when it needs more than the full-text index can say. */
function ftsOf(node: QueryNode): string | null {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return ftsWord(node);
    case 'near':
      return `NEAR(${ftsWord(node.left)} ${ftsWord(node.right)}, ${node.distance})`;
    case 'or': {
      const parts = node.children.map(ftsOf);
      return parts.every((p) => p !== null) ? `(${parts.join(' OR ')})` : null;
    }
    case 'and': {
      const positives: string[] = [];
      const negatives: string[] = [];
      for (const child of node.children) {
        const fts = child.kind === 'not' ? ftsOf(child.child) : ftsOf(child);
        if (fts === null) return null;
        (child.kind === 'not' ? negatives : positives).push(fts);
      }
      if (positives.length === 0) return null;
      const all = `(${positives.join(' AND ')})`;
      return negatives.length === 0 ? all : `(${all} NOT (${negatives.join(' OR ')}))`;
    }
    default:
      return null;
  }
}

const MEMBERSHIP_SQL: Record<Membership, string> = {
  set: 'm.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?)',
  lazy: 'EXISTS (SELECT 1 FROM mentions_fts WHERE mentions_fts MATCH ? AND rowid = m.id)',
};

function memberOf(match: string, membership: (match: string) => Membership): SqlFragment {
  return { sql: MEMBERSHIP_SQL[membership(match)], params: [match] };
}

const FIELD_SQL = {
  channel: 'm.channel = ?',
  lang: 'm.lang = ?',
  sentiment: 'm.sentiment = ?',
  status: 'm.status = ?',
  assignee: 'm.assignee = ? COLLATE NOCASE',
  topic:
    'm.id IN (SELECT mt.mention_id FROM mention_topics mt JOIN topics t ON t.id = mt.topic_id WHERE t.name = ? COLLATE NOCASE)',
} as const;

const AUTHOR_SQL = 'm.author_id IN (SELECT id FROM authors WHERE handle COLLATE NOCASE IN (?, ?))';

const REACH_SQL = {
  '>': 'm.reach > ?',
  '>=': 'm.reach >= ?',
  '<': 'm.reach < ?',
  '<=': 'm.reach <= ?',
  '=': 'm.reach = ?',
} as const;

function sqlOf(node: QueryNode, membership: (match: string) => Membership): SqlFragment {
  const fts = ftsOf(node);
  if (fts !== null) return memberOf(fts, membership);
  const compile = (child: QueryNode): SqlFragment => sqlOf(child, membership);
  switch (node.kind) {
    case 'and':
      return and(node.children.map(compile));
    case 'or':
      return join(node.children.map(compile), ' OR ');
    case 'not':
      return not(compile(node.child));
    case 'hashtag':
      return and([memberOf(ftsString(node.tag), membership), hashtagText(node)]);
    case 'handle':
      return join(
        [authorIs(node.handle), and([memberOf(ftsString(node.handle), membership), handleText(node)])],
        ' OR ',
      );
    case 'field':
      return node.field === 'author' ? authorIs(node.value) : { sql: FIELD_SQL[node.field], params: [node.value] };
    case 'date': {
      const at = parseQueryDate(node.value);
      if (at === null) throw new Error(`the query tree holds '${node.value}', which is not a date`);
      return { sql: node.field === 'after' ? 'm.created_at >= ?' : 'm.created_at < ?', params: [at] };
    }
    case 'reach':
      return { sql: REACH_SQL[node.op], params: [node.value] };
    default:
      throw new Error(`cannot compile a ${node.kind} node on its own`);
  }
}

function authorIs(handle: string): SqlFragment {
  const bare = handle.replace(/^@/, '');
  return { sql: AUTHOR_SQL, params: [bare, `@${bare}`] };
}

/**
 * The full-text index drops '#' and '@', so `#fail` alone would find every "fail". The text must also
 * hold the tag with its sign. LIKE folds only ASCII case, so other letters become `_` (any one
 * character): `#café` then finds "#cafe" too, as the index does.
 */
function signedText(sign: string, word: string): SqlFragment {
  const pattern = [...word].map((c) => (c.charCodeAt(0) > 127 ? '_' : c.replace(/[\\%_]/g, '\\$&'))).join('');
  return { sql: "m.text LIKE ? ESCAPE '\\'", params: [`%${sign}${pattern}%`] };
}

const hashtagText = (node: HashtagNode): SqlFragment => signedText('#', node.tag);
const handleText = (node: HandleNode): SqlFragment => signedText('@', node.handle);

function and(parts: SqlFragment[]): SqlFragment {
  return join(parts, ' AND ');
}

function join(parts: SqlFragment[], operator: string): SqlFragment {
  if (parts.length === 1) return parts[0] as SqlFragment;
  return { sql: `(${parts.map((p) => p.sql).join(operator)})`, params: parts.flatMap((p) => p.params) };
}

/** NOT that also keeps rows where the condition is unknown (e.g. `NOT lang:nl` keeps mentions with no language). */
function not(part: SqlFragment): SqlFragment {
  return { sql: `((${part.sql}) IS NOT 1)`, params: part.params };
}
