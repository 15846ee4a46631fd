import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeatmapPanel as HeatmapData } from '../../../../shared/api/trends';
import { useFormat } from '../../i18n/format';
import { Chart, type ChartClick, type ChartHandle } from './Chart';
import type { ChartColours } from './chartTheme';
import { chartFormat, type ChartFormat } from './chartFormat';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './panelProps';
import { panelQuestions } from './panelQueries';
import { useChartColours } from './useChartColours';
import { useTrend } from './useTrend';

const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));

/** Weekday names Monday first, in the UI's locale (2024-01-01 was a Monday). */
function weekdays(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, day) => format.format(Date.UTC(2024, 0, 1 + day)));
}

function heatmapOption(data: HeatmapData, colours: ChartColours, format: ChartFormat, days: string[]) {
  const cells = data.cells.flatMap((row, dow) => row.map((count, hour) => [hour, dow, count]));
  return {
    grid: { left: 8, right: 8, top: 8, bottom: 40, containLabel: true },
    tooltip: {
      renderMode: 'richText',
      formatter: ({ value }: { value: [number, number, number] }) =>
        `${days[value[1]]} ${HOURS[value[0]]}:00 – ${HOURS[(value[0] + 1) % 24]}:00\n${format.number(value[2])}`,
    },
    xAxis: { type: 'category', data: HOURS, splitArea: { show: false }, axisTick: { show: false } },
    // Monday on top: the category axis runs bottom-up, so it is inverted.
    yAxis: { type: 'category', data: days, inverse: true, axisTick: { show: false } },
    visualMap: {
      min: 0,
      max: Math.max(1, data.max),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      itemWidth: 10,
      inRange: { color: colours.scale },
      formatter: (value: number) => format.number(Math.round(value)),
    },
    series: [
      {
        type: 'heatmap',
        data: cells,
        itemStyle: { borderColor: colours.surface, borderWidth: 1, borderRadius: 2 },
        emphasis: { itemStyle: { borderColor: colours.text } },
      },
    ],
  };
}

/** Mentions per hour of the week in Amsterdam time: the rhythm of the city. A cell opens its mentions. */
export function HeatmapPanel({ config, range, placement, onDrill }: PanelProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const format = chartFormat(locale);
  const colours = useChartColours();
  const chart = useRef<ChartHandle>(null);
  const days = useMemo(() => weekdays(locale), [locale]);
  const { data, loading, error } = useTrend('trends.heatmap', panelQuestions.heatmap(config, range).input);
  const option = useMemo(
    () => (data ? heatmapOption(data, colours, format, days) : null),
    [data, colours, format, days],
  );

  const busiest = useMemo(() => {
    if (!data || data.total === 0) return null;
    let best = { dow: 0, hour: 0, count: -1 };
    data.cells.forEach((row, dow) => row.forEach((count, hour) => count > best.count && (best = { dow, hour, count })));
    return best;
  }, [data]);

  const onClick = (click: ChartClick) => {
    const [hour, dow] = (click.value as [number, number, number] | undefined) ?? [];
    if (hour === undefined || dow === undefined) return;
    onDrill({
      title: t('trends.heatmap.drillTitle', { day: days[dow], hour: HOURS[hour] }),
      hourOfWeek: { dow, hour },
    });
  };

  const table = () =>
    data && {
      header: ['weekday', 'hour', 'mentions', ...(data.compare ? ['compare_mentions'] : [])],
      rows: data.cells.flatMap((row, dow) =>
        row.map((count, hour) => [
          dow + 1,
          hour,
          count,
          ...(data.compare ? [data.compare.cells[dow]?.[hour] ?? null] : []),
        ]),
      ),
    };

  return (
    <PanelFrame
      name="hour-of-week"
      title={t('trends.heatmap.title')}
      caption={
        busiest
          ? t('trends.heatmap.caption', {
              day: days[busiest.dow],
              hour: HOURS[busiest.hour],
              count: busiest.count,
              formatted: format.number(busiest.count),
            })
          : null
      }
      placement={placement}
      range={range}
      loading={loading}
      error={error}
      empty={!data || data.total === 0}
      chart={() => chart.current}
      table={table}
    >
      {option && (
        <Chart ref={chart} option={option} colours={colours} label={t('trends.heatmap.title')} onClick={onClick} />
      )}
    </PanelFrame>
  );
}
