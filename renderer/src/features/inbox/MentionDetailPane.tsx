import { CheckCheck, CircleAlert, ExternalLink, LoaderCircle, MessageSquareReply, UserPlus, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyHint } from './ShortcutsDialog';
import type { MentionContext } from '../../../../shared/api/inbox';
import type { MentionDetail } from '../../../../shared/domain/mention';
import { call } from '../../api/client';
import { useMentionRead } from '../../api/useMentionRead';
import { ChannelLabel, SentimentLabelView, StatusLabel } from '../../components/MentionLabels';
import { StateMessage } from '../../components/StateMessage';
import { useFormat } from '../../i18n/format';
import { useOperator } from '../../stores/operator';
import { MentionAnalysis } from '../mention-analysis/MentionAnalysis';
import { OperatorAvatar } from '../operators/OperatorAvatar';
import { TopicChips } from '../topics/TopicChips';
import { useInboxSettings, useLoadInboxSettings } from './inboxSettingsStore';
import { History, MediaList, MentionList, Notes, RemoteMediaSwitch, Section } from './MentionContextSections';
import { LinkedText, SafeLink, safeHref } from './SafeLink';
import { usePresence } from './usePresence';

const readDetail = (id: number) =>
  Promise.all([call('mentions.get', { id }), call('inbox.context', { id })]).then(([mention, context]) => ({
    mention,
    context,
  }));

/** What the pane's buttons do: the same as the shortcuts, so the page runs them in one place. */
export interface DetailActions {
  reply(): void;
  resolve(): void;
  assign(): void;
  tag(): void;
  removeTag(tag: string): void;
}

interface DetailProps {
  id: number;
  /** The version the operator saw when opening it (the collision check compares with it). */
  seenVersion: number | null;
  onSeen(id: number, version: number): void;
  onClose(): void;
  actions: DetailActions;
  replying: boolean;
}

function Viewers({ id, replying }: { id: number; replying: boolean }) {
  const { t } = useTranslation();
  const others = usePresence(id, replying);
  if (others.length === 0) return null;
  const writer = others.find((entry) => entry.activity === 'replying');
  const names = [...new Set(others.map((entry) => entry.operator))];
  return (
    <div className="presence" role="status">
      <span className="presence__avatars" aria-hidden="true">
        {names.map((name) => (
          <OperatorAvatar key={name} name={name} size="sm" />
        ))}
      </span>
      <span>
        {writer ? t('detail.replying', { name: writer.operator }) : t('detail.viewers', { names: names.join(', ') })}
      </span>
    </div>
  );
}

interface DetailsProps {
  mention: MentionDetail;
  context: MentionContext;
  actions: DetailActions;
  changedBy: string | null;
  reload(): void;
}

function Details({ mention, context, actions, changedBy, reload }: DetailsProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const href = safeHref(mention.url);
  const name = mention.author.displayName ?? `@${mention.author.handle}`;
  useLoadInboxSettings();
  const remoteMedia = useInboxSettings((state) => state.settings?.remoteMedia ?? false);
  return (
    <>
      {changedBy && (
        <p className="detail__notice" role="status">
          <CircleAlert aria-hidden="true" size={14} />
          {t('detail.changedMeanwhile', { actor: changedBy })}
        </p>
      )}
      <div className="detail__actions" role="toolbar" aria-label={t('inbox.actions.label')}>
        <button type="button" className="button button--small button--primary" onClick={actions.reply}>
          <MessageSquareReply aria-hidden="true" size={14} />
          {t('detail.reply')}
          <KeyHint keyName="r" />
        </button>
        <button type="button" className="button button--small" onClick={actions.resolve}>
          <CheckCheck aria-hidden="true" size={14} />
          {t('detail.resolve')}
          <KeyHint keyName="e" />
        </button>
        <button type="button" className="button button--small" onClick={actions.assign}>
          <UserPlus aria-hidden="true" size={14} />
          {t('detail.assign')}
          <KeyHint keyName="a" />
        </button>
      </div>
      <div className="detail__author">
        <span className="detail__author-name">{name}</span>
        <span className="author__handle">@{mention.author.handle}</span>
        <span className="detail__muted numeric">
          {t('inbox.reach', { formatted: fmt.number(mention.author.followers) })}
        </span>
      </div>
      <p className="detail__text" lang={mention.lang && mention.lang !== 'other' ? mention.lang : undefined}>
        <LinkedText text={mention.text} links={context.links} />
      </p>
      {context.media && context.media.length > 0 && (
        <Section id="detail-media" title={t('detail.media')}>
          <MediaList media={context.media} remote={remoteMedia} />
          <RemoteMediaSwitch on={remoteMedia} />
        </Section>
      )}
      {href ? (
        <SafeLink url={href} className="detail__link">
          <ExternalLink aria-hidden="true" size={14} />
          {t('detail.openOriginal')}
        </SafeLink>
      ) : (
        <p className="detail__muted">{t('detail.noLink')}</p>
      )}
      <dl className="facts facts--detail">
        <dt>{t('detail.status')}</dt>
        <dd>
          <StatusLabel status={mention.status} />
        </dd>
        <dt>{t('detail.assignee')}</dt>
        <dd>
          {mention.assignee ? (
            <span className="detail__assignee">
              <OperatorAvatar name={mention.assignee} size="sm" decorative />
              {mention.assignee}
            </span>
          ) : (
            t('detail.unassigned')
          )}
        </dd>
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
        <dt>{t('detail.priority')}</dt>
        <dd className="numeric">{fmt.number(mention.priority)}</dd>
        <dt>{t('detail.reach')}</dt>
        <dd className="numeric">{fmt.number(mention.reach)}</dd>
        <dt>{t('detail.language')}</dt>
        <dd>{mention.lang ? t(`language.${mention.lang}`) : t('common.missing')}</dd>
        <dt>{t('topics.column')}</dt>
        <dd>{mention.topicIds?.length ? <TopicChips ids={mention.topicIds} /> : t('common.missing')}</dd>
        <dt>{t('detail.tags')}</dt>
        <dd>
          <ul className="tag-list">
            {context.tags.map((tag) => (
              <li key={tag} className="chip tag">
                {tag}
                <button
                  type="button"
                  className="tag__remove"
                  onClick={() => actions.removeTag(tag)}
                  aria-label={t('detail.removeTag', { tag })}
                  title={t('detail.removeTag', { tag })}
                >
                  <X aria-hidden="true" size={11} />
                </button>
              </li>
            ))}
            <li>
              <button type="button" className="chip tag tag--add" onClick={actions.tag}>
                {t('detail.addTag')}
              </button>
            </li>
          </ul>
        </dd>
      </dl>
      <MentionAnalysis id={mention.id} reach={mention.reach} />
      <Section id="detail-thread" title={t('detail.thread')}>
        {context.thread.parent && <MentionList mentions={[context.thread.parent]} empty="" />}
        <MentionList
          mentions={[...context.thread.conversation, ...context.thread.replies].filter(
            (other, index, all) => other.id !== mention.id && all.findIndex((x) => x.id === other.id) === index,
          )}
          empty={context.thread.parent ? '' : t('detail.noThread')}
        />
      </Section>
      <Section id="detail-author-history" title={t('detail.authorHistory', { name })}>
        <MentionList mentions={context.authorMentions} empty={t('detail.noAuthorHistory')} />
      </Section>
      <Section id="detail-our-replies" title={t('detail.ourReplies')}>
        {context.ourReplies.length === 0 ? (
          <p className="detail__muted">{t('detail.noOurReplies')}</p>
        ) : (
          <ul className="mini-mentions">
            {context.ourReplies.map((reply) => (
              <li key={`${reply.mentionId}-${reply.at}`} className="mini-mention">
                <div className="mini-mention__meta">
                  <span>{reply.operator ?? t('common.missing')}</span>
                  <time dateTime={reply.at}>{fmt.dateTime(reply.at)}</time>
                </div>
                <p className="mini-mention__text">{reply.text}</p>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="detail-notes" title={t('detail.notes')}>
        <Notes mentionId={mention.id} notes={context.notes} onAdded={reload} />
      </Section>
      <Section id="detail-history" title={t('detail.history')}>
        <History entries={context.history} />
      </Section>
    </>
  );
}

/**
 * The open mention: the post, its facts and actions, the conversation, the author's earlier posts,
 * notes and history; who else has it open. Follows changes (here or elsewhere) as they happen.
 */
export function MentionDetailPane({ id, seenVersion, onSeen, onClose, actions, replying }: DetailProps) {
  const { t } = useTranslation();
  const me = useOperator()?.name;
  const [reloads, setReloads] = useState(0);
  // A change (here, in another window, at another desk) changes what the pane shows.
  const [loaded] = useMentionRead(id, readDetail, 'mentions.get', reloads);
  const shown = loaded && 'value' in loaded ? { id, ...loaded.value } : loaded;
  const version = shown && 'mention' in shown ? shown.mention.version : null;
  useEffect(() => {
    if (version !== null && seenVersion === null) onSeen(id, version);
  }, [id, version, seenVersion, onSeen]);

  let changedBy: string | null = null;
  if (shown && 'context' in shown && seenVersion !== null && shown.mention.version !== seenVersion) {
    const actor = shown.context.history[0]?.actor;
    if (actor && actor !== me) changedBy = actor;
  }

  return (
    <aside className="detail" aria-label={t('detail.label')}>
      <div className="detail__bar">
        <h2 className="detail__title">{t('detail.label')}</h2>
        <Viewers id={id} replying={replying} />
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
        {shown && 'mention' in shown && (
          <Details
            mention={shown.mention}
            context={shown.context}
            actions={actions}
            changedBy={changedBy}
            reload={() => setReloads((n) => n + 1)}
          />
        )}
      </div>
    </aside>
  );
}
