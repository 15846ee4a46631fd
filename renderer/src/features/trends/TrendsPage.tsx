import { Loader2 } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StateMessage } from '../../components/StateMessage';
import { prefetchTrends } from './prefetch';

// ECharts and the panels load only when the trends page is opened: the inbox never pays for them.
const TrendsView = lazy(() => import('./TrendsView'));

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
