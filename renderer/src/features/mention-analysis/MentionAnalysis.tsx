import { useTranslation } from 'react-i18next';
import type { MentionExplanation, PriorityFactor } from '../../../../shared/api/analysis';
import type { Formatters } from '../../i18n/format';
import { useFormat } from '../../i18n/format';
import { SentimentCorrection } from './SentimentCorrection';
import { useExplanation } from './useExplanation';
import './mention-analysis.css';

function signed(value: number, fmt: Formatters): string {
  return value > 0 ? `+${fmt.number(value)}` : fmt.number(value);
}

function evidenceOf(
  factor: PriorityFactor,
  explanation: MentionExplanation,
  reach: number,
  fmt: Formatters,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  switch (factor.factor) {
    case 'reach':
      return t('explain.evidenceReach', { formatted: fmt.number(reach) });
    case 'negative':
      return t('explain.evidenceScore', {
        score: fmt.number(Math.round((explanation.sentiment.score ?? 0) * 100) / 100),
      });
    case 'question':
      return factor.evidence === '?'
        ? t('explain.evidenceQuestionMark')
        : t('explain.evidenceWord', { word: factor.evidence });
    default:
      return t('explain.evidenceWord', { word: factor.evidence });
  }
}

function SentimentWords({ explanation }: { explanation: MentionExplanation }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { hits } = explanation.sentiment;
  return (
    <div className="explain-block">
      <h4 className="explain-block__title">{t('explain.hitsTitle')}</h4>
      {hits.length === 0 ? (
        <p className="muted">{t('explain.noHits')}</p>
      ) : (
        <ul className="sentiment-hits">
          {hits.map((hit, index) => (
            <li key={index} className={`sentiment-hit sentiment-hit--${hit.valence < 0 ? 'negative' : 'positive'}`}>
              <span className="sentiment-hit__word">{hit.text}</span>
              <span className="sentiment-hit__value numeric">{signed(hit.valence, fmt)}</span>
            </li>
          ))}
        </ul>
      )}
      {explanation.sentiment.adapted && <p className="muted">{t('explain.adapted')}</p>}
    </div>
  );
}

function CorrectionHistory({ explanation }: { explanation: MentionExplanation }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (explanation.corrections.length === 0) return null;
  const label = (value: string | null) => (value === null ? t('explain.historyAutomatic') : t(`sentiment.${value}`));
  return (
    <details className="explain-block">
      <summary className="explain-block__title">{t('explain.historyTitle')}</summary>
      <ul className="correction-history">
        {explanation.corrections.map((c, index) => (
          <li key={index}>
            {t('explain.historyEntry', {
              date: fmt.dateTime(c.at),
              operator: c.operator,
              from: label(c.from),
              to: label(c.to),
            })}
          </li>
        ))}
      </ul>
    </details>
  );
}

function PriorityFactors({ explanation, reach }: { explanation: MentionExplanation; reach: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { priority } = explanation;
  return (
    <section className="explain-section" aria-labelledby={`priority-${explanation.id}`}>
      <h3 id={`priority-${explanation.id}`} className="explain-section__title">
        {t('explain.priorityTitle', { score: fmt.number(priority.score) })}
      </h3>
      {priority.stored !== priority.score && (
        <p className="muted">{t('explain.priorityStored', { stored: fmt.number(priority.stored) })}</p>
      )}
      {priority.factors.length === 0 ? (
        <p className="muted">{t('explain.noFactors')}</p>
      ) : (
        <ul className="priority-factors">
          {priority.factors.map((factor) => (
            <li key={factor.factor} className="priority-factor">
              <span className="priority-factor__name">{t(`explain.factors.${factor.factor}`)}</span>
              <span className="priority-factor__evidence">{evidenceOf(factor, explanation, reach, fmt, t)}</span>
              <span className="priority-factor__points numeric">{t('explain.points', { points: factor.points })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The detail pane's sentiment (with correction) and why the mention has its priority. */
export function MentionAnalysis({ id, reach }: { id: number; reach: number }) {
  const { t } = useTranslation();
  const [state, replace] = useExplanation(id);
  if (!state)
    return (
      <p className="muted" role="status">
        {t('explain.loading')}
      </p>
    );
  if ('error' in state) return <p className="form-error">{t('explain.failed', { message: state.error.message })}</p>;
  const { explanation } = state;
  return (
    <>
      <section className="explain-section" aria-labelledby={`sentiment-${id}`}>
        <h3 id={`sentiment-${id}`} className="explain-section__title">
          {t('explain.sentimentTitle')}
        </h3>
        <SentimentCorrection explanation={explanation} onChange={replace} />
        <SentimentWords explanation={explanation} />
        <CorrectionHistory explanation={explanation} />
      </section>
      <PriorityFactors explanation={explanation} reach={reach} />
    </>
  );
}
