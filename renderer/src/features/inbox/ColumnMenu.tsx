import { ArrowLeft, ArrowRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal';
import { ALWAYS_SHOWN, DEFAULT_COLUMN_STATE, moveColumn, toggleColumn, type ColumnState } from './columnState';

/** Which columns the list shows and in what order; remembered on this device. */
export function ColumnMenu({
  state,
  onChange,
  onClose,
}: {
  state: ColumnState;
  onChange(next: ColumnState): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal title={t('inbox.columnMenu.title')} onClose={onClose}>
      <p className="muted">{t('inbox.columnMenu.help')}</p>
      <ol className="column-menu">
        {state.order.map((id, index) => {
          const column = t(`inbox.columns.${id}`);
          return (
            <li key={id} className="column-menu__item">
              <label className="check-list__item">
                <input
                  type="checkbox"
                  checked={!state.hidden.includes(id)}
                  disabled={id === ALWAYS_SHOWN}
                  onChange={() => onChange(toggleColumn(state, id))}
                />
                {column}
              </label>
              <button
                type="button"
                className="icon-button"
                disabled={index === 0}
                onClick={() => onChange(moveColumn(state, id, -1))}
                aria-label={t('inbox.columnMenu.moveLeft', { column })}
                title={t('inbox.columnMenu.moveLeft', { column })}
              >
                <ArrowLeft aria-hidden="true" size={14} />
              </button>
              <button
                type="button"
                className="icon-button"
                disabled={index === state.order.length - 1}
                onClick={() => onChange(moveColumn(state, id, 1))}
                aria-label={t('inbox.columnMenu.moveRight', { column })}
                title={t('inbox.columnMenu.moveRight', { column })}
              >
                <ArrowRight aria-hidden="true" size={14} />
              </button>
            </li>
          );
        })}
      </ol>
      <div className="modal__actions">
        <button type="button" className="button" onClick={() => onChange(DEFAULT_COLUMN_STATE)}>
          {t('inbox.columnMenu.reset')}
        </button>
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          {t('inbox.columnMenu.done')}
        </button>
      </div>
    </Modal>
  );
}
