import type { CompareMode, Granularity, InboxFilter, TrendFilter } from '../../../../shared/api/trends';
import type { PanelConfig } from './dashboards';
import type { PanelPlacement } from './PanelFrame';

/** The period and filters every panel of the page shares, as the trends API takes them. */
export interface PanelRange {
  from: string;
  to: string;
  granularity: Granularity;
  compare?: CompareMode;
  filter: TrendFilter;
}

/** The mentions behind a term, a municipality or an hour-of-week cell: no inbox filter expresses these. */
export interface DrillRequest {
  title: string;
  term?: string;
  municipality?: string;
  hourOfWeek?: { dow: number; hour: number };
  /** Defaults to the page's period. */
  from?: string;
  to?: string;
}

/** What the dashboard hands each panel. */
export interface PanelProps {
  config: PanelConfig;
  range: PanelRange;
  placement: PanelPlacement;
  onConfig(patch: Partial<PanelConfig>): void;
  openInbox(filter: InboxFilter): void;
  onDrill(drill: DrillRequest): void;
}
