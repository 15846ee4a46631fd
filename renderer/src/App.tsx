import { Loader2 } from 'lucide-react';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigation } from './components/Navigation';
import { StateMessage } from './components/StateMessage';
import { StatusBar } from './components/StatusBar';
import { InboxPage } from './features/inbox/InboxPage';
import { PlannedPage } from './features/planned/PlannedPage';
import { ReviewNotices } from './features/replies/ReviewNotices';
import { TrendsPage } from './features/trends/TrendsPage';
import { preloadLater } from './preload';
import { useCurrentPage, type PageId } from './route';
import { applyTheme, usePreferences } from './stores/preferences';
import { useWorkspaceStatusFeed } from './stores/workspace';

// The inbox is what a window opens on; the other pages are chunks of their own, so the first screen parses
// only its own code (`npm run bench -- first-paint`). Once the first page is shown they are loaded in idle
// time, so switching pages later does not wait for them.
const loadReplies = () => import('./features/replies/RepliesPage');
const loadImport = () => import('./features/import/ImportPage');
const loadSettings = () => import('./features/settings/SettingsPage');
const RepliesPage = lazy(async () => ({ default: (await loadReplies()).RepliesPage }));
const ImportPage = lazy(async () => ({ default: (await loadImport()).ImportPage }));
const SettingsPage = lazy(async () => ({ default: (await loadSettings()).SettingsPage }));
for (const load of [loadReplies, loadImport, loadSettings]) preloadLater(load);

function Page({ page }: { page: PageId }) {
  switch (page) {
    case 'inbox':
      return <InboxPage />;
    case 'replies':
      return <RepliesPage />;
    case 'trends':
      return <TrendsPage />;
    case 'import':
      return <ImportPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return <PlannedPage page={page} />;
  }
}

function PageLoading() {
  const { t } = useTranslation();
  return <StateMessage kind="loading" icon={Loader2} title={t('app.loadingPage')} />;
}

/** Keeps i18next, `<html lang>` and `data-theme` in step with the operator's preferences. */
function usePreferenceEffects(): void {
  const { i18n, t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const theme = usePreferences((state) => state.theme);
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  useEffect(() => {
    document.title = t('app.name');
  }, [t]);
  useEffect(() => applyTheme(theme), [theme]);
}

export function App() {
  const { t } = useTranslation();
  const page = useCurrentPage();
  usePreferenceEffects();
  useWorkspaceStatusFeed();

  const skipToContent = () => document.getElementById('main')?.focus();

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={skipToContent}>
        {t('app.skipToContent')}
      </button>
      <Navigation current={page} />
      <main id="main" className="page" tabIndex={-1}>
        <Suspense fallback={<PageLoading />}>
          <Page key={page} page={page} />
        </Suspense>
      </main>
      <StatusBar />
      <ReviewNotices />
    </div>
  );
}
