import { useCallback, useEffect, useState } from 'react';
import type { ReplyListRow, ReplyState } from '../../../../shared/api/replies';
import { ApiError, call, subscribe } from '../../api/client';

export type ReplyListLoad =
  { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; total: number; rows: ReplyListRow[] };

/** Replies in some states, newest first, read again whenever any reply moves state. */
export function useReplyList(states: readonly ReplyState[]): { load: ReplyListLoad; reload(): void } {
  const [load, setLoad] = useState<ReplyListLoad>({ state: 'loading' });
  const key = states.join(',');
  const reload = useCallback(() => {
    call('replies.list', { state: key.split(',') as ReplyState[], limit: 200 })
      .then((page) => setLoad({ state: 'ready', total: page.total, rows: page.rows }))
      .catch((error: unknown) =>
        setLoad({ state: 'failed', message: error instanceof ApiError ? error.message : String(error) }),
      );
  }, [key]);
  useEffect(() => {
    reload();
    return subscribe('replies.changed', reload);
  }, [reload]);
  return { load, reload };
}

/** How many replies wait in each tab of the replies page, kept current. */
export function useReplyCounts(groups: Record<string, readonly ReplyState[]>): Record<string, number | null> {
  const [counts, setCounts] = useState<Record<string, number | null>>({});
  const key = JSON.stringify(groups);
  useEffect(() => {
    const parsed = JSON.parse(key) as Record<string, ReplyState[]>;
    const read = () => {
      for (const [name, states] of Object.entries(parsed)) {
        call('replies.list', { state: states, limit: 1 })
          .then((page) => setCounts((old) => ({ ...old, [name]: page.total })))
          .catch(() => setCounts((old) => ({ ...old, [name]: null })));
      }
    };
    read();
    return subscribe('replies.changed', read);
  }, [key]);
  return counts;
}
