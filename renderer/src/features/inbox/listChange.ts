import { create } from 'zustand';

/**
 * Whether the inbox is waiting for a new list's first page before it renders the change (see InboxPage's
 * LIST_WAIT_MS). The table alone follows it: its rows are stale meanwhile (aria-busy, clicks ignored), while the
 * page renders nothing until the new list can show.
 */
export const useListChanging = create<{ changing: boolean }>(() => ({ changing: false }));

export function setListChanging(changing: boolean): void {
  useListChanging.setState({ changing });
}
