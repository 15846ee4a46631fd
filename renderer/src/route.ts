import { useSyncExternalStore } from 'react';

export const PAGES = ['inbox', 'trends', 'alerts', 'wall', 'reports', 'settings'] as const;
export type PageId = (typeof PAGES)[number];

/** Hash routes (`#/trends`) work the same from the host's URL and from a file:// page in Electron. */
export function pageFromHash(hash: string): PageId {
  const name = hash.replace(/^#\/?/, '');
  return (PAGES as readonly string[]).includes(name) ? (name as PageId) : 'inbox';
}

export function hrefFor(page: PageId): string {
  return `#/${page}`;
}

function subscribeToHash(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useCurrentPage(): PageId {
  return useSyncExternalStore(subscribeToHash, () => pageFromHash(window.location.hash));
}

export function goTo(page: PageId): void {
  window.location.hash = hrefFor(page);
}
