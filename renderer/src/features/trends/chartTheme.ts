/** The colours a chart needs, read from the design tokens so charts follow the light, dark and wall themes. */
export interface ChartColours {
  text: string;
  textMuted: string;
  border: string;
  surface: string;
  accent: string;
  positive: string;
  neutral: string;
  negative: string;
  /** Colours for categories (channels, topics): calm, distinct, never red or green (those mean sentiment). */
  series: string[];
  /** Low → high for heatmaps and maps. */
  scale: [string, string];
  /** Net sentiment −1 → 0 → +1 on maps. */
  diverging: [string, string, string];
}

const SERIES_TOKENS = Array.from({ length: 10 }, (_, index) => `--chart-${index + 1}`);

/** Reads the tokens as they apply to `element` (the chart's box), so a theme switch is one re-read away. */
export function readChartColours(element: Element): ChartColours {
  const style = getComputedStyle(element);
  const token = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: token('--text'),
    textMuted: token('--text-muted'),
    border: token('--border'),
    surface: token('--surface'),
    accent: token('--accent'),
    positive: token('--positive'),
    neutral: token('--neutral'),
    negative: token('--negative'),
    series: SERIES_TOKENS.map(token).filter(Boolean),
    scale: [token('--chart-scale-low'), token('--chart-scale-high')],
    diverging: [token('--negative'), token('--chart-scale-low'), token('--positive')],
  };
}

/** An ECharts theme object: text, axes, grid lines and tooltips in the app's colours and font. */
export function echartsTheme(colours: ChartColours, fontFamily: string): Record<string, unknown> {
  const axis = {
    axisLine: { lineStyle: { color: colours.border } },
    axisTick: { lineStyle: { color: colours.border } },
    axisLabel: { color: colours.textMuted },
    splitLine: { lineStyle: { color: colours.border, type: 'dashed' } },
    nameTextStyle: { color: colours.textMuted },
  };
  return {
    color: colours.series,
    backgroundColor: 'transparent',
    textStyle: { color: colours.text, fontFamily },
    legend: { textStyle: { color: colours.textMuted }, inactiveColor: colours.border },
    tooltip: {
      backgroundColor: colours.surface,
      borderColor: colours.border,
      textStyle: { color: colours.text, fontFamily },
    },
    timeAxis: axis,
    valueAxis: axis,
    categoryAxis: axis,
    dataZoom: { textStyle: { color: colours.textMuted }, borderColor: colours.border },
    visualMap: { textStyle: { color: colours.textMuted } },
  };
}
