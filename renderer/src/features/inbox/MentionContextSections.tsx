import { Film, Image as ImageIcon } from 'lucide-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, MentionContext, Note } from '../../../../shared/api/inbox';
import type { MentionRow } from '../../../../shared/domain/mention';
import { ApiError, call } from '../../api/client';
import { ChannelLabel, SentimentLabelView, StatusLabel } from '../../components/MentionLabels';
import { useFormat } from '../../i18n/format';
import { currentOperatorName } from '../../stores/operator';
import { OperatorAvatar } from '../operators/OperatorAvatar';
import { saveRemoteMedia } from './inboxSettingsStore';
import { SafeLink } from './SafeLink';

/** A titled block of the detail pane; its heading names it for screen readers. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="detail-section" aria-labelledby={id}>
      <h3 id={id} className="detail-section__title">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** Another post in the conversation or by the author, one compact line plus the text. */
function MiniMention({ mention }: { mention: MentionRow }) {
  const fmt = useFormat();
  return (
    <li className="mini-mention">
      <div className="mini-mention__meta">
        <ChannelLabel channel={mention.channel} />
        <span className="mini-mention__author">{mention.author.displayName ?? `@${mention.author.handle}`}</span>
        <time className="numeric" dateTime={mention.createdAt} title={fmt.dateTime(mention.createdAt)}>
          {fmt.listTime(mention.createdAt)}
        </time>
        <SentimentLabelView sentiment={mention.sentiment} />
        <StatusLabel status={mention.status} />
      </div>
      <p className="mini-mention__text">{mention.text}</p>
    </li>
  );
}

export function MentionList({ mentions, empty }: { mentions: MentionRow[]; empty: string }) {
  if (mentions.length === 0) return <p className="detail__muted">{empty}</p>;
  return (
    <ul className="mini-mentions">
      {mentions.map((mention) => (
        <MiniMention key={mention.id} mention={mention} />
      ))}
    </ul>
  );
}

type MediaItem = NonNullable<MentionContext['media']>[number];

/**
 * The picture a thumbnail may show: an https address only (no http, data: or blob:), the preview when
 * there is one; a video without a preview picture has none.
 */
export function thumbnailOf(item: MediaItem): string | null {
  const candidate = item.previewUrl ?? (item.kind === 'image' ? item.url : null);
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** One attachment: a link, with its thumbnail when remote media are on and the picture loads. */
function MediaEntry({ item, index, remote }: { item: MediaItem; index: number; remote: boolean }) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState(false);
  const thumbnail = remote && !broken ? thumbnailOf(item) : null;
  const name = item.alt ?? t(item.kind === 'image' ? 'detail.mediaItem' : 'detail.mediaVideo', { n: index + 1 });
  return (
    <li>
      <SafeLink url={item.url} className={`media-list__item${thumbnail ? ' media-list__item--thumb' : ''}`}>
        {thumbnail ? (
          // No referrer and no credentials of ours go with it; a failed load falls back to the link.
          <img
            className="media-list__thumb"
            src={thumbnail}
            alt={name}
            referrerPolicy="no-referrer"
            loading="lazy"
            decoding="async"
            onError={() => setBroken(true)}
          />
        ) : (
          <>
            {item.kind === 'image' ? <ImageIcon aria-hidden="true" size={16} /> : <Film aria-hidden="true" size={16} />}
            <span>{name}</span>
          </>
        )}
      </SafeLink>
    </li>
  );
}

/** A post's attachments: links, or thumbnails when the workspace shows remote media (`remote`). */
export function MediaList({ media, remote }: { media: MediaItem[]; remote: boolean }) {
  return (
    <ul className={`media-list${remote ? ' media-list--thumbs' : ''}`}>
      {media.map((item, index) => (
        <MediaEntry key={item.url} item={item} index={index} remote={remote} />
      ))}
    </ul>
  );
}

/** The workspace's choice between links and remote thumbnails, with what it means for privacy. */
export function RemoteMediaSwitch({ on }: { on: boolean }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  // The box follows the click at once; the saved setting takes over when the engine answers.
  const [saving, setSaving] = useState<boolean | null>(null);
  const toggle = (next: boolean) => {
    setError(null);
    setSaving(next);
    saveRemoteMedia(next)
      .finally(() => setSaving(null))
      .catch((caught: unknown) =>
        setError(
          t('detail.remoteMediaFailed', { message: caught instanceof ApiError ? caught.message : String(caught) }),
        ),
      );
  };
  return (
    <div className="remote-media">
      <label className="remote-media__toggle">
        <input
          type="checkbox"
          checked={saving ?? on}
          onChange={(event) => toggle(event.target.checked)}
          aria-describedby="remote-media-help"
        />
        {t('detail.remoteMedia')}
      </label>
      <p id="remote-media-help" className="detail__muted remote-media__help">
        {t('detail.remoteMediaHelp')}
      </p>
      {error && (
        <p className="detail__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Internal notes: read by colleagues, never sent to the author. */
export function Notes({ mentionId, notes, onAdded }: { mentionId: number; notes: Note[]; onAdded(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await call('inbox.notes.add', { operator: currentOperatorName(), mentionId, text });
      setText('');
      setError(null);
      onAdded();
    } catch (caught) {
      setError(t('detail.failed', { message: caught instanceof ApiError ? caught.message : String(caught) }));
    }
  };
  return (
    <>
      {notes.length === 0 ? (
        <p className="detail__muted">{t('detail.noNotes')}</p>
      ) : (
        <ul className="notes">
          {notes.map((note) => (
            <li key={note.id} className="note">
              <OperatorAvatar name={note.operator} size="sm" decorative />
              <div>
                <p className="note__by">
                  {t('detail.noteBy', { name: note.operator, date: fmt.dateTime(note.createdAt) })}
                </p>
                <p className="note__text">{note.text}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="note-form" onSubmit={add}>
        <textarea
          className="input note-form__text"
          rows={2}
          value={text}
          maxLength={10_000}
          aria-label={t('detail.notePlaceholder')}
          placeholder={t('detail.notePlaceholder')}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button button--small" disabled={text.trim() === ''}>
          {t('detail.addNote')}
        </button>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </>
  );
}

/** A history entry in words: what changed from what to what. */
function describeEntry(entry: HistoryEntry, t: ReturnType<typeof useTranslation>['t']): string {
  const { before, after } = entry.detail as { before?: unknown; after?: unknown };
  const show = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('common.missing');
    if (Array.isArray(value)) return value.map(show).join(', ') || t('common.missing');
    if (typeof value === 'object')
      return Object.values(value as Record<string, unknown>)
        .map(show)
        .join(', ');
    const text = String(value);
    return t(`status.${text}`, { defaultValue: text });
  };
  const what = entry.action.replace(/^mention\./, '');
  if (before !== undefined || after !== undefined) return `${what}: ${show(before)} → ${show(after)}`;
  return what;
}

export function History({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (entries.length === 0) return <p className="detail__muted">{t('detail.noHistory')}</p>;
  return (
    <ol className="history">
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className="history__entry">
          <span className="history__what">{describeEntry(entry, t)}</span>
          <span className="history__who">
            {t('detail.historyEntry', { actor: entry.actor, date: fmt.dateTime(entry.at) })}
          </span>
        </li>
      ))}
    </ol>
  );
}
