import { ShieldAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ComposeInfo } from '../../../../shared/api/replies';
import type { MentionDetail } from '../../../../shared/domain/mention';
import { ChannelLabel, SentimentLabelView } from '../../components/MentionLabels';
import { useFormat } from '../../i18n/format';

/** The mention being answered, for reference only: nothing of it is quoted into the reply. */
export function MentionContext({ mention, info }: { mention: MentionDetail; info: ComposeInfo }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <section className="composer__mention" aria-label={t('composer.mention')}>
      <div className="composer__mention-meta">
        <span className="composer__mention-author">{mention.author.displayName ?? `@${mention.author.handle}`}</span>
        {mention.author.displayName && <span>@{mention.author.handle}</span>}
        <ChannelLabel channel={mention.channel} />
        <SentimentLabelView sentiment={mention.sentiment} />
        <time dateTime={mention.createdAt}>{fmt.dateTime(mention.createdAt)}</time>
        {info.sensitiveReasons.length > 0 && (
          <span className="composer__badge">
            <ShieldAlert aria-hidden="true" size={14} />
            {t('composer.sensitive')}
          </span>
        )}
      </div>
      <p className="composer__mention-text" lang={mention.lang && mention.lang !== 'other' ? mention.lang : undefined}>
        {mention.text}
      </p>
      {info.sensitiveReasons.length > 0 && (
        <p className="composer__mention-meta">
          {info.sensitiveReasons
            .map((reason) => t(`composer.sensitiveReason.${reason.kind}`, { detail: reason.detail }))
            .join(' · ')}
        </p>
      )}
    </section>
  );
}
