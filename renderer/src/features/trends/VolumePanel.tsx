import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumePanel as VolumeData } from '../../../../shared/api/trends';
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
import { peakIndexes } from './peaks';
import { useChartColours } from './useChartColours';
import { useTrend } from './useTrend';

type Translate = ReturnType<typeof useTranslation>['t'];

function volumeOption(data: VolumeData, stackBy: string, colours: ChartColours, format: ChartFormat, t: Translate) {
  const stacked = stackBy !== 'topic';
  const bars = stacked && drawsBars(data.buckets);
  const peaks = peakIndexes(data.total, 3);
  const series: object[] = data.series.map((series, index) => ({
    id: `series:${series.key}`,
    name: stackBy === 'channel' ? t(`channel.${series.key}`, { defaultValue: series.label }) : series.label,
    type: bars ? 'bar' : 'line',
    stack: stacked ? 'volume' : undefined,
    showSymbol: false,
    sampling: 'lttb',
    barCategoryGap: '20%',
    areaStyle: stacked && !bars ? { opacity: 0.9 } : undefined,
    lineStyle: stacked && !bars ? { width: 0 } : undefined,
    emphasis: { focus: 'series' },
    itemStyle: series.colour ? { color: series.colour } : undefined,
    data: series.values,
    ...(index === 0 ? annotationMarks(data.buckets, data.annotations, colours) : {}),
  }));
  series.push({
    id: 'peaks',
    name: t('trends.volume.total'),
    // Carries the peak marks and, by topic (where stacks overlap), the total in the tooltip.
    type: 'line',
    data: data.total,
    showSymbol: false,
    lineStyle: { opacity: 0 },
    itemStyle: { color: colours.text },
    tooltip: { show: !stacked },
    markPoint: {
      symbol: 'pin',
      symbolSize: 38,
      itemStyle: { color: colours.accent },
      label: {
        color: colours.surface,
        fontSize: 10,
        formatter: ({ value }: { value: number }) => format.number(value),
      },
      data: peaks.map((index) => ({ name: 'peak', coord: [index, data.total[index]], value: data.total[index] })),
    },
  });
  return timeChartOption(
    {
      buckets: data.buckets,
      granularity: data.granularity,
      bars,
      series,
      yAxis: [{ type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => format.number(value) } }],
      compare: data.compare && { mode: data.compare.mode, values: data.compare.total, z: 4 },
      signal: data.signal,
      unlisted: ['peaks'],
      legend: { type: 'scroll' },
      tooltip: { valueFormatter: (value: number | null) => (value === null ? '—' : format.number(value)) },
    },
    colours,
    format,
    t,
  );
}

/** Volume over time, stacked by channel (or topics side by side), with peaks marked and the comparison dashed. */
export function VolumePanel({ config, range, placement, onConfig, openInbox }: PanelProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const format = chartFormat(locale);
  const colours = useChartColours();
  const chart = useRef<ChartHandle>(null);
  const stackBy = config.stackBy ?? 'channel';
  const { data, loading, error } = useTrend('trends.volume', panelQuestions.volume(config, range).input);
  const option = useMemo(
    () => (data ? volumeOption(data, stackBy, colours, format, t) : null),
    [data, stackBy, colours, format, t],
  );

  const onClick = (click: ChartClick) => {
    if (!data) return;
    if (click.componentType === 'axis') {
      const bucket = data.buckets[click.dataIndex];
      if (bucket) openInbox(inboxFilterFor(data.inbox, bucket));
      return;
    }
    if (click.componentType === 'markPoint') {
      const coord = (click.data as { coord?: [number, number] } | undefined)?.coord;
      const bucket = coord ? data.buckets[coord[0]] : undefined;
      if (bucket) openInbox(inboxFilterFor(data.inbox, bucket));
      return;
    }
    if (click.seriesId === 'compare' && data.compare) {
      const bucket = data.compare.buckets[click.dataIndex];
      if (bucket) openInbox(inboxFilterFor(data.inbox, bucket));
      return;
    }
    const bucket = data.buckets[click.dataIndex];
    const series = data.series.find((one) => `series:${one.key}` === click.seriesId);
    if (bucket && series) openInbox(inboxFilterFor(series.inbox, bucket));
    else if (bucket && click.seriesId === 'peaks') openInbox(inboxFilterFor(data.inbox, bucket));
  };

  const table = () =>
    data && {
      header: [
        'bucket_start',
        'bucket_end',
        ...data.series.map((series) => series.key),
        'total',
        ...(data.compare ? ['compare_start', 'compare_total'] : []),
        ...(data.signal ? [data.signal.name] : []),
      ],
      rows: data.buckets.map((bucket, index) => [
        bucket.start,
        bucket.end,
        ...data.series.map((series) => series.values[index] ?? null),
        data.total[index] ?? null,
        ...(data.compare ? [data.compare.buckets[index]?.start ?? null, data.compare.total[index] ?? null] : []),
        ...(data.signal ? [data.signal.values[index] ?? null] : []),
      ]),
    };

  const empty = !data || data.total.every((value) => value === 0);
  const peaks = useMemo(() => (data ? peakIndexes(data.total, 3) : []), [data]);
  const peakList = data && peaks.length > 0 && (
    <span className="peak-list">
      {t('trends.volume.peaks')}
      {peaks.map((index) => {
        const bucket = data.buckets[index]!;
        return (
          <button
            key={index}
            type="button"
            className="peak-list__peak"
            onClick={() => openInbox(inboxFilterFor(data.inbox, bucket))}
          >
            {t('trends.volume.peak', {
              when: format.bucketLong(bucket.start, data.granularity),
              count: data.total[index],
              formatted: format.number(data.total[index]!),
            })}
          </button>
        );
      })}
    </span>
  );
  return (
    <PanelFrame
      name="volume"
      title={t('trends.volume.title')}
      caption={data?.signal ? <SignalCaption signal={data.signal} /> : peakList || t('trends.volume.caption')}
      options={
        <>
          <label className="trend-panel__option">
            <span className="visually-hidden">{t('trends.volume.stackBy')}</span>
            <select
              className="select select--small"
              value={stackBy}
              onChange={(event) => onConfig({ stackBy: event.target.value as 'channel' | 'topic' })}
            >
              <option value="channel">{t('trends.volume.byChannel')}</option>
              <option value="topic">{t('trends.volume.byTopic')}</option>
            </select>
          </label>
          <SignalPicker value={config.signalId} onChange={(signalId) => onConfig({ signalId })} />
        </>
      }
      placement={placement}
      range={range}
      loading={loading}
      error={error}
      empty={empty && !data?.signal}
      chart={() => chart.current}
      table={table}
    >
      {option && (
        <Chart
          ref={chart}
          option={option}
          colours={colours}
          label={t('trends.volume.title')}
          onClick={onClick}
          axisClicks
        />
      )}
    </PanelFrame>
  );
}
