import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal';

/** Every inbox shortcut, grouped; the same list the key handler follows. */
export const SHORTCUTS = {
  move: [
    { keys: ['j', 'k'], what: 'move' },
    { keys: ['Enter'], what: 'open' },
    { keys: ['Esc'], what: 'close' },
    { keys: ['x'], what: 'select' },
  ],
  act: [
    { keys: ['r'], what: 'reply' },
    { keys: ['e'], what: 'resolve' },
    { keys: ['a'], what: 'assign' },
    { keys: ['#'], what: 'tag' },
    { keys: ['s'], what: 'status' },
    { keys: ['!'], what: 'spam' },
    { keys: ['u'], what: 'undo' },
    { keys: ['U'], what: 'undoOne' },
  ],
  other: [
    { keys: ['/'], what: 'search' },
    { keys: ['n'], what: 'newMentions' },
    { keys: ['?'], what: 'help' },
  ],
} as const;

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('inbox.shortcuts.title')} onClose={onClose}>
      <div className="shortcuts">
        {(Object.keys(SHORTCUTS) as (keyof typeof SHORTCUTS)[]).map((group) => (
          <section key={group} className="shortcuts__group" aria-labelledby={`shortcuts-${group}`}>
            <h3 id={`shortcuts-${group}`} className="shortcuts__title">
              {t(`inbox.shortcuts.groups.${group}`)}
            </h3>
            <dl className="shortcuts__list">
              {SHORTCUTS[group].map((shortcut) => (
                <div key={shortcut.what} className="shortcuts__item">
                  <dt>
                    {shortcut.keys.map((key) => (
                      <kbd key={key}>{key}</kbd>
                    ))}
                  </dt>
                  <dd>{t(`inbox.shortcuts.keys.${shortcut.what}`)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="modal__actions">
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          {t('inbox.shortcuts.close')}
        </button>
      </div>
    </Modal>
  );
}

/** A shortcut's key shown beside the button that does the same; decoration only, the button has the name. */
export function KeyHint({ keyName }: { keyName: string }) {
  return <kbd aria-hidden="true">{keyName}</kbd>;
}
