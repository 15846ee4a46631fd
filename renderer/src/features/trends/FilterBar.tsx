import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../shared/domain/mention';
import { useTopicFeed, useTopics } from '../topics/topicsStore';
import type { TrendFilters } from './dashboards';
import { MultiSelect } from './MultiSelect';

const LANGUAGES = ['nl', 'en', 'other'] as const;

/** Topic, channel and language filters; every panel and every click-through to the inbox obeys them. */
export function FilterBar({ filters, onChange }: { filters: TrendFilters; onChange(filters: TrendFilters): void }) {
  const { t } = useTranslation();
  useTopicFeed();
  const topics = useTopics((state) => state.topics);
  return (
    <div className="trends-filters" role="group" aria-label={t('trends.filters.label')}>
      <MultiSelect
        label={t('trends.filters.topic')}
        options={topics.map((topic) => ({ value: topic.id, label: topic.name }))}
        selected={filters.topicId}
        onChange={(topicId) => onChange({ ...filters, topicId })}
      />
      <MultiSelect
        label={t('trends.filters.channel')}
        options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
        selected={filters.channel}
        onChange={(channel) => onChange({ ...filters, channel })}
      />
      <MultiSelect
        label={t('trends.filters.language')}
        options={LANGUAGES.map((lang) => ({ value: lang, label: t(`trends.language.${lang}`) }))}
        selected={filters.lang}
        onChange={(lang) => onChange({ ...filters, lang })}
      />
    </div>
  );
}
