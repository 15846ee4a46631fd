import { CircleAlert, CircleCheck, CirclePause, Clock, LoaderCircle, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { LiveSource } from '../../../../shared/api/sources';

type Shown = 'ok' | 'backing_off' | 'failing' | 'paused' | 'checking';

const ICONS: Record<Shown, LucideIcon> = {
  ok: CircleCheck,
  backing_off: Clock,
  failing: CircleAlert,
  paused: CirclePause,
  checking: LoaderCircle,
};

function shownHealth(source: LiveSource, checking: boolean): Shown {
  if (checking || source.checking) return 'checking';
  if (source.paused) return 'paused';
  return source.health;
}

/** Colour, icon and a word: a failing source reads as failing without colour too. */
export function HealthBadge({ source, checking = false }: { source: LiveSource; checking?: boolean }) {
  const { t } = useTranslation();
  const shown = shownHealth(source, checking);
  const Icon = ICONS[shown];
  return (
    <span className={`health health--${shown}`}>
      <Icon aria-hidden="true" size={14} strokeWidth={2} />
      <span>{t(`sources.health.${shown}`)}</span>
    </span>
  );
}
