import { useOperators } from './operatorsStore';
import { initialsOf } from '../../stores/operator';
import './operators.css';

/**
 * An operator's initials on their colour. The name is the tooltip and, for screen readers, the text;
 * an operator without a profile (an old name in the log) gets neutral grey.
 */
export function OperatorAvatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' }) {
  const profile = useOperators((state) => state.profiles?.find((p) => p.name.toLowerCase() === name.toLowerCase()));
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ ['--avatar-colour' as string]: profile?.colour ?? 'var(--text-faint)' }}
      title={name}
    >
      <span aria-hidden="true">{profile?.initials ?? initialsOf(name)}</span>
      <span className="visually-hidden">{name}</span>
    </span>
  );
}
