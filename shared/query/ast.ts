/**
 * The syntax tree of the one query language (search bar, topics, alerts, reports).
 * Nodes carry no positions, so two queries that mean the same thing have deep-equal trees.
 * Invariants the parser guarantees (and the printer relies on): `and` / `or` have at least two
 * children and never a child of their own kind; every term and phrase holds a letter or digit.
 */

export const TEXT_FIELDS = ['channel', 'lang', 'sentiment', 'status', 'author', 'assignee', 'topic'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const DATE_FIELDS = ['after', 'before'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export const COMPARISONS = ['>=', '<=', '>', '<', '='] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** A word, or a word start when `prefix` (`storing*`). */
export interface TermNode {
  kind: 'term';
  text: string;
  prefix: boolean;
}

/** `"exact phrase"`: the words in this order, next to each other. */
export interface PhraseNode {
  kind: 'phrase';
  text: string;
}

export type WordNode = TermNode | PhraseNode;

/** `left NEAR/n right`: both within n words of each other. */
export interface NearNode {
  kind: 'near';
  left: WordNode;
  right: WordNode;
  distance: number;
}

/** `#tag`, without the '#'. */
export interface HashtagNode {
  kind: 'hashtag';
  tag: string;
}

/** `@handle`, without the '@': written by that author, or naming them. */
export interface HandleNode {
  kind: 'handle';
  handle: string;
}

/** `channel:x`, `author:"Jan Jansen"`; enum values are stored in their canonical (English) form. */
export interface FieldNode {
  kind: 'field';
  field: TextField;
  value: string;
}

/** `after:2026-01-01` (from that moment on) or `before:2026-02-01` (up to, not including). */
export interface DateNode {
  kind: 'date';
  field: DateField;
  /** As written and validated: yyyy-mm-dd, optionally Thh:mm[:ss[.sss]] and Z or ±hh:mm. */
  value: string;
}

/** `reach:>1000`. */
export interface ReachNode {
  kind: 'reach';
  op: Comparison;
  value: number;
}

export interface AndNode {
  kind: 'and';
  children: QueryNode[];
}

export interface OrNode {
  kind: 'or';
  children: QueryNode[];
}

export interface NotNode {
  kind: 'not';
  child: QueryNode;
}

export type QueryNode =
  | TermNode
  | PhraseNode
  | NearNode
  | HashtagNode
  | HandleNode
  | FieldNode
  | DateNode
  | ReachNode
  | AndNode
  | OrNode
  | NotNode;

/** An empty query is valid and matches every mention: its tree is `null`. */
export type Query = QueryNode | null;
