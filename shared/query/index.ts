/** The one query language: search bar, topics, alerts and reports all read queries through here. */
export type * from './ast';
export { parseQuery, type ParseResult } from './parser';
export { printQuery } from './print';
export { highlightQuery, type HighlightKind, type HighlightSpan } from './highlight';
export {
  compileQuery,
  toWhere,
  type CompiledQuery,
  type CompileOptions,
  type Membership,
  type SqlFragment,
} from './compile';
export type { QuerySyntaxError, QueryErrorCode } from './errors';
