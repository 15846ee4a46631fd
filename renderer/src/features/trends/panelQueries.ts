import type { MethodInput, MethodName } from '../../../../shared/api/contract';
import type { Dashboard, PanelConfig, PanelKind } from './dashboards';
import type { PanelRange } from './panelProps';
import { customRange, displayGranularity, presetRange, type Range } from './period';

/** One question a panel asks the engine: the method and its exact input. */
export interface PanelQuestion<M extends MethodName = MethodName> {
  method: M;
  input: MethodInput<M>;
}

const ask = <M extends MethodName>(method: M, input: MethodInput<M>): PanelQuestion<M> => ({ method, input });

/**
 * What each panel asks, from its configuration and the page's range. The panels and the prefetch that
 * starts when the page is opened (before the charts have loaded) build their questions here, so both
 * ask exactly the same thing and share one answer.
 */
export const panelQuestions = {
  volume: (config: PanelConfig, range: PanelRange) =>
    ask('trends.volume', { ...range, stackBy: config.stackBy ?? 'channel', signalId: config.signalId }),
  sentiment: (config: PanelConfig, range: PanelRange) =>
    ask('trends.sentiment', { ...range, signalId: config.signalId }),
  sentimentMix: (_config: PanelConfig, range: PanelRange) => ask('trends.sentiment', range),
  shareOfVoice: (_config: PanelConfig, range: PanelRange) => ask('trends.shareOfVoice', range),
  terms: (config: PanelConfig, range: PanelRange) =>
    ask('trends.terms', { ...range, kind: config.termKind ?? 'all', limit: 10 }),
  heatmap: (_config: PanelConfig, range: PanelRange) => ask('trends.heatmap', range),
  map: (config: PanelConfig, range: PanelRange) =>
    ask('trends.map', { ...range, region: config.mapRegion ?? 'brabant' }),
  response: (config: PanelConfig, range: PanelRange) =>
    ask('trends.responses', { ...range, targetMinutes: config.targetMinutes ?? 60, signalId: config.signalId }),
} satisfies Record<PanelKind, (config: PanelConfig, range: PanelRange) => PanelQuestion>;

/** The period a dashboard shows; `first` is the oldest mention's time, which only the `all` preset needs. */
export function dashboardRange(
  dashboard: Pick<Dashboard, 'preset' | 'custom'>,
  now: number,
  first: string | null,
): Range {
  if (dashboard.preset !== 'custom') return presetRange(dashboard.preset, now, first);
  return (
    (dashboard.custom && customRange(dashboard.custom.from, dashboard.custom.to)) ?? presetRange('30d', now, first)
  );
}

/** The range every panel of a dashboard is asked about. */
export function panelRangeOf(
  dashboard: Pick<Dashboard, 'granularity' | 'comparison' | 'filters'>,
  range: Range,
): PanelRange {
  return {
    from: range.from,
    to: range.to,
    granularity: displayGranularity(range, dashboard.granularity),
    compare: dashboard.comparison === 'none' ? undefined : dashboard.comparison,
    filter: dashboard.filters,
  };
}
