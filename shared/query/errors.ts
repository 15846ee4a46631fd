/** Why a query could not be read; `code` lets the UI translate, `message` is the English sentence. */
export type QueryErrorCode =
  | 'unclosed_phrase'
  | 'no_words'
  | 'misplaced_star'
  | 'unknown_field'
  | 'missing_value'
  | 'invalid_value'
  | 'invalid_hashtag'
  | 'invalid_handle'
  | 'invalid_near'
  | 'expected_term'
  | 'unclosed_paren'
  | 'unexpected_paren';

export interface QuerySyntaxError {
  /** 1-based column (UTF-16 code units, as a text input counts them) where the mistake is. */
  column: number;
  /** How many characters to underline from `column` (at least 1; at the end of the query it marks the gap). */
  length: number;
  code: QueryErrorCode;
  /** "column 14: expected a term after AND" */
  message: string;
}

/** A mistake found while reading, positioned by 0-based offsets [from, to). */
export interface Mistake {
  from: number;
  to: number;
  code: QueryErrorCode;
  detail: string;
}

export function toSyntaxError(mistake: Mistake): QuerySyntaxError {
  const column = mistake.from + 1;
  return {
    column,
    length: Math.max(1, mistake.to - mistake.from),
    code: mistake.code,
    message: `column ${column}: ${mistake.detail}`,
  };
}
