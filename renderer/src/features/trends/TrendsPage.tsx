import { PlannedPage } from '../planned/PlannedPage';

/** Trends: long-term panels over the rollups (being built; shows the planned page until then). */
export function TrendsPage() {
  return <PlannedPage page="trends" />;
}
