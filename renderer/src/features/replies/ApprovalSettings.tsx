import { Save } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalRules } from '../../../../shared/api/replies';
import type { Topic } from '../../../../shared/api/topics';
import { ApiError, call } from '../../api/client';
import { currentOperatorName } from '../../stores/operator';

/**
 * Settings → Tone of voice → Approval: when a reply needs a second operator before it is sent — a negative
 * mention above a reach, a mention with a flagged topic, or any tone warning left in the reply.
 */
export function ApprovalSettings() {
  const { t } = useTranslation();
  const id = useId();
  const [saved, setSaved] = useState<ApprovalRules | null>(null);
  const [rules, setRules] = useState<ApprovalRules | null>(null);
  const [topics, setTopics] = useState<Topic[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([call('replies.approval.get', {}), call('topics.list', {})])
      .then(([approval, list]) => {
        setSaved(approval);
        setRules(approval);
        setTopics(list);
      })
      .catch((error: unknown) =>
        setMessage({ kind: 'error', text: error instanceof ApiError ? error.message : String(error) }),
      );
  }, []);

  const save = async () => {
    if (!rules) return;
    setBusy(true);
    setMessage(null);
    try {
      const next = await call('replies.approval.save', { ...rules, operator: currentOperatorName() });
      setSaved(next);
      setRules(next);
      setMessage({ kind: 'ok', text: t('approval.saved') });
    } catch (error) {
      setMessage({
        kind: 'error',
        text: t('approval.saveFailed', { message: error instanceof ApiError ? error.message : String(error) }),
      });
    } finally {
      setBusy(false);
    }
  };

  const changed = rules !== null && JSON.stringify(rules) !== JSON.stringify(saved);
  const set = (patch: Partial<ApprovalRules>) => rules && setRules({ ...rules, ...patch });
  return (
    <section className="settings-section approval-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="settings-section__title">
        {t('approval.title')}
      </h2>
      <p className="settings-section__help">{t('approval.help')}</p>
      {rules && (
        <>
          <label className="tone-rule__check">
            <input
              type="checkbox"
              checked={rules.enabled}
              onChange={(event) => set({ enabled: event.target.checked })}
            />
            {t('approval.enabled')}
          </label>
          <fieldset className="approval-settings__when" disabled={!rules.enabled}>
            <legend className="field__label">{t('approval.when')}</legend>
            <label className="tone-rule__check">
              <input
                type="checkbox"
                checked={rules.negativeReachAbove !== null}
                onChange={(event) => set({ negativeReachAbove: event.target.checked ? 1000 : null })}
              />
              {t('approval.negativeReach')}
            </label>
            {rules.negativeReachAbove !== null && (
              <label className="field approval-settings__reach">
                <span className="field__label">{t('approval.reachAbove')}</span>
                <input
                  className="input"
                  type="number"
                  min={0}
                  step={100}
                  value={rules.negativeReachAbove}
                  onChange={(event) => set({ negativeReachAbove: Math.max(0, Math.round(Number(event.target.value))) })}
                />
              </label>
            )}
            <label className="tone-rule__check">
              <input
                type="checkbox"
                checked={rules.anyWarning}
                onChange={(event) => set({ anyWarning: event.target.checked })}
              />
              {t('approval.anyWarning')}
            </label>
            <fieldset className="approval-settings__topics">
              <legend className="field__label">{t('approval.flaggedTopics')}</legend>
              {topics.length === 0 ? (
                <p className="field__help">{t('approval.noTopics')}</p>
              ) : (
                topics.map((topic) => (
                  <label key={topic.id} className="tone-rule__check">
                    <input
                      type="checkbox"
                      checked={rules.flaggedTopicIds.includes(topic.id)}
                      onChange={(event) =>
                        set({
                          flaggedTopicIds: event.target.checked
                            ? [...rules.flaggedTopicIds, topic.id]
                            : rules.flaggedTopicIds.filter((topicId) => topicId !== topic.id),
                        })
                      }
                    />
                    {topic.name}
                  </label>
                ))
              )}
            </fieldset>
          </fieldset>
          <div className="tone-settings__bar">
            <button
              type="button"
              className="button button--primary"
              disabled={!changed || busy}
              onClick={() => void save()}
            >
              <Save aria-hidden="true" size={14} />
              {t('approval.save')}
            </button>
          </div>
        </>
      )}
      {message && (
        <p
          className={message.kind === 'error' ? 'form-error' : 'tone-settings__ok'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
