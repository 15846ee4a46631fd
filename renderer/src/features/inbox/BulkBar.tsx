import { Ban, CheckCheck, CircleDot, Tag, UserPlus, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { KeyHint } from './ShortcutsDialog';
import { useFormat } from '../../i18n/format';

/** The selection's actions, floating over the list while mentions are selected with x. */
export function BulkBar({
  count,
  onResolve,
  onAssign,
  onStatus,
  onTag,
  onSpam,
  onClear,
}: {
  count: number;
  onResolve(): void;
  onAssign(): void;
  onStatus(): void;
  onTag(): void;
  onSpam(): void;
  onClear(): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (count === 0) return null;
  const button = (label: string, key: string, icon: React.ReactNode, onClick: () => void) => (
    <button type="button" className="bulk-bar__button" onClick={onClick}>
      {icon}
      {label}
      <KeyHint keyName={key} />
    </button>
  );
  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('inbox.actions.label')}>
      <span className="bulk-bar__count numeric">
        {t('inbox.actions.selected', { count, formatted: fmt.number(count) })}
      </span>
      {button(t('inbox.actions.resolve'), 'e', <CheckCheck aria-hidden="true" size={14} />, onResolve)}
      {button(t('inbox.actions.assign'), 'a', <UserPlus aria-hidden="true" size={14} />, onAssign)}
      {button(t('inbox.actions.status'), 's', <CircleDot aria-hidden="true" size={14} />, onStatus)}
      {button(t('inbox.actions.tag'), '#', <Tag aria-hidden="true" size={14} />, onTag)}
      {button(t('inbox.actions.spam'), '!', <Ban aria-hidden="true" size={14} />, onSpam)}
      <button
        type="button"
        className="icon-button"
        onClick={onClear}
        aria-label={t('inbox.actions.clearSelection')}
        title={t('inbox.actions.clearSelection')}
      >
        <X aria-hidden="true" size={14} />
      </button>
    </div>
  );
}
