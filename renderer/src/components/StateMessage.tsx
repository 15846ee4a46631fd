import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

interface StateMessageProps {
  icon: LucideIcon;
  title: string;
  children?: ReactNode;
  /** `loading` is announced politely, `error` at once; `empty` is just content. */
  kind: 'empty' | 'loading' | 'error';
}

const ROLES = { empty: undefined, loading: 'status', error: 'alert' } as const;

/** The designed empty, loading and error states: what happened, and what to do next. */
export function StateMessage({ icon: Icon, title, children, kind }: StateMessageProps) {
  return (
    <div className={`state-message state-message--${kind}`} role={ROLES[kind]}>
      <div className="state-message__icon" aria-hidden="true">
        <Icon size={28} strokeWidth={1.75} />
      </div>
      <h2 className="state-message__title">{title}</h2>
      {children}
    </div>
  );
}
