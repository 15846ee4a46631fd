import type { TFunction } from 'i18next';
import type { Annotation, Bucket, CompareMode, Granularity, SignalOverlay } from '../../../../shared/api/trends';
import type { ChartColours } from './chartTheme';
import type { ChartFormat } from './chartFormat';

/** The index of the bucket holding `iso`, or null when it falls outside the panel. */
export function bucketIndexOf(buckets: readonly Bucket[], iso: string): number | null {
  const at = Date.parse(iso);
  let low = 0;
  let high = buckets.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const bucket = buckets[middle]!;
    if (at < Date.parse(bucket.start)) high = middle - 1;
    else if (at >= Date.parse(bucket.end)) low = middle + 1;
    else return middle;
  }
  return null;
}

/**
 * Annotations as ECharts marks on a category axis of buckets: a moment is a dashed line with its label,
 * a span a shaded band. Annotations outside the panel's period are left out.
 */
export function annotationMarks(buckets: readonly Bucket[], annotations: readonly Annotation[], colours: ChartColours) {
  const lines: object[] = [];
  const areas: object[][] = [];
  const last = buckets.length - 1;
  for (const annotation of annotations) {
    const start = bucketIndexOf(buckets, annotation.at);
    if (annotation.endAt) {
      const end =
        bucketIndexOf(buckets, annotation.endAt) ??
        (Date.parse(annotation.endAt) >= Date.parse(buckets[last]?.end ?? '') ? last : null);
      const from = start ?? (end !== null ? 0 : null);
      if (from === null || end === null) continue;
      areas.push([{ name: annotation.label, xAxis: from }, { xAxis: end }]);
    } else if (start !== null) {
      lines.push({ name: annotation.label, xAxis: start });
    }
  }
  return {
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { color: colours.textMuted, type: 'dashed', width: 1 },
      label: { formatter: '{b}', color: colours.textMuted, position: 'insideEndTop', fontSize: 11 },
      data: lines,
    },
    markArea: {
      silent: true,
      itemStyle: { color: colours.accent, opacity: 0.08 },
      label: { color: colours.textMuted, fontSize: 11, position: 'insideTop' },
      data: areas,
    },
  };
}

/** The x axis of every time panel: one category per bucket, labelled in the UI's locale. */
export function bucketAxis(buckets: readonly Bucket[], granularity: Granularity, format: ChartFormat) {
  return {
    type: 'category',
    boundaryGap: false,
    data: buckets.map((bucket) => bucket.start),
    axisLabel: { formatter: (value: string) => format.bucket(value, granularity), hideOverlap: true },
  };
}

/** A second y axis and a line for an imported signal, aligned with the panel's buckets. */
export function signalLayer(signal: SignalOverlay | null, colours: ChartColours, yAxisIndex: number) {
  if (!signal) return { yAxis: [], series: [] };
  return {
    yAxis: [
      {
        type: 'value',
        name: signal.unit ? `${signal.name} (${signal.unit})` : signal.name,
        position: 'right',
        splitLine: { show: false },
        nameTextStyle: { color: colours.textMuted, align: 'right' },
      },
    ],
    series: [
      {
        id: 'signal',
        name: signal.name,
        type: 'line',
        yAxisIndex,
        data: signal.values,
        connectNulls: true,
        showSymbol: false,
        sampling: 'lttb',
        lineStyle: { color: colours.text, width: 1.5, type: 'dotted' },
        itemStyle: { color: colours.text },
        z: 5,
      },
    ],
  };
}

/** Zoom by wheel and drag inside the plot (no slider: it would crowd a dashboard of panels). */
export const insideZoom = [{ type: 'inside', filterMode: 'none', zoomOnMouseWheel: 'ctrl' }];

/** The shared grid: room for the legend above and a second axis on the right when a signal is shown. */
export function timeGrid(withSignal: boolean) {
  return { left: 8, right: withSignal ? 56 : 16, top: 36, bottom: 8, containLabel: true };
}

/** Up to this many buckets a time panel draws bars; beyond it lines, sampled to the pixels with LTTB. */
export const BAR_LIMIT = 120;

export function drawsBars(buckets: readonly Bucket[]): boolean {
  return buckets.length <= BAR_LIMIT;
}

/** What a time panel (volume, net sentiment) puts into the chart scaffolding they share. */
export interface TimeChart {
  buckets: readonly Bucket[];
  granularity: Granularity;
  /** Whether the panel draws bars (then the axis has gaps at the edges). */
  bars: boolean;
  /** The panel's own series, drawn under the comparison and the signal. */
  series: object[];
  /** The panel's value axes; the signal's axis goes after them. */
  yAxis: object[];
  /** The previous period or last year, as a dashed line, when the panel is compared. */
  compare: { mode: CompareMode; values: readonly (number | null)[]; tooltip?: object; z: number } | null;
  signal: SignalOverlay | null;
  /** Series ids the legend leaves out (helpers that carry marks or bands). */
  unlisted: string[];
  legend?: object;
  tooltip?: object;
}

/**
 * The option of a time panel: its series with the comparison line and the signal layer after them, the
 * legend, the axis tooltip, the bucket axis with its pointer label, the grid and the zoom.
 */
export function timeChartOption(chart: TimeChart, colours: ChartColours, format: ChartFormat, t: TFunction) {
  const series = [...chart.series];
  if (chart.compare) {
    series.push({
      id: 'compare',
      name: t(`trends.comparison.series.${chart.compare.mode}`),
      type: 'line',
      data: chart.compare.values,
      showSymbol: false,
      sampling: 'lttb',
      lineStyle: { color: colours.textMuted, type: 'dashed', width: 1.5 },
      itemStyle: { color: colours.textMuted },
      ...(chart.compare.tooltip ? { tooltip: chart.compare.tooltip } : {}),
      z: chart.compare.z,
    });
  }
  // The signal's values are read against its own axis, right after the panel's.
  const signal = signalLayer(chart.signal, colours, chart.yAxis.length);
  series.push(...signal.series);
  return {
    grid: timeGrid(!!chart.signal),
    legend: {
      top: 0,
      left: 0,
      icon: 'roundRect',
      itemWidth: 10,
      itemHeight: 10,
      ...chart.legend,
      data: series
        .filter((one) => !chart.unlisted.includes((one as { id: string }).id))
        .map((one) => (one as { name: string }).name),
    },
    tooltip: { trigger: 'axis', renderMode: 'richText', ...chart.tooltip },
    xAxis: {
      ...bucketAxis(chart.buckets, chart.granularity, format),
      boundaryGap: chart.bars,
      axisPointer: {
        label: { formatter: ({ value }: { value: string }) => format.bucketLong(value, chart.granularity) },
      },
    },
    yAxis: [...chart.yAxis, ...signal.yAxis],
    dataZoom: insideZoom,
    series,
  };
}
