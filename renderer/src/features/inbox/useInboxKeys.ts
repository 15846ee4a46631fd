import { useEffect, useRef } from 'react';

interface InboxKeys {
  enabled: boolean;
  move(step: number): void;
  open(): void;
  close(): void;
}

/** Where typing means text, not a shortcut. */
function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/**
 * Keyboard-first inbox: j/k or the arrow keys move the selection, Enter opens it, Escape closes the
 * detail. Listens on the window so the keys keep working after the focused row scrolls out of view.
 */
export function useInboxKeys(keys: InboxKeys): void {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { enabled, move, open, close } = latest.current;
      if (!enabled || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTextEntry(event.target)) return;
      const onControl = event.target instanceof HTMLElement && event.target.closest('a, button') !== null;
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          if (onControl && event.key === 'ArrowDown') return;
          move(1);
          break;
        case 'k':
        case 'ArrowUp':
          if (onControl && event.key === 'ArrowUp') return;
          move(-1);
          break;
        case 'Enter':
          if (onControl) return;
          open();
          break;
        case 'Escape':
          close();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
