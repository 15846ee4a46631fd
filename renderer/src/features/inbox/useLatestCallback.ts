import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * One function across renders that always calls the latest `callback`: a memoised child given it (a filter
 * bar, the sort control) renders again only when its other props change, not with every render of the page.
 * Not for calls during render (the latest callback is set at commit).
 */
export function useLatestCallback<A extends unknown[], R>(callback: (...args: A) => R): (...args: A) => R {
  const latest = useRef(callback);
  useLayoutEffect(() => {
    latest.current = callback;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
