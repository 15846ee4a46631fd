import { z } from 'zod';
import { create } from 'zustand';
import { GRANULARITIES } from '../../../../shared/api/trends';
import { Channel, Language } from '../../../../shared/domain/mention';
import { safeRead } from '../../i18n';
import { COMPARISONS, PERIOD_PRESETS } from './period';

/** The panels a dashboard can hold. */
export const PANEL_KINDS = [
  'volume',
  'sentiment',
  'sentimentMix',
  'shareOfVoice',
  'terms',
  'heatmap',
  'map',
  'response',
] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];

/** One panel on a dashboard: which kind, how wide, and the choices made on it. */
export const PanelConfig = z.object({
  id: z.string().min(1),
  kind: z.enum(PANEL_KINDS),
  wide: z.boolean(),
  stackBy: z.enum(['channel', 'topic']).optional(),
  termKind: z.enum(['all', 'hashtag', 'word']).optional(),
  mapRegion: z.enum(['brabant', 'nl']).optional(),
  mapMeasure: z.enum(['volume', 'netSentiment']).optional(),
  /** The response-time target of the response panel. */
  targetMinutes: z.number().int().min(1).max(10_080).optional(),
  /** An external signal laid over a time panel. */
  signalId: z.number().int().positive().optional(),
});
export type PanelConfig = z.infer<typeof PanelConfig>;

/** The filters every panel of the page obeys (the same fields as the inbox filter, so counts match). */
export const TrendFilters = z.object({
  topicId: z.array(z.number().int()),
  channel: z.array(Channel),
  lang: z.array(Language),
});
export type TrendFilters = z.infer<typeof TrendFilters>;

/** A named arrangement of panels, with the period and filters it was saved with. */
export const Dashboard = z.object({
  name: z.string().min(1).max(80),
  panels: z.array(PanelConfig),
  preset: z.enum([...PERIOD_PRESETS, 'custom']),
  custom: z.object({ from: z.string(), to: z.string() }).nullable(),
  comparison: z.enum(COMPARISONS),
  /** `auto` lets the period decide (see `displayGranularity`). */
  granularity: z.enum(['auto', ...GRANULARITIES]).default('auto'),
  filters: TrendFilters,
});
export type Dashboard = z.infer<typeof Dashboard>;

const Saved = z.object({ current: z.string(), dashboards: z.array(Dashboard) });

const STORAGE_KEY = 'watchpost.trends.dashboards';

let panelCounter = 0;
/** A panel id unique within this window (ids only need to tell panels on one dashboard apart). */
export function newPanelId(kind: PanelKind): string {
  panelCounter += 1;
  return `${kind}-${Date.now().toString(36)}-${panelCounter}`;
}

/** The dashboard a workspace starts with: six panels, the time panels full width. */
export function defaultDashboard(name: string): Dashboard {
  const panel = (kind: PanelKind, wide: boolean, extra: Partial<PanelConfig> = {}): PanelConfig => ({
    id: kind,
    kind,
    wide,
    ...extra,
  });
  return {
    name,
    panels: [
      panel('volume', true, { stackBy: 'channel' }),
      panel('sentiment', false),
      panel('shareOfVoice', false),
      panel('heatmap', false),
      panel('terms', false, { termKind: 'all' }),
      panel('sentimentMix', false),
    ],
    preset: '30d',
    custom: null,
    comparison: 'none',
    granularity: 'auto',
    filters: { topicId: [], channel: [], lang: [] },
  };
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Saved dashboards from this browser profile; anything unreadable is dropped rather than breaking the page. */
export function readSaved(raw: string | null): z.infer<typeof Saved> | null {
  if (!raw) return null;
  try {
    const parsed = Saved.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.dashboards.length ? parsed.data : null;
  } catch {
    return null;
  }
}

interface DashboardState {
  /** The dashboard on screen, including unsaved changes. */
  current: Dashboard;
  saved: Dashboard[];
  update(change: (dashboard: Dashboard) => Dashboard): void;
  /** Saves the dashboard on screen under `name` (replacing one of that name). */
  saveAs(name: string): void;
  open(name: string): void;
  remove(name: string): void;
}

function persist(current: string, dashboards: Dashboard[]): void {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify({ current, dashboards }));
  } catch {
    // A full quota or private mode: the dashboards last for this session.
  }
}

/** Creates the dashboard store; `defaultName` names the first dashboard in the UI language. */
export function createDashboardStore(defaultName: string) {
  const saved = readSaved(safeRead(storage(), STORAGE_KEY));
  const dashboards = saved?.dashboards ?? [defaultDashboard(defaultName)];
  const current = dashboards.find((dashboard) => dashboard.name === saved?.current) ?? dashboards[0]!;
  return create<DashboardState>((set, get) => ({
    current,
    saved: dashboards,
    update: (change) => set({ current: change(get().current) }),
    saveAs(name) {
      const dashboard = { ...get().current, name };
      const next = [...get().saved.filter((other) => other.name !== name), dashboard];
      persist(name, next);
      set({ current: dashboard, saved: next });
    },
    open(name) {
      const dashboard = get().saved.find((other) => other.name === name);
      if (!dashboard) return;
      persist(name, get().saved);
      set({ current: dashboard });
    },
    remove(name) {
      const next = get().saved.filter((other) => other.name !== name);
      const remaining = next.length ? next : [defaultDashboard(defaultName)];
      const current = get().current.name === name ? remaining[0]! : get().current;
      persist(current.name, remaining);
      set({ saved: remaining, current });
    },
  }));
}

let store: ReturnType<typeof createDashboardStore> | null = null;

/** The one dashboard store of this window, made on first use (`defaultName` names the first dashboard). */
export function dashboardStore(defaultName: string): ReturnType<typeof createDashboardStore> {
  store ??= createDashboardStore(defaultName);
  return store;
}
