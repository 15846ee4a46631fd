import { useEffect, useRef } from 'react';

/** What the inbox does for each shortcut (see ShortcutsDialog for the list the operator sees). */
export interface InboxKeys {
  enabled: boolean;
  move(step: number): void;
  open(): void;
  close(): void;
  select(): void;
  reply(): void;
  resolve(): void;
  assign(): void;
  tag(): void;
  status(): void;
  spam(): void;
  undo(): void;
  undoOne(): void;
  showNew(): void;
  help(): void;
}

const TEXT_ENTRY = 'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]), textarea, select';

/** Where typing means text, not a shortcut. */
function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest(TEXT_ENTRY) !== null);
}

const ACTIONS: Record<string, Exclude<keyof InboxKeys, 'enabled' | 'move'>> = {
  Enter: 'open',
  o: 'open',
  Escape: 'close',
  x: 'select',
  r: 'reply',
  e: 'resolve',
  a: 'assign',
  '#': 'tag',
  s: 'status',
  '!': 'spam',
  u: 'undo',
  U: 'undoOne',
  n: 'showNew',
  '?': 'help',
};

/**
 * Keyboard-first inbox (j/k move, Enter open, x select, r reply, e resolve, a assign, # tag, s status,
 * ! spam, u undo, U undo for the current row only, n new, ? help). Listens on the window so the keys keep working after the focused row
 * scrolls out of view; silent while a dialog is open or the operator types.
 */
export function useInboxKeys(keys: InboxKeys): void {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const handlers = latest.current;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTextEntry(event.target) || document.querySelector('dialog[open]')) return;
      if (event.key === '?') {
        handlers.help();
        event.preventDefault();
        return;
      }
      if (!handlers.enabled) return;
      const onControl = event.target instanceof HTMLElement && event.target.closest('a, button, summary') !== null;
      if (event.key === 'j' || (event.key === 'ArrowDown' && !onControl)) handlers.move(1);
      else if (event.key === 'k' || (event.key === 'ArrowUp' && !onControl)) handlers.move(-1);
      else {
        const action = ACTIONS[event.key];
        // Enter and Escape on a button belong to the button.
        if (!action || ((event.key === 'Enter' || event.key === 'x') && onControl)) return;
        handlers[action]();
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
