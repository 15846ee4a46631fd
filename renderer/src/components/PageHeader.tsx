import { useEffect, useRef, type ReactNode } from 'react';

/** Every page starts with its title; it takes focus on arrival so screen readers announce the new page. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement?.closest('.sidebar')) {
      heading.current?.focus({ preventScroll: true });
    }
  }, []);
  return (
    <header className="page-header">
      <h1 ref={heading} tabIndex={-1} className="page-header__title">
        {title}
      </h1>
      {children}
    </header>
  );
}
