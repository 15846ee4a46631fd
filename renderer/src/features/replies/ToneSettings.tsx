import { CircleAlert, LoaderCircle, RotateCcw, Save } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TonePreset, ToneRule, ToneSettings as ToneSettingsValue } from '../../../../shared/api/replies';
import { ApiError, call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { StateMessage } from '../../components/StateMessage';
import { useFormat } from '../../i18n/format';
import { currentOperatorName } from '../../stores/operator';
import { ApprovalSettings } from './ApprovalSettings';
import { ToneRuleFields } from './ToneRuleFields';
import { ToneSample } from './ToneSample';
import '../../styles/replies.css';

/** Settings → Tone of voice: the rules in force, each editable, tested live on sample text before saving. */
export function ToneSettings() {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<ToneSettingsValue | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    call('replies.tone.get', {})
      .then(setSaved)
      .catch((error: unknown) => setFailed(error instanceof ApiError ? error.message : String(error)));
  }, []);
  if (failed) {
    return (
      <StateMessage kind="error" icon={CircleAlert} title={t('tone.loadFailed')}>
        <p className="state-message__body">{failed}</p>
      </StateMessage>
    );
  }
  if (!saved) return <StateMessage kind="loading" icon={LoaderCircle} title={t('tone.loading')} />;
  return <ToneEditor key={saved.updatedAt ?? 'preset'} saved={saved} onSaved={setSaved} />;
}

function ToneEditor({ saved, onSaved }: { saved: ToneSettingsValue; onSaved(settings: ToneSettingsValue): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  const [rules, setRules] = useState<ToneRule[]>(saved.rules);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [resetTo, setResetTo] = useState<TonePreset | null>(null);
  const changed = JSON.stringify(rules) !== JSON.stringify(saved.rules);

  const run = async (work: () => Promise<ToneSettingsValue>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const next = await work();
      onSaved(next);
      setMessage({ kind: 'ok', text: done });
    } catch (error) {
      setMessage({
        kind: 'error',
        text: t('tone.saveFailed', { message: error instanceof ApiError ? error.message : String(error) }),
      });
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    void run(() => call('replies.tone.save', { rules, operator: currentOperatorName() }), t('tone.saved'));
  const reset = (preset: TonePreset) => {
    setResetTo(null);
    void run(
      () => call('replies.tone.reset', { preset, operator: currentOperatorName() }),
      t('tone.resetDone', { preset: t(`tone.preset.${preset}`) }),
    );
  };
  const update = (index: number, rule: ToneRule) => setRules(rules.map((old, i) => (i === index ? rule : old)));

  return (
    <div className="tone-settings">
      <div className="tone-settings__rules">
        <section className="settings-section" aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`} className="settings-section__title">
            {t('tone.title')}
          </h2>
          <p className="settings-section__help">{t('tone.help')}</p>
          <p className="muted">
            {saved.updatedAt
              ? t('tone.basedOnChanged', {
                  preset: t(`tone.preset.${saved.preset}`),
                  who: saved.updatedBy ?? '',
                  when: fmt.dateTime(saved.updatedAt),
                })
              : t('tone.basedOn', { preset: t(`tone.preset.${saved.preset}`) })}
          </p>
          <div className="tone-settings__bar">
            <button type="button" className="button button--primary" disabled={!changed || busy} onClick={save}>
              <Save aria-hidden="true" size={14} />
              {t('tone.save')}
            </button>
            <button type="button" className="button" disabled={!changed || busy} onClick={() => setRules(saved.rules)}>
              {t('tone.undoChanges')}
            </button>
          </div>
          <div className="tone-settings__bar">
            <span className="muted">{t('tone.startOver')}</span>
            {(['public', 'brand'] as const).map((preset) => (
              <button
                key={preset}
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() => setResetTo(preset)}
              >
                <RotateCcw aria-hidden="true" size={14} />
                {t('tone.resetTo', { preset: t(`tone.preset.${preset}`) })}
              </button>
            ))}
          </div>
          {message && (
            <p
              className={message.kind === 'error' ? 'form-error' : 'tone-settings__ok'}
              role={message.kind === 'error' ? 'alert' : 'status'}
            >
              {message.text}
            </p>
          )}
        </section>
        <ApprovalSettings />
        <ol className="tone-rules" aria-label={t('tone.rulesLabel')}>
          {rules.map((rule, index) => (
            <li key={`${rule.id}-${index}`}>
              <RuleCard rule={rule} onChange={(next) => update(index, next)} />
            </li>
          ))}
        </ol>
      </div>
      <ToneSample rules={rules} />
      {resetTo && (
        <ConfirmDialog
          title={t('tone.resetTitle', { preset: t(`tone.preset.${resetTo}`) })}
          body={t('tone.resetBody')}
          confirm={t('tone.resetConfirm')}
          cancel={t('tone.resetCancel')}
          onConfirm={() => reset(resetTo)}
          onCancel={() => setResetTo(null)}
        />
      )}
    </div>
  );
}

/** One rule: on or off, how severe, which language, its own settings and the organisation's note. */
function RuleCard({ rule, onChange }: { rule: ToneRule; onChange(rule: ToneRule): void }) {
  const { t } = useTranslation();
  const id = useId();
  const name = t(`tone.kind.${rule.kind}`);
  return (
    <article className={`tone-rule${rule.enabled ? '' : ' tone-rule--off'}`} aria-labelledby={`${id}-name`}>
      <header className="tone-rule__head">
        <label className="tone-rule__check">
          <input
            type="checkbox"
            checked={rule.enabled}
            onChange={(event) => onChange({ ...rule, enabled: event.target.checked })}
          />
          <span id={`${id}-name`} className="tone-rule__name">
            {name}
          </span>
        </label>
        <label className="tone-rule__inline">
          <span className="visually-hidden">{t('tone.fields.severityOf', { rule: name })}</span>
          <select
            className="select"
            value={rule.severity}
            onChange={(event) => onChange({ ...rule, severity: event.target.value as ToneRule['severity'] })}
          >
            <option value="error">{t('tone.severity.error')}</option>
            <option value="warning">{t('tone.severity.warning')}</option>
          </select>
        </label>
        <label className="tone-rule__inline">
          <span className="visually-hidden">{t('tone.fields.languageOf', { rule: name })}</span>
          <select
            className="select"
            value={rule.lang}
            onChange={(event) => onChange({ ...rule, lang: event.target.value as ToneRule['lang'] })}
          >
            <option value="any">{t('tone.lang.any')}</option>
            <option value="nl">{t('tone.lang.nl')}</option>
            <option value="en">{t('tone.lang.en')}</option>
          </select>
        </label>
      </header>
      <p className="tone-rule__explain">{t(`tone.explain.${rule.kind}`)}</p>
      {rule.enabled && (
        <div className="tone-rule__body">
          <ToneRuleFields rule={rule} onChange={onChange} />
          <label className="field">
            <span className="field__label">{t('tone.fields.note')}</span>
            <input
              className="input"
              value={rule.note}
              maxLength={500}
              onChange={(event) => onChange({ ...rule, note: event.target.value })}
            />
          </label>
        </div>
      )}
    </article>
  );
}
