import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionStatus } from '../../../../shared/domain/mention';
import { MENTION_STATUSES } from '../../../../shared/domain/values';
import { call } from '../../api/client';
import { Modal } from '../../components/Modal';
import { StatusLabel } from '../../components/MentionLabels';
import { useOperator } from '../../stores/operator';
import { OperatorAvatar } from '../operators/OperatorAvatar';
import { loadOperators, useOperators } from '../operators/operatorsStore';

/**
 * Marks the choice that has focus when the dialog opens. The native dialog's showModal() (after React's
 * own autoFocus has run) focuses the element carrying the `autofocus` attribute, else the first button.
 */
function focusFirst(element: HTMLElement | null): void {
  element?.setAttribute('autofocus', '');
}

/**
 * Arrow keys (and j/k, Home/End) move between the choices of a list of buttons, so a choice is two keys
 * away without Tab; Enter picks the focused one.
 */
function moveBetweenChoices(event: KeyboardEvent<HTMLUListElement>): void {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const step: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };
  let next: number;
  if (event.key in step) next = at < 0 ? 0 : (at + (step[event.key] as number) + buttons.length) % buttons.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = buttons.length - 1;
  else return;
  event.preventDefault();
  buttons[next]?.focus();
}

/** `a`: whom to assign to; the operator at the desk first, then colleagues, then nobody. */
export function AssignDialog({ onPick, onClose }: { onPick(assignee: string | null): void; onClose(): void }) {
  const { t } = useTranslation();
  const me = useOperator();
  const profiles = useOperators((state) => state.profiles) ?? [];
  useEffect(() => {
    void loadOperators().catch(() => undefined);
  }, []);
  const others = profiles.filter((profile) => profile.name !== me?.name);
  return (
    <Modal title={t('inbox.actions.assignTitle')} onClose={onClose}>
      <ul className="choice-list" onKeyDown={moveBetweenChoices}>
        {me && (
          <li>
            <button type="button" className="choice choice-list__item" ref={focusFirst} onClick={() => onPick(me.name)}>
              <OperatorAvatar name={me.name} size="sm" decorative />
              {t('inbox.actions.assignToMe')}
            </button>
          </li>
        )}
        {others.map((profile) => (
          <li key={profile.id}>
            <button type="button" className="choice choice-list__item" onClick={() => onPick(profile.name)}>
              <OperatorAvatar name={profile.name} size="sm" decorative />
              {profile.name}
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="choice choice-list__item"
            ref={me ? undefined : focusFirst}
            onClick={() => onPick(null)}
          >
            {t('inbox.actions.nobody')}
          </button>
        </li>
      </ul>
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('inbox.actions.cancel')}
        </button>
      </div>
    </Modal>
  );
}

/** `s`: the status workflow new → open → waiting → resolved, plus archived and spam. */
export function StatusDialog({
  current,
  onPick,
  onClose,
}: {
  current: MentionStatus | null;
  onPick(status: MentionStatus): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal title={t('inbox.actions.statusTitle')} onClose={onClose}>
      <ul className="choice-list" onKeyDown={moveBetweenChoices}>
        {MENTION_STATUSES.map((status, index) => (
          <li key={status}>
            <button
              type="button"
              className="choice choice-list__item"
              aria-current={status === current ? 'true' : undefined}
              ref={(current ? status === current : index === 0) ? focusFirst : undefined}
              onClick={() => onPick(status)}
            >
              <StatusLabel status={status} />
            </button>
          </li>
        ))}
      </ul>
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('inbox.actions.cancel')}
        </button>
      </div>
    </Modal>
  );
}

/** `#`: a tag to add, typed or picked from the tags in use. */
export function TagDialog({ onPick, onClose }: { onPick(tag: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [tag, setTag] = useState('');
  const [known, setKnown] = useState<string[]>([]);
  useEffect(() => {
    void call('inbox.tags', {})
      .then((tags) => setKnown(tags.map((entry) => entry.tag)))
      .catch(() => undefined);
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (tag.trim()) onPick(tag.trim());
  };
  return (
    <Modal title={t('inbox.actions.tagTitle')} onClose={onClose}>
      <form onSubmit={submit} className="tag-form">
        <label className="field">
          <span className="field__label">{t('inbox.actions.tagLabel')}</span>
          <input
            className="input"
            autoFocus
            list={`${id}-tags`}
            maxLength={40}
            value={tag}
            placeholder={t('inbox.actions.tagPlaceholder')}
            onChange={(event) => setTag(event.target.value)}
          />
          <span className="field__help">{t('inbox.actions.tagHelp')}</span>
        </label>
        <datalist id={`${id}-tags`}>
          {known.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
        {known.length > 0 && (
          <ul className="tag-list" aria-label={t('detail.tags')}>
            {known.slice(0, 12).map((value) => (
              <li key={value}>
                <button type="button" className="chip tag tag--button" onClick={() => onPick(value)}>
                  {value}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('inbox.actions.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!tag.trim()}>
            {t('inbox.actions.tagAdd')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
