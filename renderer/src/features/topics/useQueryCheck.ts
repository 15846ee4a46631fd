import { useEffect, useState } from 'react';
import { call } from '../../api/client';

export type QueryCheck =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'matches'; total: number; estimate: boolean }
  | { state: 'failed'; message: string };

type Answer = Exclude<QueryCheck, { state: 'idle' } | { state: 'checking' }>;

/** How many mentions a (valid) query matches now, asked a moment after the operator stops typing. */
export function useQueryCheck(query: string, valid: boolean, delayMs = 300): QueryCheck {
  const [answer, setAnswer] = useState<{ query: string; check: Answer } | null>(null);
  const asked = valid && query.trim() !== '';
  useEffect(() => {
    if (!asked) return;
    let current = true;
    const timer = setTimeout(() => {
      call('mentions.search', { query, limit: 1 })
        .then((found) => {
          if (current)
            setAnswer({ query, check: { state: 'matches', total: found.total, estimate: found.totalIsEstimate } });
        })
        .catch((error: unknown) => {
          if (current) setAnswer({ query, check: { state: 'failed', message: String((error as Error).message) } });
        });
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, asked, delayMs]);
  if (!asked) return { state: 'idle' };
  return answer?.query === query ? answer.check : { state: 'checking' };
}
