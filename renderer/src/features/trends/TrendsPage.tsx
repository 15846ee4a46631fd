import { Loader2 } from 'lucide-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StateMessage } from '../../components/StateMessage';
import { resources } from '../../i18n';
import { preloadLater } from '../../preload';
import { pageFromHash } from '../../route';
import { usePreferences } from '../../stores/preferences';
import { loadCharts } from './chartsCode';

// The panels and ECharts are chunks of their own: the first screen never waits for them. Once the first
// page is shown, they are loaded in idle time, so opening Trends later does not wait for them either.
// The panels do not wait for ECharts: their frames and the term lists show while it loads.
const loadView = () => import('./TrendsView');
// The dashboards (read with zod) and the panels' questions: a chunk too, so the first screen builds no
// schemas for them; the panels wait for the visit's questions to be asked before they ask for themselves.
const loadVisit = () => import('./prefetch');
let visitAsked: Promise<unknown> = Promise.resolve();
const TrendsView = lazy(() => Promise.all([loadView(), visitAsked]).then(([view]) => view));

/** Whether the current visit to Trends has asked for its panels' data and code already. */
let visiting = false;

/**
 * A visit starts the moment the route becomes Trends, before React renders anything: the chart code (unless
 * idle time loaded it already) and every panel's data are asked for at once, in parallel. Once per visit.
 */
function beginVisit(): void {
  if (visiting) return;
  visiting = true;
  void loadView().catch(() => {});
  void loadCharts().catch(() => {});
  // The first dashboard's name in the UI language, as the page would give it (`trends.dashboards.default`).
  const dashboard = resources[usePreferences.getState().language].translation.trends.dashboards.default;
  visitAsked = loadVisit()
    .then((visit) => visit.prefetchTrends(dashboard))
    .catch(() => {});
}

const onTrends = () => pageFromHash(window.location.hash) === 'trends';
// Before React's own listener: the requests go out while the inbox is being taken down.
window.addEventListener('hashchange', () => {
  if (onTrends()) beginVisit();
});
// A click on a link to Trends starts the visit as the click arrives, before the page it leaves has handled
// it and the address has changed (a task later); an ordinary click only, not one opening another window.
document.addEventListener(
  'click',
  (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    if (!link || link.hasAttribute('target') || pageFromHash(link.getAttribute('href')!) !== 'trends') return;
    beginVisit();
    // The address changes as the click's default action; a handler that cancelled it leaves no visit.
    setTimeout(() => {
      if (!onTrends()) visiting = false;
    });
  },
  { capture: true },
);
if (onTrends()) {
  // A window opened on Trends asks while the rest of the app's code still starts, not after its first render.
  beginVisit();
} else {
  preloadLater(loadVisit);
  preloadLater(loadView);
  preloadLater(loadCharts);
}

/** Trends: long-term panels over the rollups (DESIGN §8), in a chunk of their own. */
export function TrendsPage() {
  const { t } = useTranslation();
  // A visit that did not come through the route (the page rendered some other way) starts here.
  useState(beginVisit);
  // Leaving ends the visit: the next one asks again (the store may have changed meanwhile).
  useEffect(
    () => () => {
      visiting = false;
    },
    [],
  );
  return (
    <Suspense fallback={<StateMessage kind="loading" icon={Loader2} title={t('trends.loading')} />}>
      <TrendsView />
    </Suspense>
  );
}
