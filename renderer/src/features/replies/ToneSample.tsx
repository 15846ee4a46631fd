import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyLang, ToneFinding, ToneRule } from '../../../../shared/api/replies';
import { CHANNEL_LIMITS, countForChannel } from '../../../../shared/replies/count';
import { checkTone } from '../../../../shared/replies/tone/check';
import type { Channel } from '../../../../shared/domain/mention';
import { FindingsField } from './FindingsField';
import { FindingsList } from './FindingsList';
import { LengthCounter } from './LengthCounter';
import type { ReplyInput } from './editableText';
import { useOperator } from '../../stores/operator';

const SAMPLE_CHANNELS: Channel[] = ['mastodon', 'x', 'bluesky', 'facebook', 'instagram', 'linkedin'];

/** Try the rules being edited (saved or not) on a sample reply: the same underlines, list and fixes as the composer. */
export function ToneSample({ rules }: { rules: readonly ToneRule[] }) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<ReplyInput>(null);
  const [lang, setLang] = useState<ReplyLang>('nl');
  const [channel, setChannel] = useState<Channel>('x');
  const [initialText] = useState(() => t('tone.sample.text'));
  const [text, setText] = useState(initialText);
  const [caret, setCaret] = useState<number | null>(null);
  const operator = useOperator()?.name ?? t('tone.sample.operator');
  // Values a greeting or sign-off fix fills in, as the composer would for a real mention.
  const values = useMemo(
    () => ({
      author: { name: t('tone.sample.author') },
      operator: { name: operator, firstName: operator.split(' ')[0] },
    }),
    [t, operator],
  );
  const findings = useMemo(
    () => checkTone(text, rules, { channel, lang, public: true }, { values }),
    [text, rules, channel, lang, values],
  );
  const checked = useMemo(() => ({ text, findings }), [text, findings]);
  const length = countForChannel(text, channel).length;
  const fix = (finding: ToneFinding) => {
    if (finding.fix && field.current)
      field.current.replace(finding.fix.start, finding.fix.end, finding.fix.replacement);
  };
  return (
    <section className="panel tone-sample" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="settings-section__title">
        {t('tone.sample.title')}
      </h2>
      <p className="settings-section__help">{t('tone.sample.help')}</p>
      <div className="tone-rule__row">
        <label className="field tone-rule__number">
          <span className="field__label">{t('tone.sample.channel')}</span>
          <select className="select" value={channel} onChange={(event) => setChannel(event.target.value as Channel)}>
            {SAMPLE_CHANNELS.map((option) => (
              <option key={option} value={option}>
                {t(`channel.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field tone-rule__number">
          <span className="field__label">{t('tone.sample.language')}</span>
          <select className="select" value={lang} onChange={(event) => setLang(event.target.value as ReplyLang)}>
            <option value="nl">{t('composer.languages.nl')}</option>
            <option value="en">{t('composer.languages.en')}</option>
          </select>
        </label>
      </div>
      <FindingsField
        id={`${id}-text`}
        initialValue={initialText}
        onChange={setText}
        reported={text}
        onCaret={setCaret}
        checked={checked}
        fieldRef={field}
        label={t('tone.sample.field')}
        describedBy={`${id}-findings`}
        invalid={findings.some((finding) => finding.severity === 'error')}
        lang={lang}
      />
      <div className="composer__meta">
        <span>{t('tone.sample.count', { count: findings.length })}</span>
        <LengthCounter id={`${id}-count`} length={length} limit={CHANNEL_LIMITS[channel] ?? null} channel={channel} />
      </div>
      <FindingsList
        id={`${id}-findings`}
        text={text}
        findings={findings}
        caret={caret}
        onFix={fix}
        onShow={(finding) => {
          field.current?.focus();
          field.current?.setSelectionRange(finding.start, finding.end);
        }}
      />
    </section>
  );
}
