import { Loader2 } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StateMessage } from '../../components/StateMessage';
import { prefetchTrends } from './prefetch';

// ECharts and the panels are a chunk of their own: the first screen never waits for them. Once the window
// has nothing else to do, the chunk is loaded in idle time, so opening Trends later does not wait for it either.
const loadView = () => import('./TrendsView');
const TrendsView = lazy(loadView);
if (typeof window.requestIdleCallback === 'function') {
  window.requestIdleCallback(() => void loadView().catch(() => {}), { timeout: 10_000 });
}

/** Trends: long-term panels over the rollups (DESIGN §8), in a chunk of their own. */
export function TrendsPage() {
  const { t } = useTranslation();
  // Once per visit, before any panel renders: the panels' data is asked for while the charts' code
  // still loads, not after it.
  useState(() => prefetchTrends(t('trends.dashboards.default')));
  return (
    <Suspense fallback={<StateMessage kind="loading" icon={Loader2} title={t('trends.loading')} />}>
      <TrendsView />
    </Suspense>
  );
}
