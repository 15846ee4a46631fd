import { useCallback, useEffect, useState } from 'react';
import { ApiError, onConnection, subscribe } from './client';

export type MentionRead<T> = { id: number; value: T } | { id: number; error: ApiError } | null;

/**
 * What `read` gives for one mention, read again when that mention changes (here, in another window, at another
 * desk) or `reloads` moves on; null until the first answer for this id. `read` must keep its identity between
 * renders (define it outside the component), or it is read on every render. `replace` shows a newer value at once,
 * such as the one a correction returns.
 */
export function useMentionRead<T>(
  id: number,
  read: (id: number) => Promise<T>,
  method: string,
  reloads = 0,
): [MentionRead<T>, (value: T) => void] {
  const [state, setState] = useState<MentionRead<T>>(null);
  useEffect(() => {
    let current = true;
    // Reads can overlap (a change arrives while the first read is out); only the latest one's answer is shown,
    // so an older answer arriving late cannot replace a newer one.
    let latest = 0;
    const load = () => {
      const mine = ++latest;
      const isLatest = () => current && mine === latest;
      read(id)
        .then((value) => isLatest() && setState({ id, value }))
        .catch((error: unknown) => {
          if (!isLatest()) return;
          setState({ id, error: error instanceof ApiError ? error : new ApiError('internal', String(error), method) });
        });
    };
    load();
    const stop = subscribe('mentions.changed', (changed) => changed.ids.includes(id) && load());
    // Changes made while the live connection was down were not heard: read again once it is back.
    let connection: string | null = null;
    const stopConnection = onConnection((next) => {
      if (next === 'open' && connection === 'reconnecting') load();
      connection = next;
    });
    return () => {
      current = false;
      stop();
      stopConnection();
    };
  }, [id, read, method, reloads]);
  const replace = useCallback((value: T) => setState({ id, value }), [id]);
  return [state?.id === id ? state : null, replace];
}
