import { useEffect } from 'react';
import { subscribe } from '../../api/client';
import type { MentionPager } from '../inbox/mentionPager';

/**
 * Rows on screen follow changes made to them: a sentiment correction (here or in another window)
 * and the end of a re-tag or re-score job re-read the loaded pages in place.
 */
export function useRowRefresh(pager: MentionPager): void {
  useEffect(() => {
    const stop = [
      subscribe('mentions.changed', () => pager.refresh()),
      subscribe('job.finished', (job) => {
        if (job.kind === 'retag' || job.kind === 'rescore') pager.refresh();
      }),
    ];
    return () => stop.forEach((unsubscribe) => unsubscribe());
  }, [pager]);
}
