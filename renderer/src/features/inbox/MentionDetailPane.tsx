import { CircleAlert, ExternalLink, LoaderCircle, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionDetail } from '../../../../shared/domain/mention';
import { ApiError, call, subscribe } from '../../api/client';
import { ChannelLabel, SentimentLabelView, StatusLabel } from '../../components/MentionLabels';
import { StateMessage } from '../../components/StateMessage';
import { useFormat } from '../../i18n/format';
import { MentionAnalysis } from '../mention-analysis/MentionAnalysis';
import { TopicChips } from '../topics/TopicChips';

type Loaded = { id: number; mention: MentionDetail } | { id: number; error: ApiError };

/** Only web links are shown as links; anything else in a stored URL (javascript:, file:) is not clickable. */
function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function Details({ mention }: { mention: MentionDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const href = safeHref(mention.url);
  return (
    <>
      <div className="detail__author">
        <span className="detail__author-name">{mention.author.displayName ?? `@${mention.author.handle}`}</span>
        {mention.author.displayName && <span className="author__handle">@{mention.author.handle}</span>}
      </div>
      <p className="detail__text" lang={mention.lang && mention.lang !== 'other' ? mention.lang : undefined}>
        {mention.text}
      </p>
      {href ? (
        <a className="detail__link" href={href} target="_blank" rel="noopener noreferrer">
          <ExternalLink aria-hidden="true" size={14} />
          {t('detail.openOriginal')}
        </a>
      ) : (
        <p className="detail__muted">{t('detail.noLink')}</p>
      )}
      <dl className="facts facts--detail">
        <dt>{t('detail.postedAt')}</dt>
        <dd className="numeric">
          <time dateTime={mention.createdAt}>{fmt.dateTime(mention.createdAt)}</time>
        </dd>
        <dt>{t('detail.channel')}</dt>
        <dd>
          <ChannelLabel channel={mention.channel} />
        </dd>
        <dt>{t('detail.sentiment')}</dt>
        <dd>
          <SentimentLabelView sentiment={mention.sentiment} />
        </dd>
        <dt>{t('detail.status')}</dt>
        <dd>
          <StatusLabel status={mention.status} />
        </dd>
        <dt>{t('detail.priority')}</dt>
        <dd className="numeric">{fmt.number(mention.priority)}</dd>
        <dt>{t('detail.followers')}</dt>
        <dd className="numeric">{fmt.number(mention.author.followers)}</dd>
        <dt>{t('detail.reach')}</dt>
        <dd className="numeric">{fmt.number(mention.reach)}</dd>
        <dt>{t('detail.language')}</dt>
        <dd>{mention.lang ? t(`language.${mention.lang}`) : t('common.missing')}</dd>
        <dt>{t('topics.column')}</dt>
        <dd>{mention.topicIds?.length ? <TopicChips ids={mention.topicIds} /> : t('common.missing')}</dd>
      </dl>
      <MentionAnalysis id={mention.id} reach={mention.reach} />
    </>
  );
}

export function MentionDetailPane({ id, onClose }: { id: number; onClose(): void }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let current = true;
    const read = () =>
      call('mentions.get', { id })
        .then((mention) => current && setLoaded({ id, mention }))
        .catch((error: unknown) => {
          if (!current) return;
          setLoaded({
            id,
            error: error instanceof ApiError ? error : new ApiError('internal', String(error), 'mentions.get'),
          });
        });
    void read();
    // A correction (here or in another window) changes what the facts show.
    const stop = subscribe('mentions.changed', (changed) => changed.ids.includes(id) && void read());
    return () => {
      current = false;
      stop();
    };
  }, [id]);

  const shown = loaded?.id === id ? loaded : null;
  return (
    <aside className="detail" aria-label={t('detail.label')}>
      <div className="detail__bar">
        <h2 className="detail__title">{t('detail.label')}</h2>
        <button
          type="button"
          className="icon-button"
          onClick={onClose}
          aria-label={t('detail.close')}
          title={t('detail.close')}
        >
          <X aria-hidden="true" size={16} />
        </button>
      </div>
      <div className="detail__body">
        {!shown && <StateMessage kind="loading" icon={LoaderCircle} title={t('detail.loading')} />}
        {shown && 'error' in shown && (
          <StateMessage kind="error" icon={CircleAlert} title={t('detail.errorTitle')}>
            <p className="state-message__body">
              {t('common.errorDetail', { reason: t(`errors.${shown.error.code}`), message: shown.error.message })}
            </p>
          </StateMessage>
        )}
        {shown && 'mention' in shown && <Details mention={shown.mention} />}
      </div>
    </aside>
  );
}
