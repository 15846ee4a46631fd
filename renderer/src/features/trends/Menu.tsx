import type { MouseEvent, ReactNode } from 'react';
import { useDismissible } from './useDismissible';

/** A small pop-up menu behind an icon button: closes on a choice, a press outside it, or Escape. */
export function Menu({
  label,
  title,
  icon,
  children,
}: {
  label: string;
  title: string;
  icon: ReactNode;
  children: ReactNode;
}) {
  const ref = useDismissible();
  return (
    <details ref={ref} className="menu">
      <summary className="icon-button" aria-label={label} title={title}>
        {icon}
      </summary>
      <div className="menu__list">{children}</div>
    </details>
  );
}

/** A menu item's click handler: the item acts, then its menu closes (a `<details>` stays open by itself). */
export function menuItem(action: () => void) {
  return (event: MouseEvent<HTMLButtonElement>) => {
    const details = event.currentTarget.closest('details');
    if (details) details.open = false;
    action();
  };
}
