import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SentimentPanel as SentimentData } from '../../../../shared/api/trends';
import { SENTIMENT_LABELS, type SentimentLabel } from '../../../../shared/domain/mention';
import { useFormat } from '../../i18n/format';
import { Chart, type ChartClick, type ChartHandle } from './Chart';
import type { ChartColours } from './chartTheme';
import { chartFormat, type ChartFormat } from './chartFormat';
import { inboxFilterFor } from '../../../../shared/trends/inbox';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './panelProps';
import { panelQuestions } from './panelQueries';
import { annotationMarks, bucketAxis, drawsBars, insideZoom, timeGrid } from './timeAxis';
import { useChartColours } from './useChartColours';
import { useTrend } from './useTrend';

type Translate = ReturnType<typeof useTranslation>['t'];

function mixOption(data: SentimentData, colours: ChartColours, format: ChartFormat, t: Translate) {
  const bars = drawsBars(data.buckets);
  return {
    grid: timeGrid(false),
    legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 10, itemHeight: 10 },
    tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: (value: number) => format.number(value) },
    xAxis: {
      ...bucketAxis(data.buckets, data.granularity, format),
      boundaryGap: bars,
      axisPointer: {
        label: { formatter: ({ value }: { value: string }) => format.bucketLong(value, data.granularity) },
      },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => format.number(value) } },
    dataZoom: insideZoom,
    series: SENTIMENT_LABELS.map((label, index) => ({
      id: label,
      name: t(`sentiment.${label}`),
      type: bars ? 'bar' : 'line',
      stack: 'mix',
      showSymbol: false,
      sampling: 'lttb',
      areaStyle: bars ? undefined : { opacity: 0.85 },
      lineStyle: bars ? undefined : { width: 0 },
      data: data[label],
      itemStyle: { color: colours[label] },
      emphasis: { focus: 'series' },
      ...(index === 0 ? annotationMarks(data.buckets, data.annotations, colours) : {}),
    })),
  };
}

/** How the mentions divide over positive, neutral and negative, per bucket and in total. */
export function SentimentMixPanel({ config, range, placement, openInbox }: PanelProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const format = chartFormat(locale);
  const colours = useChartColours();
  const chart = useRef<ChartHandle>(null);
  const { data, loading, error } = useTrend('trends.sentiment', panelQuestions.sentimentMix(config, range).input);
  const option = useMemo(() => (data ? mixOption(data, colours, format, t) : null), [data, colours, format, t]);

  const onClick = (click: ChartClick) => {
    const bucket = data?.buckets[click.dataIndex];
    if (data && bucket && click.componentType === 'axis') return openInbox(inboxFilterFor(data.inbox, bucket));
    const label = click.seriesId as SentimentLabel;
    if (data && bucket && SENTIMENT_LABELS.includes(label))
      openInbox({ ...inboxFilterFor(data.inbox, bucket), sentiment: [label] });
  };

  const scored = data ? data.mix.positive + data.mix.neutral + data.mix.negative : 0;
  const share = (label: SentimentLabel) => format.percent(scored ? (data?.mix[label] ?? 0) / scored : 0);
  const previous = data?.compare?.mix;
  const previousScored = previous ? previous.positive + previous.neutral + previous.negative : 0;
  const caption = data
    ? [
        t('trends.mix.caption', {
          positive: share('positive'),
          neutral: share('neutral'),
          negative: share('negative'),
        }),
        previous && previousScored
          ? t('trends.mix.previous', { negative: format.percent(previous.negative / previousScored) })
          : '',
      ].join(' ')
    : null;

  const table = () =>
    data && {
      header: ['bucket_start', 'bucket_end', ...SENTIMENT_LABELS, 'unscored'],
      rows: data.buckets.map((bucket, index) => [
        bucket.start,
        bucket.end,
        ...SENTIMENT_LABELS.map((label) => data[label][index] ?? null),
        data.unscored[index] ?? null,
      ]),
    };

  return (
    <PanelFrame
      name="sentiment-mix"
      title={t('trends.mix.title')}
      caption={caption}
      placement={placement}
      range={range}
      loading={loading}
      error={error}
      empty={!data || scored === 0}
      chart={() => chart.current}
      table={table}
    >
      {option && (
        <Chart
          ref={chart}
          option={option}
          colours={colours}
          label={t('trends.mix.title')}
          onClick={onClick}
          axisClicks
        />
      )}
    </PanelFrame>
  );
}
