import { dashboardStore } from './dashboards';
import { dashboardRange, panelQuestions, panelRangeOf } from './panelQueries';
import { forgetAnswers, prefetchTrend } from './useTrend';

/**
 * Starts a visit to the trends page: answers kept from an earlier visit are dropped (the store may have
 * changed since), and every panel of the dashboard on screen is asked for at once, in parallel with
 * loading the charts' code. The `all` period needs the oldest mention first; its panels ask for themselves.
 */
export function prefetchTrends(defaultDashboardName: string): void {
  forgetAnswers();
  const dashboard = dashboardStore(defaultDashboardName).getState().current;
  if (dashboard.preset === 'all') return;
  const range = panelRangeOf(dashboard, dashboardRange(dashboard, Date.now(), null));
  for (const panel of dashboard.panels) {
    const question = panelQuestions[panel.kind](panel, range);
    prefetchTrend(question.method, question.input);
  }
}
