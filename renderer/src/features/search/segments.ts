import type { HighlightKind } from '../../../../shared/query';
import { highlightQuery, parseQuery, type QuerySyntaxError } from '../../../../shared/query';

/** A stretch of the query as the search bar paints it: its colour, and whether the mistake is under it. */
export interface QuerySegment {
  text: string;
  kind: HighlightKind | 'space';
  mistake: boolean;
}

export interface QueryReading {
  segments: QuerySegment[];
  error: QuerySyntaxError | null;
}

/**
 * Cuts the query into coloured stretches for the mirror behind the input. A mistake at the very end
 * (a missing term after AND) has no character to underline: it gets a space of its own.
 */
export function readQuery(query: string): QueryReading {
  const parsed = parseQuery(query);
  const error = parsed.ok ? null : parsed.error;
  const mistakeFrom = error ? error.column - 1 : -1;
  const mistakeTo = error ? mistakeFrom + error.length : -1;
  const kinds: (HighlightKind | 'space')[] = Array.from({ length: query.length }, () => 'space');
  for (const span of highlightQuery(query)) kinds.fill(span.kind, span.from, Math.min(span.to, query.length));
  const segments: QuerySegment[] = [];
  for (let i = 0; i < query.length; i++) {
    const kind = kinds[i] ?? 'space';
    const mistake = i >= mistakeFrom && i < mistakeTo;
    const last = segments[segments.length - 1];
    if (last && last.kind === kind && last.mistake === mistake) last.text += query[i];
    else segments.push({ text: query[i] ?? '', kind, mistake });
  }
  if (error && mistakeFrom >= query.length) segments.push({ text: ' ', kind: 'space', mistake: true });
  return { segments, error };
}
