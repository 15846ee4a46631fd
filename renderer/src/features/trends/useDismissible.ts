import { useEffect, useRef, type RefObject } from 'react';

/**
 * Makes a `<details>` menu behave like a pop-up: while it is open, a press anywhere outside it or the
 * Escape key closes it (Escape also puts focus back on its summary, and is not seen as closing anything else). A `<details>` stays open by itself
 * otherwise. The listeners exist only while the menu is open.
 */
export function useDismissible(): RefObject<HTMLDetailsElement | null> {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!details.contains(event.target as Node)) details.open = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Handled here: whatever else listens for Escape (the drill drawer) leaves it alone.
      event.preventDefault();
      const hadFocus = details.contains(document.activeElement);
      details.open = false;
      if (hadFocus) details.querySelector('summary')?.focus();
    };
    const listen = (on: boolean) => {
      if (on) {
        document.addEventListener('pointerdown', onPointerDown, true);
        document.addEventListener('keydown', onKeyDown, true);
      } else {
        document.removeEventListener('pointerdown', onPointerDown, true);
        document.removeEventListener('keydown', onKeyDown, true);
      }
    };
    const onToggle = () => listen(details.open);
    details.addEventListener('toggle', onToggle);
    return () => {
      details.removeEventListener('toggle', onToggle);
      listen(false);
    };
  }, []);
  return ref;
}
