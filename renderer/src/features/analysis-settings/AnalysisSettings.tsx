import { RefreshCw } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdaptiveStatus } from '../../../../shared/api/analysis';
import { ApiError, call, subscribe } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { LexiconSection } from './LexiconSection';
import { useOperator } from './operator';
import './analysis.css';

function OperatorSection() {
  const { t } = useTranslation();
  const { operator, setOperator } = useOperator();
  const [name, setName] = useState(operator);
  return (
    <section className="settings-section" aria-labelledby="settings-operator">
      <h2 id="settings-operator" className="settings-section__title">
        {t('analysis.operatorTitle')}
      </h2>
      <label className="field">
        <span className="field__label">{t('analysis.operatorLabel')}</span>
        <input
          className="input analysis__operator"
          value={name}
          maxLength={80}
          onChange={(event) => setName(event.target.value)}
          onBlur={() => setOperator(name)}
          onKeyDown={(event) => event.key === 'Enter' && setOperator(name)}
        />
        <span className="field__help">{t('analysis.operatorHelp')}</span>
      </label>
    </section>
  );
}

function ModelSection() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [status, setStatus] = useState<AdaptiveStatus | null>(null);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    const read = () => void call('analysis.model', {}).then(setStatus, () => {});
    read();
    return subscribe('job.finished', (job) => job.kind === 'rescore' && read());
  }, []);
  const rescore = async () => {
    try {
      await call('analysis.rescore', {});
      setNotice({ text: t('analysis.rescoreStarted'), error: false });
    } catch (caught) {
      const message = caught instanceof ApiError ? caught.message : String(caught);
      setNotice({ text: t('analysis.failed', { message }), error: true });
    }
  };
  return (
    <section className="settings-section" aria-labelledby="settings-model">
      <h2 id="settings-model" className="settings-section__title">
        {t('analysis.modelTitle')}
      </h2>
      <p className="settings-section__help">{t('analysis.modelHelp')}</p>
      {status && (
        <p className="analysis__model numeric">
          {status.active
            ? t('analysis.modelActive', {
                trainedOn: fmt.number(status.trainedOn),
                corrections: fmt.number(status.corrections),
              })
            : t('analysis.modelWaiting', {
                corrections: fmt.number(status.corrections),
                minimum: fmt.number(status.minimum),
              })}
        </p>
      )}
      <div className="analysis__rescore">
        <button type="button" className="button" onClick={() => void rescore()}>
          <RefreshCw aria-hidden="true" size={16} />
          {t('analysis.rescore')}
        </button>
        <span className="field__help">{t('analysis.rescoreHelp')}</span>
      </div>
      <p className={notice?.error ? 'form-error' : 'settings-notice'} role="status">
        {notice?.text}
      </p>
    </section>
  );
}

/** Settings → Analysis: who you are (for the record), the workspace lexicon, and learning from corrections. */
export function AnalysisSettings() {
  return (
    <>
      <OperatorSection />
      <LexiconSection />
      <ModelSection />
    </>
  );
}
