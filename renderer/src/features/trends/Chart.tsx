import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import { echartsTheme, type ChartColours } from './chartTheme';
import { echarts, type ChartOption, type EChartsType } from './echarts';

/** What a panel can do with its chart beyond showing it. */
export interface ChartHandle {
  /** A PNG data URL at twice the screen resolution, on the panel's background. */
  toPng(): string | null;
  /** The same chart drawn by the SVG renderer, as a standalone SVG document. */
  toSvg(): string | null;
}

/** The part of an ECharts click event the panels use to find the mentions behind a point or bar. */
export interface ChartClick {
  componentType: string;
  seriesId?: string;
  seriesName?: string;
  /** The clicked item's own data (a mark point's `coord`, a map area's `code`). */
  data?: unknown;
  dataIndex: number;
  name: string;
  value: unknown;
}

interface ChartProps {
  option: ChartOption;
  colours: ChartColours;
  /** Read by screen readers: what the chart shows. */
  label: string;
  onClick?: (click: ChartClick) => void;
  /** Time charts: a click in the plot away from any series reports the bucket under it (`componentType: 'axis'`). */
  axisClicks?: boolean;
  ref?: Ref<ChartHandle>;
}

/** Chart motion: none for people who asked the system for less. */
const REDUCED_MOTION = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * A chart appears drawn (six panels growing at once is noise, and costs the first second); later changes
 * (another period, a filter) move briefly, unless the system asks for reduced motion.
 */
function withMotion(option: ChartOption, first: boolean): ChartOption {
  return first || REDUCED_MOTION
    ? { ...option, animation: false }
    : { animationDuration: 300, animationDurationUpdate: 300, ...option };
}

const FONT = getComputedStyle(document.documentElement).getPropertyValue('--font-sans').trim() || 'sans-serif';

/** A copy of the chart on screen for an export, the same size, finished at once (no animation). */
function offscreen(
  element: HTMLElement | null,
  renderer: 'svg' | 'canvas',
  { option, colours }: { option: ChartOption; colours: ChartColours },
): EChartsType | null {
  if (!element) return null;
  const size = { width: element.clientWidth || 800, height: element.clientHeight || 400 };
  const instance =
    renderer === 'svg'
      ? echarts.init(null, echartsTheme(colours, FONT), { renderer, ssr: true, ...size })
      : echarts.init(document.createElement('div'), echartsTheme(colours, FONT), { renderer, ...size });
  instance.setOption({ ...option, animation: false, backgroundColor: colours.surface });
  return instance;
}

/** Export for a panel that shows no chart on screen (a list), drawn from the option it would show. */
export function exportOnlyHandle(
  option: ChartOption,
  colours: ChartColours,
  size: { width: number; height: number },
): ChartHandle {
  const box = { clientWidth: size.width, clientHeight: size.height } as HTMLElement;
  const render = (renderer: 'svg' | 'canvas') => {
    const instance = offscreen(box, renderer, { option, colours });
    try {
      return renderer === 'svg'
        ? instance!.renderToSVGString()
        : instance!.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: colours.surface });
    } finally {
      instance?.dispose();
    }
  };
  return { toPng: () => render('canvas'), toSvg: () => render('svg') };
}

/**
 * One ECharts instance in a box that follows its container's size and the app's theme. The option is
 * replaced as a whole (`notMerge`) so a series that disappears (a channel filtered out) leaves the chart.
 */
export function Chart({ option, colours, label, onClick, axisClicks = false, ref }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  /** The colours the chart's theme was made with, so the theme is only set again when they change. */
  const themed = useRef(colours);
  const drawn = useRef(false);
  const latest = useRef({ option, colours, onClick, axisClicks });
  useLayoutEffect(() => {
    latest.current = { option, colours, onClick, axisClicks };
  });

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    // SVG on screen: crisp at any zoom, and every mark is an element a test (or an inspector) can find.
    const instance = echarts.init(element, echartsTheme(latest.current.colours, FONT), { renderer: 'svg' });
    chart.current = instance;
    themed.current = latest.current.colours;
    // The box says when the chart first shows its option (set lazily, it is drawn in a later frame): what
    // the page bench and tests wait for, instead of the empty SVG root that exists from here on.
    const shown = () => {
      element.dataset.drawn = 'true';
      instance.off('rendered', shown);
    };
    instance.on('rendered', shown);
    // A click on a series (a bar, a mark, a map area) arrives as an ECharts event first; a click anywhere
    // else in the plot (an area, the gap between bars) picks the bucket under the cursor on the x axis.
    let seriesClicked = false;
    instance.on('click', (params) => {
      seriesClicked = true;
      const event = params as unknown as ChartClick;
      latest.current.onClick?.({
        componentType: event.componentType,
        data: event.data,
        seriesId: event.seriesId,
        seriesName: event.seriesName,
        dataIndex: event.dataIndex,
        name: event.name,
        value: event.value,
      });
    });
    instance.getZr().on('click', (event) => {
      const wasSeries = seriesClicked;
      seriesClicked = false;
      if (wasSeries || !latest.current.axisClicks) return;
      const point = [event.offsetX, event.offsetY];
      if (!instance.containPixel('grid', point)) return;
      const index = instance.convertFromPixel({ xAxisIndex: 0 }, point) as unknown;
      const dataIndex = Array.isArray(index) ? Number(index[0]) : Number(index);
      if (Number.isInteger(dataIndex) && dataIndex >= 0) {
        latest.current.onClick?.({ componentType: 'axis', dataIndex, name: '', value: null });
      }
    });
    // The observer also reports the size the chart was made at: only a real change lays the chart out again.
    let size = `${element.clientWidth}x${element.clientHeight}`;
    const observer = new ResizeObserver(() => {
      const next = `${element.clientWidth}x${element.clientHeight}`;
      if (next === size) return;
      size = next;
      instance.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (colours === themed.current) return;
    themed.current = colours;
    chart.current?.setTheme(echartsTheme(colours, FONT));
  }, [colours]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.setOption(withMotion(option, !drawn.current), { notMerge: true, lazyUpdate: true });
    drawn.current = true;
  }, [option, colours]);

  useImperativeHandle(
    ref,
    () => ({
      toPng() {
        // A detached canvas twin of the chart, drawn without animation, at twice the resolution.
        const canvas = offscreen(box.current, 'canvas', latest.current);
        if (!canvas) return null;
        try {
          return canvas.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: latest.current.colours.surface });
        } finally {
          canvas.dispose();
        }
      },
      toSvg() {
        const svg = offscreen(box.current, 'svg', latest.current);
        if (!svg) return null;
        try {
          return svg.renderToSVGString();
        } finally {
          svg.dispose();
        }
      },
    }),
    [],
  );

  return <div ref={box} className="trend-chart" role="img" aria-label={label} />;
}
