import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIVACY_KINDS, type BannedPhrase, type ToneRule } from '../../../../shared/api/replies';
import { CHANNEL_LIMITS } from '../../../../shared/replies/count';
import type { Channel } from '../../../../shared/domain/mention';

type Change = (rule: ToneRule) => void;

const LIMITED_CHANNELS = Object.keys(CHANNEL_LIMITS) as Channel[];

/** A list of words typed one per line (patterns, acronyms, allowed contact details). */
function LinesField(props: {
  label: string;
  help?: string;
  value: readonly string[];
  onChange(lines: string[]): void;
}) {
  const id = useId();
  return (
    <label className="field">
      <span className="field__label">{props.label}</span>
      <textarea
        className="input tone-rule__lines"
        value={props.value.join('\n')}
        onChange={(event) => props.onChange(event.target.value.split('\n'))}
        onBlur={(event) =>
          props.onChange(
            event.target.value
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
          )
        }
        aria-describedby={props.help ? `${id}-help` : undefined}
        rows={Math.min(6, Math.max(2, props.value.length + 1))}
      />
      {props.help && (
        <span id={`${id}-help`} className="field__help">
          {props.help}
        </span>
      )}
    </label>
  );
}

function NumberField(props: {
  label: string;
  value: number;
  min?: number;
  max?: number;
  onChange(value: number): void;
}) {
  return (
    <label className="field tone-rule__number">
      <span className="field__label">{props.label}</span>
      <input
        className="input numeric"
        type="number"
        value={props.value}
        min={props.min}
        max={props.max}
        onChange={(event) => {
          if (event.target.value !== '') props.onChange(Number(event.target.value));
        }}
      />
    </label>
  );
}

function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  text(option: T): string;
  onChange(value: T): void;
}) {
  return (
    <label className="field tone-rule__number">
      <span className="field__label">{props.label}</span>
      <select className="select" value={props.value} onChange={(event) => props.onChange(event.target.value as T)}>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.text(option)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Banned words with their suggested alternative, as rows of two fields. */
function PhraseTable({ phrases, onChange }: { phrases: BannedPhrase[]; onChange(phrases: BannedPhrase[]): void }) {
  const { t } = useTranslation();
  const set = (index: number, phrase: BannedPhrase) => onChange(phrases.map((old, i) => (i === index ? phrase : old)));
  return (
    <fieldset className="field">
      <legend className="field__label">{t('tone.fields.phrases')}</legend>
      <table className="tone-phrases">
        <thead>
          <tr>
            <th scope="col">{t('tone.fields.phrase')}</th>
            <th scope="col">{t('tone.fields.alternative')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('tone.fields.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {phrases.map((phrase, index) => (
            <tr key={index}>
              <td>
                <input
                  className="input"
                  value={phrase.phrase}
                  aria-label={t('tone.fields.phraseN', { n: index + 1 })}
                  onChange={(event) => set(index, { ...phrase, phrase: event.target.value })}
                />
              </td>
              <td>
                <input
                  className="input"
                  value={phrase.alternative ?? ''}
                  aria-label={t('tone.fields.alternativeN', { n: index + 1 })}
                  onChange={(event) =>
                    set(index, { ...phrase, alternative: event.target.value === '' ? null : event.target.value })
                  }
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button button--small button--quiet-danger"
                  onClick={() => onChange(phrases.filter((_, i) => i !== index))}
                >
                  {t('tone.fields.removePhrase', { phrase: phrase.phrase })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange([...phrases, { phrase: '', alternative: null }])}
      >
        {t('tone.fields.addPhrase')}
      </button>
    </fieldset>
  );
}

/** The settings of one rule that belong to its kind. */
export function ToneRuleFields({ rule, onChange }: { rule: ToneRule; onChange: Change }) {
  const { t } = useTranslation();
  switch (rule.kind) {
    case 'address':
      return (
        <Choice
          label={t('tone.fields.form')}
          value={rule.form}
          options={['u', 'je'] as const}
          text={(o) => t(`tone.form.${o}`)}
          onChange={(form) => onChange({ ...rule, form })}
        />
      );
    case 'register':
      return (
        <Choice
          label={t('tone.fields.register')}
          value={rule.register}
          options={['formal', 'informal'] as const}
          text={(o) => t(`tone.register.${o}`)}
          onChange={(register) => onChange({ ...rule, register })}
        />
      );
    case 'banned':
      return <PhraseTable phrases={rule.phrases} onChange={(phrases) => onChange({ ...rule, phrases })} />;
    case 'greeting':
    case 'signoff':
      return (
        <>
          <LinesField
            label={t('tone.fields.patterns')}
            help={t('tone.fields.patternsHelp')}
            value={rule.patterns}
            onChange={(patterns) => onChange({ ...rule, patterns })}
          />
          <label className="field">
            <span className="field__label">{t('tone.fields.insert')}</span>
            <input
              className="input"
              value={rule.insert}
              onChange={(event) => onChange({ ...rule, insert: event.target.value })}
            />
            <span className="field__help">{t('tone.fields.insertHelp')}</span>
          </label>
        </>
      );
    case 'length':
      return (
        <div className="tone-rule__row">
          {LIMITED_CHANNELS.map((channel) => (
            <NumberField
              key={channel}
              label={t(`channel.${channel}`)}
              value={rule.limits[channel] ?? CHANNEL_LIMITS[channel] ?? 0}
              min={1}
              onChange={(limit) => onChange({ ...rule, limits: { ...rule.limits, [channel]: limit } })}
            />
          ))}
        </div>
      );
    case 'emoji':
      return (
        <div className="tone-rule__row">
          <Choice
            label={t('tone.fields.policy')}
            value={rule.policy}
            options={['none', 'max', 'allowed'] as const}
            text={(o) => t(`tone.emojiPolicy.${o}`)}
            onChange={(policy) => onChange({ ...rule, policy })}
          />
          {rule.policy === 'max' && (
            <NumberField
              label={t('tone.fields.max')}
              value={rule.max}
              min={0}
              onChange={(max) => onChange({ ...rule, max })}
            />
          )}
          {rule.policy === 'allowed' && (
            <LinesField
              label={t('tone.fields.allowedEmoji')}
              value={rule.allowed}
              onChange={(allowed) => onChange({ ...rule, allowed })}
            />
          )}
        </div>
      );
    case 'exclamation':
      return (
        <NumberField
          label={t('tone.fields.maxExclamations')}
          value={rule.max}
          min={0}
          onChange={(max) => onChange({ ...rule, max })}
        />
      );
    case 'shouting':
      return (
        <div className="tone-rule__row">
          <NumberField
            label={t('tone.fields.minLength')}
            value={rule.minLength}
            min={2}
            onChange={(minLength) => onChange({ ...rule, minLength })}
          />
          <LinesField
            label={t('tone.fields.acronyms')}
            value={rule.allow}
            onChange={(allow) => onChange({ ...rule, allow })}
          />
        </div>
      );
    case 'readability':
      return (
        <div className="tone-rule__row">
          <NumberField
            label={t('tone.fields.maxSentenceWords')}
            value={rule.maxSentenceWords}
            min={5}
            onChange={(maxSentenceWords) => onChange({ ...rule, maxSentenceWords })}
          />
          <NumberField
            label={t('tone.fields.minReadingEase')}
            value={rule.minReadingEase}
            min={0}
            max={100}
            onChange={(minReadingEase) => onChange({ ...rule, minReadingEase })}
          />
        </div>
      );
    case 'privacy':
      return (
        <>
          <fieldset className="field">
            <legend className="field__label">{t('tone.fields.detect')}</legend>
            <div className="tone-rule__row">
              {PRIVACY_KINDS.map((kind) => (
                <label key={kind} className="tone-rule__check">
                  <input
                    type="checkbox"
                    checked={rule.detect.includes(kind)}
                    onChange={(event) =>
                      onChange({
                        ...rule,
                        detect: event.target.checked ? [...rule.detect, kind] : rule.detect.filter((k) => k !== kind),
                      })
                    }
                  />
                  {t(`tone.privacy.${kind}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <LinesField
            label={t('tone.fields.ownContact')}
            help={t('tone.fields.ownContactHelp')}
            value={rule.allow}
            onChange={(allow) => onChange({ ...rule, allow })}
          />
        </>
      );
  }
}
