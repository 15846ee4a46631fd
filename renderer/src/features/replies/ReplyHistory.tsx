import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyAuditEntry } from '../../../../shared/api/replies';
import { ApiError, call } from '../../api/client';
import { useFormat } from '../../i18n/format';

const KNOWN_ACTIONS = [
  'reply.draft',
  'reply.discard',
  'reply.submit',
  'reply.ready',
  'reply.approve',
  'reply.reject',
  'reply.fail',
  'reply.send',
  'reply.markSent',
];

/** A reply's audit trail (who did what, when), read from the audit log when the operator opens it. */
export function ReplyHistory({ replyId }: { replyId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [entries, setEntries] = useState<ReplyAuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const read = () => {
    call('replies.audit', { replyId })
      .then(setEntries)
      .catch((caught: unknown) => setError(caught instanceof ApiError ? caught.message : String(caught)));
  };
  return (
    <details
      className="reply-history"
      onToggle={(event) => {
        if (event.currentTarget.open) read();
      }}
    >
      <summary>{t('replies.history.title')}</summary>
      {error && <p className="form-error">{error}</p>}
      {entries && (
        <ol className="reply-history__list" aria-label={t('replies.history.title')}>
          {entries.map((entry, index) => (
            <li key={index}>
              <time dateTime={entry.at}>{fmt.dateTime(entry.at)}</time>{' '}
              {t('replies.history.entry', {
                actor: entry.actor,
                action: KNOWN_ACTIONS.includes(entry.action)
                  ? t(`replies.history.actions.${entry.action.slice(6)}`)
                  : entry.action,
              })}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
