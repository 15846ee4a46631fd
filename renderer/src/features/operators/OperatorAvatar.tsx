import { useOperators } from './operatorsStore';
import { initialsOf } from '../../stores/operator';
import './operators.css';

/** For a name without a profile: a grey that keeps white initials readable (contrast ≥ 4.5:1). */
const UNKNOWN_COLOUR = '#5b6472';

/**
 * An operator's initials on their colour. The name is the tooltip and, for screen readers, the text;
 * an operator without a profile (an old name in the log) gets neutral grey.
 */
export function OperatorAvatar({
  name,
  size = 'md',
  decorative = false,
}: {
  name: string;
  size?: 'sm' | 'md';
  /** Beside the written name: hidden from screen readers, so the name is not read twice. */
  decorative?: boolean;
}) {
  const profile = useOperators((state) => state.profiles?.find((p) => p.name.toLowerCase() === name.toLowerCase()));
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ ['--avatar-colour' as string]: profile?.colour ?? UNKNOWN_COLOUR }}
      title={name}
      aria-hidden={decorative || undefined}
    >
      <span aria-hidden="true">{profile?.initials ?? initialsOf(name)}</span>
      {!decorative && <span className="visually-hidden">{name}</span>}
    </span>
  );
}
