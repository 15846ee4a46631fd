import { useEffect } from 'react';
import { create } from 'zustand';
import type { ViewWithCount } from '../../../../shared/api/inbox';
import { call, subscribe } from '../../api/client';
import { currentOperatorName, useOperator } from '../../stores/operator';

interface ViewsState {
  views: ViewWithCount[];
  loaded: boolean;
}

/** The sidebar's saved views and topic views with their counts. */
export const useInboxViews = create<ViewsState>(() => ({ views: [], loaded: false }));

/** Counts follow the store, but a busy import must not make the sidebar count all the time. */
const REFRESH_GAP_MS = 5_000;
let timer: ReturnType<typeof setTimeout> | null = null;

export async function refreshViews(): Promise<void> {
  try {
    const views = await call('inbox.views', { operator: currentOperatorName() });
    useInboxViews.setState({ views, loaded: true });
  } catch {
    useInboxViews.setState({ loaded: true });
  }
}

function refreshSoon(): void {
  timer ??= setTimeout(() => {
    timer = null;
    void refreshViews();
  }, REFRESH_GAP_MS);
}

/** Keeps the views and their counts current while the sidebar shows them. */
export function useViewsFeed(): void {
  const operator = useOperator()?.name;
  useEffect(() => {
    void refreshViews();
    const stop = [
      subscribe('mentions.added', refreshSoon),
      subscribe('mentions.changed', refreshSoon),
      subscribe('topics.changed', refreshSoon),
    ];
    return () => stop.forEach((unsubscribe) => unsubscribe());
  }, [operator]);
}
