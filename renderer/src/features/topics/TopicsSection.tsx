import { Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../../shared/api/topics';
import { ApiError, call } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { currentOperator } from '../analysis-settings/operator';
import { TopicChip } from './TopicChips';
import { TopicEditor } from './TopicEditor';
import { refreshTopics, useTopicFeed, useTopics } from './topicsStore';

function TopicItem({ topic, onEdit, onRemoved }: { topic: Topic; onEdit(): void; onRemoved(message: string): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    try {
      await call('topics.delete', { id: topic.id, operator: currentOperator() });
      await refreshTopics();
      onRemoved(t('topics.removed', { name: topic.name }));
    } catch (caught) {
      onRemoved(t('topics.failed', { message: caught instanceof ApiError ? caught.message : String(caught) }));
    }
  };
  return (
    <li className="topic-item">
      <div className="topic-item__head">
        <TopicChip topic={topic} />
        <span className="topic-item__count numeric">
          {t('topics.mentions', { count: topic.mentions, formatted: fmt.number(topic.mentions) })}
        </span>
      </div>
      <code className="topic-item__query">{topic.query}</code>
      <div className="topic-item__actions">
        {confirming ? (
          <>
            <span className="topic-item__confirm">{t('topics.confirmRemove', { name: topic.name })}</span>
            <button type="button" className="button button--small" onClick={() => setConfirming(false)} autoFocus>
              {t('topics.confirmNo')}
            </button>
            <button type="button" className="button button--small button--danger" onClick={() => void remove()}>
              {t('topics.confirmYes')}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button button--small"
              onClick={onEdit}
              aria-label={t('topics.editLabel', { name: topic.name })}
            >
              <Pencil aria-hidden="true" size={14} />
              {t('topics.edit')}
            </button>
            <button
              type="button"
              className="button button--small button--quiet-danger"
              onClick={() => setConfirming(true)}
              aria-label={t('topics.removeLabel', { name: topic.name })}
            >
              <Trash2 aria-hidden="true" size={14} />
              {t('topics.remove')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

/** Settings → Topics: the saved queries that tag mentions, to create, edit and remove. */
export function TopicsSection() {
  const { t } = useTranslation();
  useTopicFeed();
  const topics = useTopics((state) => state.topics);
  const loaded = useTopics((state) => state.loaded);
  const [editing, setEditing] = useState<Topic | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="settings-section" aria-labelledby="settings-topics">
      <h2 id="settings-topics" className="settings-section__title">
        {t('topics.title')}
      </h2>
      <p className="settings-section__help">{t('topics.help')}</p>
      {loaded && topics.length === 0 && <p className="muted">{t('topics.empty')}</p>}
      {topics.length > 0 && (
        <ul className="topic-list" aria-label={t('topics.listLabel')}>
          {topics.map((topic) => (
            <TopicItem
              key={topic.id}
              topic={topic}
              onEdit={() => {
                setNotice(null);
                setEditing(topic);
              }}
              onRemoved={(message) => {
                setNotice(message);
                if (editing?.id === topic.id) setEditing(null);
              }}
            />
          ))}
        </ul>
      )}
      <p className="settings-notice" role="status">
        {notice}
      </p>
      <TopicEditor
        key={editing?.id ?? 'new'}
        topic={editing}
        onDone={(message) => {
          setEditing(null);
          setNotice(message);
        }}
      />
    </section>
  );
}
