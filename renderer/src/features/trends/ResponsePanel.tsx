import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponsesPanel as ResponsesData } from '../../../../shared/api/trends';
import { useFormat } from '../../i18n/format';
import { Chart, type ChartHandle } from './Chart';
import type { ChartColours } from './chartTheme';
import { chartFormat, type ChartFormat } from './chartFormat';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './panelProps';
import { panelQuestions } from './panelQueries';
import { SignalCaption, SignalPicker } from './SignalPicker';
import { annotationMarks, bucketAxis, drawsBars, insideZoom, signalLayer, timeGrid } from './timeAxis';
import { useChartColours } from './useChartColours';
import { useTrend } from './useTrend';

const TARGETS = [15, 30, 60, 120, 240, 480, 1440] as const;

type Translate = ReturnType<typeof useTranslation>['t'];

/** Minutes as a person reads them: "42 min", "3 u 5 min" / "3 h 5 min", "2 d 4 u". */
export function durationText(minutes: number, t: Translate): string {
  const rounded = Math.round(minutes);
  if (rounded < 60) return t('trends.responses.minutes', { count: rounded });
  if (rounded < 1440) return t('trends.responses.hours', { hours: Math.floor(rounded / 60), minutes: rounded % 60 });
  return t('trends.responses.days', { days: Math.floor(rounded / 1440), hours: Math.floor((rounded % 1440) / 60) });
}

function responsesOption(data: ResponsesData, colours: ChartColours, format: ChartFormat, t: Translate) {
  const signal = signalLayer(data.signal, colours, 2);
  const bars = drawsBars(data.buckets);
  return {
    grid: timeGrid(!!data.signal),
    legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 10, itemHeight: 10 },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: {
      ...bucketAxis(data.buckets, data.granularity, format),
      boundaryGap: bars,
      axisPointer: {
        label: { formatter: ({ value }: { value: string }) => format.bucketLong(value, data.granularity) },
      },
    },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => format.number(value) } },
      {
        type: 'value',
        splitLine: { show: false },
        axisLabel: { formatter: (value: number) => durationText(value, t) },
      },
      ...signal.yAxis,
    ],
    dataZoom: insideZoom,
    series: [
      {
        id: 'replied',
        name: t('trends.responses.replied'),
        type: bars ? 'bar' : 'line',
        data: data.replied,
        showSymbol: false,
        sampling: 'lttb',
        areaStyle: bars ? undefined : { color: colours.border, opacity: 1 },
        lineStyle: bars ? undefined : { width: 0 },
        itemStyle: { color: colours.border },
        tooltip: { valueFormatter: (value: number) => format.number(value) },
        ...annotationMarks(data.buckets, data.annotations, colours),
      },
      {
        id: 'mean',
        name: t('trends.responses.mean'),
        type: 'line',
        yAxisIndex: 1,
        data: data.meanMinutes,
        showSymbol: false,
        sampling: 'lttb',
        lineStyle: { color: colours.accent, width: 2 },
        itemStyle: { color: colours.accent },
        tooltip: { valueFormatter: (value: number | null) => (value === null ? '—' : durationText(value, t)) },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: colours.textMuted, type: 'dotted' },
          label: { formatter: t('trends.responses.target'), color: colours.textMuted, position: 'insideEndTop' },
          data: [{ yAxis: data.targetMinutes }],
        },
      },
      ...signal.series,
    ],
  };
}

/** Response KPIs: median first-response time, share answered within the target, replies per operator. */
export function ResponsePanel({ config, range, placement, onConfig }: PanelProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const format = chartFormat(locale);
  const colours = useChartColours();
  const chart = useRef<ChartHandle>(null);
  const targetMinutes = config.targetMinutes ?? 60;
  const { data, loading, error } = useTrend('trends.responses', panelQuestions.response(config, range).input);
  const option = useMemo(() => (data ? responsesOption(data, colours, format, t) : null), [data, colours, format, t]);
  const kpis = data?.kpis;
  const previous = data?.compare?.kpis;

  const table = () =>
    data && {
      header: ['bucket_start', 'bucket_end', 'replied', 'mean_first_response_minutes'],
      rows: data.buckets.map((bucket, index) => [
        bucket.start,
        bucket.end,
        data.replied[index] ?? null,
        data.meanMinutes[index] ?? null,
      ]),
    };

  const figure = (label: string, value: string, before?: string | null) => (
    <div className="kpi">
      <dt className="kpi__label">{label}</dt>
      <dd className="kpi__value numeric">{value}</dd>
      {before && <dd className="kpi__before">{before}</dd>}
    </div>
  );
  const dash = t('common.missing');
  const median = (value: number | null | undefined) =>
    value === null || value === undefined ? dash : durationText(value, t);
  const share = (value: number | null | undefined) =>
    value === null || value === undefined ? dash : format.percent(value);
  const mode = data?.compare?.mode;
  return (
    <PanelFrame
      name="responses"
      title={t('trends.responses.title')}
      caption={data?.signal ? <SignalCaption signal={data.signal} /> : t('trends.responses.caption')}
      options={
        <>
          <label className="trend-panel__option">
            <span className="visually-hidden">{t('trends.responses.targetLabel')}</span>
            <select
              className="select select--small"
              value={targetMinutes}
              onChange={(event) => onConfig({ targetMinutes: Number(event.target.value) })}
            >
              {TARGETS.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {t('trends.responses.targetOption', { duration: durationText(minutes, t) })}
                </option>
              ))}
            </select>
          </label>
          <SignalPicker value={config.signalId} onChange={(signalId) => onConfig({ signalId })} />
        </>
      }
      placement={placement}
      range={range}
      loading={loading}
      error={error}
      empty={!data || data.kpis.replied === 0}
      emptyText={{ title: t('trends.responses.none'), hint: t('trends.responses.noneHint') }}
      chart={() => chart.current}
      table={table}
    >
      {data && option && kpis && (
        <div className="responses">
          <dl className="kpis">
            {figure(
              t('trends.responses.median'),
              median(kpis.medianMinutes),
              previous && mode
                ? t(`trends.comparison.before.${mode}`, { value: median(previous.medianMinutes) })
                : null,
            )}
            {figure(
              t('trends.responses.withinTarget', { duration: durationText(targetMinutes, t) }),
              share(kpis.withinTarget),
              previous && mode ? t(`trends.comparison.before.${mode}`, { value: share(previous.withinTarget) }) : null,
            )}
            {figure(
              t('trends.responses.replied'),
              format.number(kpis.replied),
              previous && mode
                ? t(`trends.comparison.before.${mode}`, { value: format.number(previous.replied) })
                : null,
            )}
          </dl>
          <div className="responses__chart">
            <Chart ref={chart} option={option} colours={colours} label={t('trends.responses.title')} />
          </div>
          <div className="responses__operators">
            <h3 className="term-list__title">{t('trends.responses.perOperator')}</h3>
            <ol className="operator-bars">
              {data.perOperator.map((row) => (
                <li key={row.operator} className="operator-bars__row">
                  <span className="operator-bars__name" title={row.operator}>
                    {row.operator}
                  </span>
                  <meter
                    className="operator-bars__meter"
                    min={0}
                    max={Math.max(...data.perOperator.map((other) => other.replies))}
                    value={row.replies}
                  />
                  <span className="numeric">{format.number(row.replies)}</span>
                </li>
              ))}
            </ol>
          </div>
        </div>
      )}
    </PanelFrame>
  );
}
