import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../../shared/api/topics';
import { useTopics } from './topicsStore';
import './topics.css';

export function TopicChip({ topic }: { topic: Pick<Topic, 'name' | 'colour'> }) {
  return (
    <span className="chip topic-chip" style={{ ['--topic-colour' as string]: topic.colour }}>
      {/* The colour dot is the chip's ::before (topics.css): no element of its own on every inbox row. */}
      <span className="topic-chip__name">{topic.name}</span>
    </span>
  );
}

/** A mention's topics as coloured chips; in a narrow cell the first `max`, then "+N" (all names in the tooltip). */
export function TopicChips({ ids, max }: { ids: readonly number[] | undefined; max?: number }) {
  const { t } = useTranslation();
  const byId = useTopics((state) => state.byId);
  return topicChips(ids, byId, t, max);
}

/**
 * The chips from topics the caller looked up: hook-free, so the inbox's rows use the table's topics and `t`
 * instead of each row subscribing to the topics store (some 40 subscriptions made and dropped as rows come and go).
 */
export function topicChips(
  ids: readonly number[] | undefined,
  byId: ReadonlyMap<number, Pick<Topic, 'name' | 'colour'>>,
  t: TFunction,
  max = Infinity,
) {
  const topics = (ids ?? []).flatMap((id) => {
    const topic = byId.get(id);
    return topic ? [topic] : [];
  });
  if (topics.length === 0) return null;
  const names = topics.map((topic) => topic.name).join(', ');
  const shown = topics.slice(0, max);
  return (
    <span className="topic-chips" title={names} aria-label={t('topics.chips', { names })} role="group">
      {/* Keyed by place: a list row showing another mention's topic changes the chip's name and colour instead
          of building a new chip (a new list's rows replaced some 20 chips, 60 elements, in its first frame). */}
      {shown.map((topic, place) => (
        <TopicChip key={place} topic={topic} />
      ))}
      {topics.length > shown.length && (
        <span className="topic-chips__more">{t('topics.more', { count: topics.length - shown.length })}</span>
      )}
    </span>
  );
}
