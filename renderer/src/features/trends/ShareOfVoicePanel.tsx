import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareOfVoicePanel as ShareData } from '../../../../shared/api/trends';
import { useFormat } from '../../i18n/format';
import { Chart, type ChartClick, type ChartHandle } from './Chart';
import type { ChartColours } from './chartTheme';
import { chartFormat, type ChartFormat } from './chartFormat';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './panelProps';
import { panelQuestions } from './panelQueries';
import { useChartColours } from './useChartColours';
import { useTrend } from './useTrend';

type Translate = ReturnType<typeof useTranslation>['t'];

function shareOption(data: ShareData, colours: ChartColours, format: ChartFormat, t: Translate) {
  // Largest on top: ECharts draws a category y axis bottom-up.
  const topics = [...data.topics].sort((a, b) => a.share - b.share);
  const series: object[] = [
    {
      id: 'share',
      name: t('trends.share.current'),
      type: 'bar',
      data: topics.map((topic) => ({ value: topic.share, itemStyle: { color: topic.colour } })),
      barMaxWidth: 18,
      label: {
        show: true,
        position: 'right',
        color: colours.textMuted,
        formatter: ({ dataIndex }: { dataIndex: number }) => {
          const topic = topics[dataIndex]!;
          return `${format.percent(topic.share)} · ${format.number(topic.total)}`;
        },
      },
    },
  ];
  if (data.compare) {
    series.push({
      id: 'previous',
      name: t(`trends.comparison.series.${data.compare.mode}`),
      type: 'bar',
      data: topics.map((topic) => topic.previousShare ?? 0),
      barMaxWidth: 6,
      itemStyle: { color: colours.textMuted },
    });
  }
  return {
    grid: { left: 8, right: 96, top: data.compare ? 28 : 8, bottom: 8, containLabel: true },
    legend: data.compare ? { top: 0, left: 0, icon: 'roundRect', itemWidth: 10, itemHeight: 10 } : undefined,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      renderMode: 'richText',
      valueFormatter: (value: number) => format.percent(value),
    },
    xAxis: { type: 'value', max: 1, axisLabel: { formatter: (value: number) => format.percent(value) } },
    yAxis: { type: 'category', data: topics.map((topic) => topic.name), axisTick: { show: false } },
    series,
  };
}

/** Each topic's share of all topic mentions, against the comparison period when one is chosen. */
export function ShareOfVoicePanel({ config, range, placement, openInbox }: PanelProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const format = chartFormat(locale);
  const colours = useChartColours();
  const chart = useRef<ChartHandle>(null);
  const { data, loading, error } = useTrend('trends.shareOfVoice', panelQuestions.shareOfVoice(config, range).input);
  const option = useMemo(() => (data ? shareOption(data, colours, format, t) : null), [data, colours, format, t]);
  const ordered = useMemo(() => (data ? [...data.topics].sort((a, b) => a.share - b.share) : []), [data]);

  const onClick = (click: ChartClick) => {
    const topic = ordered[click.dataIndex];
    if (!topic || !data) return;
    const period = click.seriesId === 'previous' && data.compare ? data.compare : range;
    openInbox({ ...topic.inbox, from: period.from, to: period.to });
  };

  const table = () =>
    data && {
      header: ['topic_id', 'topic', 'mentions', 'share', 'previous_mentions', 'previous_share'],
      rows: data.topics.map((topic) => [
        topic.topicId,
        topic.name,
        topic.total,
        topic.share,
        topic.previousTotal,
        topic.previousShare,
      ]),
    };

  return (
    <PanelFrame
      name="share-of-voice"
      title={t('trends.share.title')}
      caption={t('trends.share.caption')}
      placement={placement}
      range={range}
      loading={loading}
      error={error}
      empty={!data || data.topics.every((topic) => topic.total === 0)}
      emptyText={
        data?.topics.length === 0
          ? { title: t('trends.share.noTopics'), hint: t('trends.share.noTopicsHint') }
          : undefined
      }
      chart={() => chart.current}
      table={table}
    >
      {option && (
        <Chart ref={chart} option={option} colours={colours} label={t('trends.share.title')} onClick={onClick} />
      )}
    </PanelFrame>
  );
}
