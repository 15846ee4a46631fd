/**
 * Whether the inbox is waiting for a new list's first page before it renders the change (see InboxPage's
 * LIST_WAIT_MS). The table alone follows it: its rows are stale meanwhile (aria-busy, clicks ignored), while the
 * page renders nothing until the new list can show.
 */
let changing = false;
const listeners = new Set<() => void>();

export function setListChanging(next: boolean): void {
  if (changing === next) return;
  changing = next;
  for (const listener of listeners) listener();
}

export function isListChanging(): boolean {
  return changing;
}

export function subscribeListChanging(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
