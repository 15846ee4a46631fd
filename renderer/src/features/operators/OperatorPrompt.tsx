import { UserRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { OperatorPicker } from './OperatorPicker';

/** First start: asks who is at the desk, in place of the empty detail pane, without blocking the inbox. */
export function OperatorPrompt() {
  const { t } = useTranslation();
  return (
    <section className="operator-prompt" aria-labelledby="operator-prompt-title">
      <div className="operator-prompt__icon" aria-hidden="true">
        <UserRound size={22} />
      </div>
      <h2 id="operator-prompt-title" className="operator-prompt__title">
        {t('operators.title')}
      </h2>
      <p className="operator-prompt__body">{t('operators.body')}</p>
      <OperatorPicker />
    </section>
  );
}
