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

export function MediaList({ media }: { media: NonNullable<MentionContext['media']> }) {
  const { t } = useTranslation();
  return (
    <ul className="media-list">
      {media.map((item, index) => (
        <li key={item.url}>
          <SafeLink url={item.url} className="media-list__item">
            {item.kind === 'image' ? <ImageIcon aria-hidden="true" size={16} /> : <Film aria-hidden="true" size={16} />}
            <span>{item.alt ?? t('detail.mediaItem', { n: index + 1 })}</span>
          </SafeLink>
        </li>
      ))}
    </ul>
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
