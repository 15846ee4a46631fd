import { ChevronDown } from 'lucide-react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A filter's button and its panel of choices. The panel opens under the button, takes focus, and closes
 * with Escape (focus back on the button), a click elsewhere, or Tab out of it.
 */
export function FilterMenu({
  label,
  active,
  children,
}: {
  /** The button's text and the panel's accessible name. */
  label: string;
  active: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('input, button, select')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  return (
    <div
      className="filter-menu"
      ref={wrapper}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          event.preventDefault();
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (open && !wrapper.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={`filter-button${active ? ' filter-button--active' : ''}`}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
      >
        {label}
        <ChevronDown aria-hidden="true" size={14} />
      </button>
      {open && (
        <div ref={panel} id={id} className="filter-menu__panel" role="group" aria-label={label}>
          {children}
        </div>
      )}
    </div>
  );
}

/** Checkboxes for a filter that takes several values (OR between them). */
export function CheckList<V extends string | number>({
  options,
  chosen,
  onChange,
}: {
  options: { value: V; label: ReactNode }[];
  chosen: readonly V[];
  onChange(next: V[]): void;
}) {
  return (
    <ul className="check-list">
      {options.map((option) => (
        <li key={option.value}>
          <label className="check-list__item">
            <input
              type="checkbox"
              checked={chosen.includes(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...chosen, option.value] : chosen.filter((value) => value !== option.value),
                )
              }
            />
            {option.label}
          </label>
        </li>
      ))}
    </ul>
  );
}
