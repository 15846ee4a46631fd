import { AlertTriangle } from 'lucide-react';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { StateMessage } from '../../components/StateMessage';
import { echartsTheme, type ChartColours } from './chartTheme';
import { loadCharts, loadedCharts, type Charts } from './chartsCode';
import type { ChartOption, EChartsType } from './echarts';

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

/** The parts of an option that only answer a pointer: the tooltip (and its axis pointer) and the zoom. */
const POINTER_PARTS = ['tooltip', 'dataZoom'] as const;

/**
 * The option as shown before the pointer has come over the chart: without its pointer parts, which ECharts
 * would otherwise build for every chart on the page (models, views, the zoom's data filter) before the first
 * draw. They are added the moment the pointer enters (`pointerParts`), and kept from then on.
 */
function shownOption(option: ChartOption, pointer: boolean): ChartOption {
  if (pointer) return option;
  const shown = { ...option };
  for (const part of POINTER_PARTS) delete shown[part];
  return shown;
}

function pointerParts(option: ChartOption): ChartOption | null {
  const parts: ChartOption = {};
  for (const part of POINTER_PARTS) if (option[part] !== undefined) parts[part] = option[part];
  return Object.keys(parts).length ? parts : null;
}

const FONT = getComputedStyle(document.documentElement).getPropertyValue('--font-sans').trim() || 'sans-serif';

/**
 * A copy of the chart on screen for an export, the same size, finished at once (no animation). Null while
 * the chart library has not loaded (a visit to Trends asks for it at once, so only in its first moments).
 */
function offscreen(
  element: HTMLElement | null,
  renderer: 'svg' | 'canvas',
  { option, colours }: { option: ChartOption; colours: ChartColours },
): EChartsType | null {
  const echarts = loadedCharts()?.echarts;
  if (!element || !echarts) return null;
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
    if (!instance) return null;
    try {
      return renderer === 'svg'
        ? instance.renderToSVGString()
        : instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: colours.surface });
    } finally {
      instance.dispose();
    }
  };
  return { toPng: () => render('canvas'), toSvg: () => render('svg') };
}

/**
 * One ECharts instance in a box that follows its container's size and the app's theme. The option is
 * replaced as a whole (`notMerge`) so a series that disappears (a channel filtered out) leaves the chart.
 * The chart library is a chunk of its own: until it has loaded the box stays empty, and the chart is made
 * with the latest option the moment it arrives.
 */
export function Chart({ option, colours, label, onClick, axisClicks = false, ref }: ChartProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  /** The colours the chart's theme was made with, so the theme is only set again when they change. */
  const themed = useRef(colours);
  /** The option the chart shows (null before its first), so the same option is never set twice. */
  const applied = useRef<ChartOption | null>(null);
  /** Whether the pointer has been over the chart: its tooltip and zoom are built from then on. */
  const pointer = useRef(false);
  const latest = useRef({ option, colours, onClick, axisClicks });
  const [failed, setFailed] = useState<Error | null>(null);
  useLayoutEffect(() => {
    latest.current = { option, colours, onClick, axisClicks };
  });

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let stop: (() => void) | null = null;
    let gone = false;
    const start = (charts: Charts) =>
      makeSoon(element, (size) => {
        if (!gone) stop = mountChart(charts, element, size, { chart, themed, applied, pointer, latest });
      });
    const ready = loadedCharts();
    if (ready) start(ready);
    else
      loadCharts().then(start, (error: unknown) => {
        if (!gone) setFailed(error instanceof Error ? error : new Error(String(error)));
      });
    return () => {
      gone = true;
      stop?.();
    };
  }, []);

  useEffect(() => {
    if (colours === themed.current) return;
    themed.current = colours;
    chart.current?.setTheme(echartsTheme(colours, FONT));
  }, [colours]);

  useEffect(() => {
    const instance = chart.current;
    // Not made yet (the library is on its way: it starts with the latest option), or made with this one.
    if (!instance || applied.current === option) return;
    instance.setOption(withMotion(shownOption(option, pointer.current), applied.current === null), {
      notMerge: true,
      lazyUpdate: true,
    });
    applied.current = option;
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

  if (failed) {
    return (
      <StateMessage kind="error" icon={AlertTriangle} title={t('trends.panel.failed')}>
        <p className="state-message__body">{failed.message}</p>
      </StateMessage>
    );
  }
  return <div ref={box} className="trend-chart" role="img" aria-label={label} />;
}

interface ChartRefs {
  chart: { current: EChartsType | null };
  themed: { current: ChartColours };
  applied: { current: ChartOption | null };
  pointer: { current: boolean };
  latest: {
    current: { option: ChartOption; colours: ChartColours; onClick?: (click: ChartClick) => void; axisClicks: boolean };
  };
}

interface Size {
  width: number;
  height: number;
}

const waiting: { element: HTMLElement; make(size: Size): void }[] = [];

/**
 * Charts are made together, a moment after they ask (the page's charts ask in one go: as it renders, or when
 * the chart library arrives): every box is measured first, then every chart is made at its size. Made one
 * by one, each new chart's DOM made the next one's measuring lay out the whole page again.
 */
function makeSoon(element: HTMLElement, make: (size: Size) => void): void {
  if (!waiting.length) queueMicrotask(makeWaiting);
  waiting.push({ element, make });
}

function makeWaiting(): void {
  const batch = waiting.splice(0);
  const sizes = batch.map(({ element }) => ({ width: element.clientWidth, height: element.clientHeight }));
  batch.forEach(({ make }, index) => make(sizes[index]!));
}

/**
 * Makes the ECharts instance in `element` at `size` and shows the latest option (drawn in the next frame,
 * as every later option); returns what takes it down again.
 */
function mountChart({ echarts }: Charts, element: HTMLDivElement, size: Size, refs: ChartRefs): () => void {
  const { chart, themed, applied, pointer, latest } = refs;
  // SVG on screen: crisp at any zoom, and every mark is an element a test (or an inspector) can find. The
  // size is given, so ECharts does not measure the box itself (a layout of the page for every chart).
  const instance = echarts.init(element, echartsTheme(latest.current.colours, FONT), { renderer: 'svg', ...size });
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
  instance.setOption(withMotion(shownOption(latest.current.option, pointer.current), true), {
    notMerge: true,
    lazyUpdate: true,
  });
  applied.current = latest.current.option;
  const enter = () => {
    if (pointer.current) return;
    pointer.current = true;
    const parts = applied.current && pointerParts(applied.current);
    // Merged into what is shown, at once: the pointer's next move finds the tooltip there.
    if (parts) instance.setOption(parts);
  };
  element.addEventListener('pointerenter', enter);
  // The observer also reports the size the chart was made at: only a real change lays the chart out again,
  // at the size read here (after layout, so reading it costs nothing), which ECharts keeps from then on.
  let current = `${size.width}x${size.height}`;
  const observer = new ResizeObserver(() => {
    const next = { width: element.clientWidth, height: element.clientHeight };
    if (`${next.width}x${next.height}` === current) return;
    current = `${next.width}x${next.height}`;
    instance.resize(next);
  });
  observer.observe(element);
  return () => {
    observer.disconnect();
    element.removeEventListener('pointerenter', enter);
    instance.dispose();
    chart.current = null;
    applied.current = null;
  };
}
