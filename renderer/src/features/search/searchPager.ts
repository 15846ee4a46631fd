import { call } from '../../api/client';
import { MentionPager } from '../inbox/mentionPager';

export type SearchSort = 'newest' | 'relevance';

/** The search the inbox shows: what was run with Enter, not what is being typed. */
export interface AppliedSearch {
  query: string;
  sort: SearchSort;
}

export interface SearchMeta {
  /** The total was scaled up from a sample (a very broad query over a large workspace). */
  totalIsEstimate: boolean;
  /** Relevance ranked only this many newest matches; null when all were ranked. */
  rankedWithin: number | null;
}

/**
 * The inbox's pager over search results: the same virtualised paging and snapshot as the plain inbox,
 * with pages read through the query language.
 */
export function createSearchPager(search: AppliedSearch, onMeta: (meta: SearchMeta) => void): MentionPager {
  return new MentionPager(async (offset, limit, maxId) => {
    const found = await call('mentions.search', { query: search.query, sort: search.sort, offset, limit, maxId });
    if (offset === 0) onMeta({ totalIsEstimate: found.totalIsEstimate, rankedWithin: found.rankedWithin });
    return { total: found.total, rows: found.mentions, maxId: found.maxId };
  });
}
