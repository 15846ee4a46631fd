import { useSyncExternalStore } from 'react';

export const PAGES = ['inbox', 'replies', 'trends', 'alerts', 'wall', 'reports', 'import', 'settings'] as const;
export type PageId = (typeof PAGES)[number];

/**
 * Hash routes (`#/trends`) work the same from the host's URL and from a file:// page in Electron.
 * A page may have sections: `#/settings/sources`, `#/import/rejected`.
 */
export function pageFromHash(hash: string): PageId {
  const name = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (PAGES as readonly string[]).includes(name) ? (name as PageId) : 'inbox';
}

/** The section within the page (`sources` in `#/settings/sources`), or null for the page itself. */
export function sectionFromHash(hash: string): string | null {
  return hash.replace(/^#\/?/, '').split('/')[1] || null;
}

export function hrefFor(page: PageId, section?: string): string {
  return section ? `#/${page}/${section}` : `#/${page}`;
}

function subscribeToHash(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useCurrentPage(): PageId {
  return useSyncExternalStore(subscribeToHash, () => pageFromHash(window.location.hash));
}

export function useCurrentSection(): string | null {
  return useSyncExternalStore(subscribeToHash, () => sectionFromHash(window.location.hash));
}

export function goTo(page: PageId, section?: string): void {
  window.location.hash = hrefFor(page, section);
}
