import { BarChart, HeatmapChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import {
  DataZoomInsideComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

/*
 * ECharts, assembled from only the parts the trend panels draw: the full bundle is 3.4 MB, this is a
 * fraction of it. The canvas renderer draws on screen; the SVG renderer is there for the SVG export.
 * Add a chart or component here before a panel uses it, or ECharts silently draws nothing.
 */
echarts.use([
  LineChart,
  BarChart,
  PieChart,
  HeatmapChart,
  MapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomInsideComponent,
  MarkLineComponent,
  MarkAreaComponent,
  MarkPointComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export { echarts };
export type { EChartsType } from 'echarts/core';
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
