import { Loader2 } from 'lucide-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { StateMessage } from '../../components/StateMessage';

// ECharts and the panels load only when the trends page is opened: the inbox never pays for them.
const TrendsView = lazy(() => import('./TrendsView'));

/** Trends: long-term panels over the rollups (DESIGN §8), in a chunk of their own. */
export function TrendsPage() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<StateMessage kind="loading" icon={Loader2} title={t('trends.loading')} />}>
      <TrendsView />
    </Suspense>
  );
}
