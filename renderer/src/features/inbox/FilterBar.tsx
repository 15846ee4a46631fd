import { X } from 'lucide-react';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNEE_ME, ASSIGNEE_NONE } from '../../../../shared/domain/inbox';
import { CHANNELS, LANGUAGES, MENTION_STATUSES, SENTIMENT_LABELS } from '../../../../shared/domain/values';
import { ChannelLabel, SentimentLabelView, StatusLabel } from '../../components/MentionLabels';
import { useFormat } from '../../i18n/format';
import { useOperator } from '../../stores/operator';
import { useOperators } from '../operators/operatorsStore';
import { TopicChip } from '../topics/TopicChips';
import { useTopics } from '../topics/topicsStore';
import { CheckList, FilterMenu } from './FilterMenu';
import type { InboxFilter } from './link';
import { useAsked } from './useAsked';

const PRIORITIES = [
  { key: 'high', min: 70 },
  { key: 'medium', min: 40 },
] as const;

/** yyyy-mm-dd of a local day ↔ the instant its midnight starts; `to` is exclusive, so it shows the day before. */
function dayOf(iso: string | undefined, exclusiveEnd = false): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (exclusiveEnd) at.setDate(at.getDate() - 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

function instantOf(day: string, exclusiveEnd = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const at = new Date(`${day}T00:00:00`);
  if (exclusiveEnd) at.setDate(at.getDate() + 1);
  return at.toISOString();
}

type Key = keyof InboxFilter;

/**
 * Filters over the inbox: a menu per field, and every active filter (menus, search query, saved view
 * extras) as a chip that names it and removes it. Memoised: it renders again with its filter (the page keeps
 * `onChange` the same function), not with every state of the list, such as a first page arriving.
 *
 * The filter asked for shows here at once; the page renders it once its list's first page has come (see
 * InboxPage's LIST_WAIT_MS), and meanwhile a controlled checkbox or date field would go back to the filter shown.
 */
export const FilterBar = memo(function FilterBar({
  filter: shown,
  onChange: change,
}: {
  filter: InboxFilter;
  onChange(next: InboxFilter): void;
}) {
  const [filter, ask] = useAsked(shown);
  const onChange = (next: InboxFilter) => {
    ask(next);
    change(next);
  };
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useOperator();
  const topics = useTopics((state) => state.topics);
  const topicsById = useTopics((state) => state.byId);
  const operators = useOperators((state) => state.profiles) ?? [];
  const set = <K extends Key>(key: K, value: InboxFilter[K] | undefined) => onChange({ ...filter, [key]: value });
  const name = (key: Key | 'period' | 'priority') => t(`inbox.filters.${key}`);

  const assigneeName = (value: string) => {
    if (value === ASSIGNEE_ME) return t('inbox.filters.me', { name: me?.name ?? '—' });
    if (value === ASSIGNEE_NONE) return t('inbox.filters.nobody');
    return value;
  };
  const dateOf = (iso: string) => new Intl.DateTimeFormat(fmt.locale, { dateStyle: 'medium' }).format(new Date(iso));

  const chips: { key: Key | 'period'; value: ReactNode; text: string; remove(): void }[] = [];
  const listChip = <V,>(key: Key, values: readonly V[] | undefined, label: (value: V) => string) => {
    if (!values?.length) return;
    const text = values.map(label).join(', ');
    chips.push({ key, value: text, text, remove: () => set(key, undefined) });
  };
  if (filter.query) {
    chips.push({
      key: 'query',
      value: <code>{filter.query}</code>,
      text: filter.query,
      remove: () => set('query', undefined),
    });
  }
  listChip('channel', filter.channel, (value) => t(`channel.${value}`));
  listChip('lang', filter.lang, (value) => t(`language.${value}`));
  listChip('sentiment', filter.sentiment, (value) => t(`sentiment.${value}`));
  listChip('status', filter.status, (value) => t(`status.${value}`));
  listChip('assignee', filter.assignee, assigneeName);
  listChip('topicId', filter.topicId, (id) => topicsById.get(id)?.name ?? `#${id}`);
  listChip('tag', filter.tag, (tag) => tag);
  if (filter.priorityMin !== undefined) {
    const text = t('inbox.filters.priorityAtLeast', { value: fmt.number(filter.priorityMin) });
    chips.push({ key: 'priorityMin', value: text, text, remove: () => set('priorityMin', undefined) });
  }
  if (filter.reachMin !== undefined) {
    const text = t('inbox.filters.priorityAtLeast', { value: fmt.number(filter.reachMin) });
    chips.push({ key: 'reachMin', value: text, text, remove: () => set('reachMin', undefined) });
  }
  if (filter.from || filter.to) {
    const text = t('inbox.filters.periodValue', {
      from: filter.from ? dateOf(filter.from) : '…',
      to: filter.to ? dateOf(new Date(new Date(filter.to).getTime() - 1).toISOString()) : '…',
    });
    chips.push({
      key: 'period',
      value: text,
      text,
      remove: () => onChange({ ...filter, from: undefined, to: undefined }),
    });
  }
  const chipName = (key: Key | 'period') => (key === 'priorityMin' ? name('priority') : name(key));

  return (
    <div className="filter-bar" role="toolbar" aria-label={t('inbox.filters.label')}>
      <div className="filter-bar__menus">
        <FilterMenu label={name('channel')} active={!!filter.channel?.length}>
          <CheckList
            options={CHANNELS.map((value) => ({ value, label: <ChannelLabel channel={value} /> }))}
            chosen={filter.channel ?? []}
            onChange={(next) => set('channel', next)}
          />
        </FilterMenu>
        <FilterMenu label={name('lang')} active={!!filter.lang?.length}>
          <CheckList
            options={LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
            chosen={filter.lang ?? []}
            onChange={(next) => set('lang', next)}
          />
        </FilterMenu>
        <FilterMenu label={name('sentiment')} active={!!filter.sentiment?.length}>
          <CheckList
            options={SENTIMENT_LABELS.map((value) => ({ value, label: <SentimentLabelView sentiment={value} /> }))}
            chosen={filter.sentiment ?? []}
            onChange={(next) => set('sentiment', next)}
          />
        </FilterMenu>
        <FilterMenu label={name('status')} active={!!filter.status?.length}>
          <CheckList
            options={MENTION_STATUSES.map((value) => ({ value, label: <StatusLabel status={value} /> }))}
            chosen={filter.status ?? []}
            onChange={(next) => set('status', next)}
          />
        </FilterMenu>
        <FilterMenu label={name('assignee')} active={!!filter.assignee?.length}>
          <CheckList
            options={[
              ...(me ? [{ value: ASSIGNEE_ME, label: assigneeName(ASSIGNEE_ME) }] : []),
              { value: ASSIGNEE_NONE, label: assigneeName(ASSIGNEE_NONE) },
              ...operators
                .filter((profile) => profile.name !== me?.name)
                .map((profile) => ({ value: profile.name, label: profile.name })),
            ]}
            chosen={filter.assignee ?? []}
            onChange={(next) => set('assignee', next)}
          />
        </FilterMenu>
        <FilterMenu label={name('topicId')} active={!!filter.topicId?.length}>
          {topics.length === 0 ? (
            <p className="filter-menu__empty">{t('inbox.filters.noTopics')}</p>
          ) : (
            <CheckList
              options={topics.map((topic) => ({ value: topic.id, label: <TopicChip topic={topic} /> }))}
              chosen={filter.topicId ?? []}
              onChange={(next) => set('topicId', next)}
            />
          )}
        </FilterMenu>
        <FilterMenu label={name('priority')} active={filter.priorityMin !== undefined}>
          <ul className="check-list">
            {[...PRIORITIES, { key: 'any', min: undefined } as const].map((option) => (
              <li key={option.key}>
                <label className="check-list__item">
                  <input
                    type="radio"
                    name="inbox-priority"
                    checked={filter.priorityMin === option.min}
                    onChange={() => set('priorityMin', option.min)}
                  />
                  {t(`inbox.filters.priorities.${option.key}`)}
                </label>
              </li>
            ))}
          </ul>
        </FilterMenu>
        <FilterMenu label={name('period')} active={!!(filter.from || filter.to)}>
          <div className="period-fields">
            <label className="field">
              <span className="field__label">{t('inbox.filters.from')}</span>
              <input
                type="date"
                className="input"
                value={dayOf(filter.from)}
                onChange={(event) => set('from', instantOf(event.target.value))}
              />
            </label>
            <label className="field">
              <span className="field__label">{t('inbox.filters.to')}</span>
              <input
                type="date"
                className="input"
                value={dayOf(filter.to, true)}
                onChange={(event) => set('to', instantOf(event.target.value, true))}
              />
            </label>
          </div>
        </FilterMenu>
      </div>
      {chips.length > 0 && (
        <ul className="filter-chips" aria-label={t('inbox.filters.label')}>
          {chips.map((chip) => (
            <li key={chip.key} className="chip filter-chip">
              <span className="filter-chip__name">{chipName(chip.key)}:</span>
              <span className="filter-chip__value">{chip.value}</span>
              <button
                type="button"
                className="filter-chip__remove"
                onClick={chip.remove}
                aria-label={t('inbox.filters.remove', { name: `${chipName(chip.key)}: ${chip.text}` })}
                title={t('inbox.filters.remove', { name: `${chipName(chip.key)}: ${chip.text}` })}
              >
                <X aria-hidden="true" size={12} />
              </button>
            </li>
          ))}
          {chips.length > 1 && (
            <li>
              <button type="button" className="filter-chips__clear" onClick={() => onChange({})}>
                {t('inbox.filters.clearAll')}
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
});
