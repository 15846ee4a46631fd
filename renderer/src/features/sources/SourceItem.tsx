import {
  Cloud,
  MessageSquare,
  Pause,
  Pencil,
  Play,
  RefreshCw,
  Rss,
  SquarePlay,
  Trash2,
  Webhook,
  type LucideIcon,
} from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveSource, SourceKind } from '../../../../shared/api/sources';
import { ApiError, call } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { HealthBadge } from './HealthBadge';

const KIND_ICONS: Record<SourceKind, LucideIcon> = {
  rss: Rss,
  mastodon: MessageSquare,
  bluesky: Cloud,
  youtube: SquarePlay,
  webhook: Webhook,
};

/** What the source follows, in one line: the feed, the hashtag, the search, the channel. */
function followed(source: LiveSource): string {
  const s = source.settings as Record<string, string | undefined>;
  switch (source.kind) {
    case 'rss':
      return s.url ?? '';
    case 'mastodon': {
      const where = s.instance ? ` · ${s.instance.replace(/^https?:\/\//, '')}` : '';
      const what =
        s.timeline === 'hashtag' ? `#${s.hashtag}` : s.timeline === 'account' ? `@${s.account}` : `“${s.query}”`;
      return what + where;
    }
    case 'bluesky':
      return `“${s.query ?? ''}”`;
    case 'youtube':
      return s.videoId ?? s.channelId ?? '';
    case 'webhook':
      return '';
  }
}

export interface SourceActions {
  edit(source: LiveSource): void;
  remove(source: LiveSource): void;
  renewToken(source: LiveSource): void;
}

/** One live source: what it follows, how it is doing in colour and words, and what can be done with it. */
export function SourceItem({ source, actions }: { source: LiveSource; actions: SourceActions }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [checking, setChecking] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const Icon = KIND_ICONS[source.kind];
  const webhook = source.kind === 'webhook';

  const checkNow = () => {
    setChecking(true);
    setNote(null);
    call('sources.checkNow', { id: source.id })
      .then((outcome) =>
        setNote(
          t(`sources.checkResult.${outcome.result}`, {
            count: outcome.mentions,
            formatted: fmt.number(outcome.mentions),
          }),
        ),
      )
      .catch((error: unknown) => setNote(error instanceof ApiError ? error.message : String(error)))
      .finally(() => setChecking(false));
  };

  const togglePause = () => {
    void call(source.paused ? 'sources.resume' : 'sources.pause', { id: source.id }).catch((error: unknown) =>
      setNote(error instanceof ApiError ? error.message : String(error)),
    );
  };

  const success = source.lastSuccessAt
    ? t(webhook ? 'sources.lastReceived' : 'sources.lastSuccess', { date: fmt.dateTime(source.lastSuccessAt) })
    : t(webhook ? 'sources.neverReceived' : 'sources.never');
  const next =
    source.nextCheckAt && !checking ? t('sources.nextCheck', { time: fmt.listTime(source.nextCheckAt) }) : null;

  return (
    <li className="source" aria-labelledby={`source-${source.id}-name`}>
      <div className="source__icon" aria-hidden="true">
        <Icon size={18} strokeWidth={1.75} />
      </div>
      <div className="source__main">
        <div className="source__head">
          <h3 id={`source-${source.id}-name`} className="source__name">
            {source.name}
          </h3>
          <HealthBadge source={source} checking={checking} />
        </div>
        <p className="source__what">
          <span>{t(`sources.kinds.${source.kind}`)}</span>
          {followed(source) && <span className="source__followed">{followed(source)}</span>}
        </p>
        <p className="source__when numeric">
          {success}
          {next && ` · ${next}`}
        </p>
        {source.lastError && !source.paused && (
          <p className={`source__error source__error--${source.health}`}>{source.lastError}</p>
        )}
        {note && (
          <p className="source__note" role="status">
            {note}
          </p>
        )}
        <div className="source__actions" role="group" aria-label={t('sources.actions.label', { name: source.name })}>
          {!webhook && (
            <button type="button" className="button button--small" onClick={checkNow} disabled={checking}>
              <RefreshCw aria-hidden="true" size={14} />
              {t('sources.actions.check')}
            </button>
          )}
          <button type="button" className="button button--small" onClick={togglePause}>
            {source.paused ? <Play aria-hidden="true" size={14} /> : <Pause aria-hidden="true" size={14} />}
            {source.paused ? t('sources.actions.resume') : t('sources.actions.pause')}
          </button>
          {webhook ? (
            <button type="button" className="button button--small" onClick={() => actions.renewToken(source)}>
              <RefreshCw aria-hidden="true" size={14} />
              {t('sources.actions.renew')}
            </button>
          ) : null}
          <button type="button" className="button button--small" onClick={() => actions.edit(source)}>
            <Pencil aria-hidden="true" size={14} />
            {t('sources.actions.edit')}
          </button>
          <button
            type="button"
            className="button button--small button--quiet-danger"
            onClick={() => actions.remove(source)}
          >
            <Trash2 aria-hidden="true" size={14} />
            {t('sources.actions.remove')}
          </button>
        </div>
      </div>
    </li>
  );
}
