import { Frown, Meh, Smile, Undo2, type LucideIcon } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionExplanation } from '../../../../shared/api/analysis';
import type { SentimentLabel } from '../../../../shared/domain/mention';
import { SENTIMENT_LABELS } from '../../../../shared/domain/values';
import { ApiError, call } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { currentOperator } from '../analysis-settings/operator';

const ICONS: Record<SentimentLabel, LucideIcon> = { positive: Smile, neutral: Meh, negative: Frown };

/**
 * The mention's sentiment as three choices: the one that counts is checked; picking another corrects
 * it (kept with the operator's name), and "back to automatic" undoes the correction.
 */
export function SentimentCorrection({
  explanation,
  onChange,
}: {
  explanation: MentionExplanation;
  onChange(next: MentionExplanation): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  /** The label just picked, shown checked while the engine stores it; undone if it fails. */
  const [picked, setPicked] = useState<SentimentLabel | null>(null);
  const busy = picked !== null;
  const { sentiment, corrections } = explanation;

  const correct = async (label: SentimentLabel | null) => {
    setPicked(label ?? sentiment.automatic ?? 'neutral');
    setError(null);
    try {
      onChange(await call('mentions.correctSentiment', { id: explanation.id, label, operator: currentOperator() }));
    } catch (caught) {
      const message = caught instanceof ApiError ? caught.message : String(caught);
      setError(t('explain.correctFailed', { message }));
    } finally {
      setPicked(null);
    }
  };

  const latest = corrections[0];
  const automatic =
    sentiment.automatic === null
      ? t('explain.automaticNone')
      : t('explain.automatic', {
          label: t(`sentiment.${sentiment.automatic}`).toLowerCase(),
          score: fmt.number(Math.round((sentiment.score ?? 0) * 100) / 100),
        });
  return (
    <div className="sentiment-correction">
      <div className="segmented sentiment-choice" role="radiogroup" aria-label={t('explain.correctLabel')}>
        {SENTIMENT_LABELS.map((label) => {
          const Icon = ICONS[label];
          return (
            <label key={label} className={`segmented__option sentiment-choice--${label}`}>
              <input
                type="radio"
                name={`${id}-sentiment`}
                value={label}
                checked={(picked ?? sentiment.label) === label}
                disabled={busy}
                onChange={() => void correct(label)}
              />
              <span>
                <Icon aria-hidden="true" size={14} />
                {t(`sentiment.${label}`)}
              </span>
            </label>
          );
        })}
      </div>
      <p className="sentiment-correction__state">{automatic}</p>
      {sentiment.now.label !== sentiment.automatic && (
        <p className="sentiment-correction__state">
          {t('explain.nowDiffers', {
            label: t(`sentiment.${sentiment.now.label}`).toLowerCase(),
            score: fmt.number(Math.round(sentiment.now.score * 100) / 100),
          })}
        </p>
      )}
      {sentiment.override !== null && latest && (
        <p className="sentiment-correction__state">
          {t('explain.corrected', { operator: latest.operator, date: fmt.dateTime(latest.at) })}
          <button type="button" className="button button--small" disabled={busy} onClick={() => void correct(null)}>
            <Undo2 aria-hidden="true" size={14} />
            {t('explain.reset')}
          </button>
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
