import { MapPin, Upload } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapPanel as MapData } from '../../../../shared/api/trends';
import { ApiError, subscribe } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { BoundariesDialog } from './BoundariesImport';
import { Chart, type ChartClick, type ChartHandle } from './Chart';
import type { ChartColours } from './chartTheme';
import { chartFormat, type ChartFormat } from './chartFormat';
import { loadBoundaries, type BoundarySource } from './mapBoundaries';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './panelProps';
import { panelQuestions } from './panelQueries';
import { useChartColours } from './useChartColours';
import { useTrend, useTrendsVersion } from './useTrend';

type Measure = 'volume' | 'netSentiment';
type Area = MapData['areas'][number];

/** The engine answers `unavailable` while no boundaries are imported (or they name no provinces). */
const isUnavailable = (error: Error | null): error is ApiError =>
  error instanceof ApiError && error.code === 'unavailable';

/** While mentions are still being placed, the map is read again when the placing job finishes. */
function useRefreshWhilePlacing(pending: number): void {
  useEffect(() => {
    if (pending === 0) return;
    return subscribe('job.finished', (job) => {
      if (job.kind === 'rollups') useTrendsVersion.getState().bump();
    });
  }, [pending]);
}

function mapOption(data: MapData, mapName: string, measure: Measure, colours: ChartColours, format: ChartFormat) {
  const value = (area: Area) => (measure === 'volume' ? area.count : area.net);
  const max = Math.max(1, ...data.areas.map((area) => area.count));
  return {
    tooltip: {
      renderMode: 'richText',
      formatter: ({ data: item }: { data?: { area: Area } }) => {
        if (!item) return '';
        const { area } = item;
        const net = area.net === null ? '—' : format.signed(area.net);
        return `${area.name}\n${format.number(area.count)} · ${net}`;
      },
    },
    visualMap:
      measure === 'volume'
        ? {
            min: 0,
            max,
            left: 8,
            bottom: 8,
            itemHeight: 100,
            itemWidth: 10,
            inRange: { color: colours.scale },
            text: [format.number(max), format.number(0)],
            textStyle: { color: colours.textMuted },
            formatter: (v: number) => format.number(Math.round(v)),
          }
        : {
            min: -1,
            max: 1,
            left: 8,
            bottom: 8,
            itemHeight: 100,
            itemWidth: 10,
            inRange: { color: colours.diverging },
            text: [format.signed(1), format.signed(-1)],
            textStyle: { color: colours.textMuted },
            formatter: (v: number) => format.signed(v),
          },
    series: [
      {
        type: 'map',
        map: mapName,
        nameProperty: 'code',
        roam: true,
        scaleLimit: { min: 1, max: 12 },
        layoutCenter: ['50%', '50%'],
        layoutSize: '95%',
        itemStyle: { borderColor: colours.surface, borderWidth: 0.6, areaColor: colours.border },
        emphasis: { label: { show: false }, itemStyle: { areaColor: colours.accent } },
        select: { disabled: true },
        data: data.areas.map((area) => ({ name: area.code, value: value(area) ?? undefined, area })),
      },
    ],
  };
}

/** Mentions or net sentiment per municipality of Noord-Brabant or the Netherlands; an area opens its mentions. */
export function MapPanel({ config, range, placement, onConfig, onDrill }: PanelProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const format = chartFormat(locale);
  const colours = useChartColours();
  const chart = useRef<ChartHandle>(null);
  const version = useTrendsVersion((state) => state.version);
  const [importing, setImporting] = useState(false);
  const region = config.mapRegion ?? 'brabant';
  const measure = config.mapMeasure ?? 'volume';
  const [boundaries, setBoundaries] = useState<
    { region: string; source: BoundarySource } | { region: string; error: Error } | null
  >(null);
  useEffect(() => {
    let current = true;
    loadBoundaries(region).then(
      (source) => current && setBoundaries({ region, source }),
      (error: unknown) =>
        current && setBoundaries({ region, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [region, version]);
  const { data, loading, error } = useTrend('trends.map', panelQuestions.map(config, range).input);
  useRefreshWhilePlacing(data?.pending ?? 0);
  const source = boundaries?.region === region && 'source' in boundaries ? boundaries.source : null;
  const option = useMemo(
    () => (data && source ? mapOption(data, source.mapName, measure, colours, format) : null),
    [data, source, measure, colours, format],
  );

  const onClick = (click: ChartClick) => {
    const area = (click.data as { area?: Area } | undefined)?.area;
    if (area) onDrill({ title: t('trends.map.drillTitle', { name: area.name }), municipality: area.code });
  };

  const table = () =>
    data && {
      header: [
        'code',
        'municipality',
        'mentions',
        'positive',
        'negative',
        'net',
        ...(data.compare ? ['compare_mentions', 'compare_net'] : []),
      ],
      rows: data.areas.map((area) => {
        const previous = data.compare?.areas.find((other) => other.code === area.code);
        return [
          area.code,
          area.name,
          area.count,
          area.positive,
          area.negative,
          area.net,
          ...(data.compare ? [previous?.count ?? null, previous?.net ?? null] : []),
        ];
      }),
    };

  const boundaryError = boundaries?.region === region && 'error' in boundaries ? boundaries.error : null;
  const unavailable = isUnavailable(error) ? error : isUnavailable(boundaryError) ? boundaryError : null;
  const caption = data
    ? [
        t('trends.map.caption', { placed: format.number(data.placed), unplaced: format.number(data.unplaced) }),
        data.pending > 0 ? t('trends.map.pending', { pending: format.number(data.pending) }) : '',
        source ? t('trends.map.source', { source: source.source, licence: source.licence }) : '',
      ]
        .filter(Boolean)
        .join(' ')
    : null;
  const importButton = (
    <button type="button" className="button button--small button--primary" onClick={() => setImporting(true)}>
      <Upload aria-hidden="true" size={14} />
      {t('trends.boundaries.open')}
    </button>
  );
  return (
    <>
      {importing && <BoundariesDialog onClose={() => setImporting(false)} />}
      <PanelFrame
        name={`map-${region}`}
        title={t(`trends.map.title.${region}`)}
        caption={caption}
        options={
          <>
            <label className="trend-panel__option">
              <span className="visually-hidden">{t('trends.map.region')}</span>
              <select
                className="select select--small"
                value={region}
                onChange={(event) => onConfig({ mapRegion: event.target.value as 'brabant' | 'nl' })}
              >
                <option value="brabant">{t('trends.map.regions.brabant')}</option>
                <option value="nl">{t('trends.map.regions.nl')}</option>
              </select>
            </label>
            <label className="trend-panel__option">
              <span className="visually-hidden">{t('trends.map.measure')}</span>
              <select
                className="select select--small"
                value={measure}
                onChange={(event) => onConfig({ mapMeasure: event.target.value as Measure })}
              >
                <option value="volume">{t('trends.map.measures.volume')}</option>
                <option value="netSentiment">{t('trends.map.measures.netSentiment')}</option>
              </select>
            </label>
            <button
              type="button"
              className="icon-button"
              aria-label={t('trends.boundaries.title')}
              title={t('trends.boundaries.title')}
              onClick={() => setImporting(true)}
            >
              <MapPin aria-hidden="true" size={15} />
            </button>
          </>
        }
        placement={placement}
        range={range}
        loading={!unavailable && (loading || (!source && !boundaryError))}
        error={unavailable ? null : (error ?? boundaryError)}
        empty={!option || unavailable !== null}
        emptyText={
          unavailable
            ? {
                title: t('trends.map.unavailable'),
                hint: unavailable.message.includes('provinc')
                  ? t('trends.map.noProvince')
                  : t('trends.map.noBoundaries'),
              }
            : undefined
        }
        emptyAction={unavailable ? importButton : undefined}
        chart={() => chart.current}
        table={table}
      >
        {option && (
          <Chart
            ref={chart}
            option={option}
            colours={colours}
            label={t(`trends.map.title.${region}`)}
            onClick={onClick}
          />
        )}
      </PanelFrame>
    </>
  );
}
