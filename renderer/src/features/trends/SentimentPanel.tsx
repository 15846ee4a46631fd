import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SentimentPanel as SentimentData } from '../../../../shared/api/trends';
import { useFormat } from '../../i18n/format';
import { Chart, type ChartClick, type ChartHandle } from './Chart';
import type { ChartColours } from './chartTheme';
import { chartFormat, type ChartFormat } from './chartFormat';
import { inboxFilterFor } from '../../../../shared/trends/inbox';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './panelProps';
import { panelQuestions } from './panelQueries';
import { SignalCaption, SignalPicker } from './SignalPicker';
import { annotationMarks, drawsBars, timeChartOption } from './timeAxis';
import { useChartColours } from './useChartColours';
import { useTrend } from './useTrend';

type Translate = ReturnType<typeof useTranslation>['t'];

function sentimentOption(data: SentimentData, colours: ChartColours, format: ChartFormat, t: Translate) {
  const bars = drawsBars(data.buckets);
  const net = (value: number | null) => (value === null ? '—' : format.signed(value));
  const series: object[] = [
    {
      id: 'volume',
      name: t('trends.sentiment.volume'),
      type: bars ? 'bar' : 'line',
      yAxisIndex: 1,
      data: data.total,
      showSymbol: false,
      sampling: 'lttb',
      areaStyle: bars ? undefined : { color: colours.border, opacity: 1 },
      lineStyle: bars ? undefined : { width: 0 },
      itemStyle: { color: colours.border },
      emphasis: { itemStyle: { color: colours.textMuted } },
      tooltip: { valueFormatter: (value: number) => format.number(value) },
    },
    {
      id: 'net',
      name: t('trends.sentiment.net'),
      type: 'line',
      data: data.net,
      showSymbol: false,
      sampling: 'lttb',
      connectNulls: false,
      lineStyle: { color: colours.text, width: 1.75 },
      itemStyle: { color: colours.text },
      tooltip: { valueFormatter: net },
      z: 3,
      ...annotationMarks(data.buckets, data.annotations, colours),
    },
    {
      // Above zero is tinted green, below red: sentiment keeps the app's one meaning per colour.
      id: 'bands',
      type: 'line',
      data: [],
      silent: true,
      tooltip: { show: false },
      markArea: {
        silent: true,
        data: [
          [{ yAxis: 0, itemStyle: { color: colours.positive, opacity: 0.07 } }, { yAxis: 1 }],
          [{ yAxis: -1, itemStyle: { color: colours.negative, opacity: 0.07 } }, { yAxis: 0 }],
        ],
      },
    },
  ];
  return timeChartOption(
    {
      buckets: data.buckets,
      granularity: data.granularity,
      bars,
      series,
      yAxis: [
        {
          type: 'value',
          min: -1,
          max: 1,
          interval: 0.5,
          axisLabel: { formatter: (value: number) => format.signed(value) },
        },
        { type: 'value', show: false, splitLine: { show: false } },
      ],
      compare: data.compare && {
        mode: data.compare.mode,
        values: data.compare.net,
        tooltip: { valueFormatter: net },
        z: 2,
      },
      signal: data.signal,
      unlisted: ['bands'],
    },
    colours,
    format,
    t,
  );
}

/** Net sentiment ((positive − negative) / total) over time, with the volume it rests on behind it. */
export function SentimentPanel({ config, range, placement, onConfig, openInbox }: PanelProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const format = chartFormat(locale);
  const colours = useChartColours();
  const chart = useRef<ChartHandle>(null);
  const { data, loading, error } = useTrend('trends.sentiment', panelQuestions.sentiment(config, range).input);
  const option = useMemo(() => (data ? sentimentOption(data, colours, format, t) : null), [data, colours, format, t]);

  const onClick = (click: ChartClick) => {
    if (!data) return;
    const buckets = click.seriesId === 'compare' && data.compare ? data.compare.buckets : data.buckets;
    const bucket = buckets[click.dataIndex];
    if (bucket && click.seriesId !== 'signal') openInbox(inboxFilterFor(data.inbox, bucket));
  };

  const table = () =>
    data && {
      header: [
        'bucket_start',
        'bucket_end',
        'positive',
        'neutral',
        'negative',
        'unscored',
        'total',
        'net',
        ...(data.compare ? ['compare_start', 'compare_total', 'compare_net'] : []),
      ],
      rows: data.buckets.map((bucket, index) => [
        bucket.start,
        bucket.end,
        data.positive[index] ?? null,
        data.neutral[index] ?? null,
        data.negative[index] ?? null,
        data.unscored[index] ?? null,
        data.total[index] ?? null,
        data.net[index] ?? null,
        ...(data.compare
          ? [
              data.compare.buckets[index]?.start ?? null,
              data.compare.total[index] ?? null,
              data.compare.net[index] ?? null,
            ]
          : []),
      ]),
    };

  return (
    <PanelFrame
      name="sentiment"
      title={t('trends.sentiment.title')}
      caption={data?.signal ? <SignalCaption signal={data.signal} /> : t('trends.sentiment.caption')}
      options={<SignalPicker value={config.signalId} onChange={(signalId) => onConfig({ signalId })} />}
      placement={placement}
      range={range}
      loading={loading}
      error={error}
      empty={!data || data.total.every((value) => value === 0)}
      chart={() => chart.current}
      table={table}
    >
      {option && (
        <Chart
          ref={chart}
          option={option}
          colours={colours}
          label={t('trends.sentiment.title')}
          onClick={onClick}
          axisClicks
        />
      )}
    </PanelFrame>
  );
}
