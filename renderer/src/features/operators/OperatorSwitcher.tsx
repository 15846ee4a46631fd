import { UserRound } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal';
import { useOperator, useOperatorStore } from '../../stores/operator';
import { OperatorAvatar } from './OperatorAvatar';
import { OperatorPicker } from './OperatorPicker';

/** The desk's operator in the page header; a click (or Enter) lets the next person take over. */
export function OperatorSwitcher() {
  const { t } = useTranslation();
  const operator = useOperator();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--quiet operator-switcher"
        onClick={() => setOpen(true)}
        title={t('operators.switch')}
      >
        <span aria-hidden="true" className="operator-switcher__avatar">
          {operator ? <OperatorAvatar name={operator.name} size="sm" /> : <UserRound size={16} />}
        </span>
        <span className="operator-switcher__name">
          {operator ? (
            <>
              <span className="visually-hidden">{t('operators.atDesk')}</span>
              {operator.name}
            </>
          ) : (
            t('operators.nobody')
          )}
        </span>
      </button>
      {open && (
        <Modal title={t('operators.menuTitle')} onClose={() => setOpen(false)}>
          <OperatorPicker onDone={() => setOpen(false)} />
          <div className="modal__actions">
            {operator && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  useOperatorStore.getState().leave();
                  setOpen(false);
                }}
              >
                {t('operators.nobody')}
              </button>
            )}
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('operators.cancel')}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
