import { useState } from 'react';

/**
 * A control's value while the page has yet to render what was picked: the page shows a sort or filter change
 * only once its list's first page has come (see InboxPage's LIST_WAIT_MS), and a controlled select or checkbox
 * would go back to the value shown meanwhile. Returns the value to show (the one asked for, as long as the page
 * still shows the value it was asked from) and `ask`, to call with each pick.
 */
export function useAsked<T>(shown: T): [T, (next: T) => void] {
  const [asked, setAsked] = useState<{ from: T; to: T } | null>(null);
  const value = asked !== null && asked.from === shown ? asked.to : shown;
  return [value, (next: T) => setAsked({ from: shown, to: next })];
}
