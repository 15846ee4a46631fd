import { LineChart } from 'lucide-react';
import { useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxFilter } from '../../../../shared/api/trends';
import { call } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { inboxHref } from '../inbox/link';
import { AnnotationsBar } from './AnnotationsBar';
import { DashboardBar } from './DashboardBar';
import { dashboardStore, type Dashboard, type PanelConfig, type PanelKind, type TrendFilters } from './dashboards';
import { DrillDrawer } from './DrillDrawer';
import { FilterBar } from './FilterBar';
import { HeatmapPanel } from './HeatmapPanel';
import { MapPanel } from './MapPanel';
import type { DrillRequest, PanelProps, PanelRange } from './panelProps';
import { PeriodBar } from './PeriodBar';
import { dashboardRange, panelRangeOf } from './panelQueries';
import { rangeDays } from './period';
import { ResponsePanel } from './ResponsePanel';
import { SentimentMixPanel } from './SentimentMixPanel';
import { SentimentPanel } from './SentimentPanel';
import { ShareOfVoicePanel } from './ShareOfVoicePanel';
import { SignalsDialog } from './SignalsDialog';
import { refreshSignals } from './signalsStore';
import { TermsPanel } from './TermsPanel';
import { useRefreshOnNewMentions } from './useTrend';
import { VolumePanel } from './VolumePanel';
import './trends.css';

const PANELS: Record<PanelKind, ComponentType<PanelProps>> = {
  volume: VolumePanel,
  sentiment: SentimentPanel,
  sentimentMix: SentimentMixPanel,
  shareOfVoice: ShareOfVoicePanel,
  terms: TermsPanel,
  heatmap: HeatmapPanel,
  map: MapPanel,
  response: ResponsePanel,
};

/** The extent of the workspace's mentions, for the "all" preset; null until known. */
function useExtent(): { first: string | null } | null {
  const [extent, setExtent] = useState<{ first: string | null } | null>(null);
  useEffect(() => {
    let current = true;
    call('trends.extent', {}).then(
      (value) => current && setExtent(value),
      () => current && setExtent({ first: null }),
    );
    return () => {
      current = false;
    };
  }, []);
  return extent;
}

function moved(panels: PanelConfig[], index: number, step: -1 | 1): PanelConfig[] {
  const next = [...panels];
  const [panel] = next.splice(index, 1);
  next.splice(index + step, 0, panel!);
  return next;
}

/** The trends page: period, comparison and filters on top, then the dashboard's panels in a grid. */
export default function TrendsView() {
  const { t } = useTranslation();
  const useDashboards = dashboardStore(t('trends.dashboards.default'));
  const dashboard = useDashboards((state) => state.current);
  const saved = useDashboards((state) => state.saved);
  const actions = useDashboards.getState();
  const extent = useExtent();
  const [now] = useState(() => Date.now());
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const [signalsOpen, setSignalsOpen] = useState(false);
  useRefreshOnNewMentions();
  useEffect(() => void refreshSignals(), []);

  const waitingForExtent = dashboard.preset === 'all' && extent === null;
  // Cheap to work out on every render; the panels compare questions by value, not by identity.
  const range = dashboardRange(dashboard, now, extent?.first ?? null);
  const panelRange: PanelRange = panelRangeOf(dashboard, range);

  const change = (patch: Partial<Dashboard>) => actions.update((current) => ({ ...current, ...patch }));
  const changePanel = (id: string, patch: Partial<PanelConfig>) =>
    actions.update((current) => ({
      ...current,
      panels: current.panels.map((panel) => (panel.id === id ? { ...panel, ...patch } : panel)),
    }));
  const openInbox = (filter: InboxFilter) => {
    window.location.hash = inboxHref(filter);
  };

  return (
    <>
      <PageHeader title={t('trends.title')}>
        <DashboardBar
          current={dashboard}
          saved={saved}
          onOpen={actions.open}
          onSaveAs={actions.saveAs}
          onRemove={actions.remove}
          onAddPanel={(panel) => change({ panels: [...dashboard.panels, panel] })}
        />
      </PageHeader>
      <div className="trends-toolbar">
        <PeriodBar
          preset={dashboard.preset}
          days={rangeDays(range)}
          comparison={dashboard.comparison}
          granularity={dashboard.granularity}
          onGranularity={(granularity) => change({ granularity })}
          onPreset={(preset) => change({ preset, custom: preset === 'custom' ? rangeDays(range) : null })}
          onCustom={(from, to) => change({ preset: 'custom', custom: { from, to } })}
          onComparison={(comparison) => change({ comparison })}
        />
        <FilterBar filters={dashboard.filters} onChange={(filters: TrendFilters) => change({ filters })} />
        <button type="button" className="button button--small" onClick={() => setSignalsOpen(true)}>
          <LineChart aria-hidden="true" size={14} />
          {t('trends.signals.open')}
        </button>
      </div>
      <AnnotationsBar from={range.from} to={range.to} />
      <div className={`trends-body${drill ? ' trends-body--drill' : ''}`}>
        <div className="trends-grid">
          {!waitingForExtent &&
            dashboard.panels.map((panel, index) => {
              const Panel = PANELS[panel.kind];
              return (
                <Panel
                  key={panel.id}
                  config={panel}
                  range={panelRange}
                  onConfig={(patch) => changePanel(panel.id, patch)}
                  openInbox={openInbox}
                  onDrill={setDrill}
                  placement={{
                    wide: panel.wide,
                    first: index === 0,
                    last: index === dashboard.panels.length - 1,
                    onMove: (step) => change({ panels: moved(dashboard.panels, index, step) }),
                    onToggleWide: () => changePanel(panel.id, { wide: !panel.wide }),
                    onRemove: () => change({ panels: dashboard.panels.filter((other) => other.id !== panel.id) }),
                  }}
                />
              );
            })}
          {dashboard.panels.length === 0 && (
            <p className="trends-grid__empty muted">{t('trends.dashboards.noPanels')}</p>
          )}
        </div>
        {drill && <DrillDrawer drill={drill} range={panelRange} onClose={() => setDrill(null)} />}
      </div>
      {signalsOpen && <SignalsDialog onClose={() => setSignalsOpen(false)} />}
    </>
  );
}
