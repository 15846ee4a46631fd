import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigation } from './components/Navigation';
import { StatusBar } from './components/StatusBar';
import { ImportPage } from './features/import/ImportPage';
import { InboxPage } from './features/inbox/InboxPage';
import { PlannedPage } from './features/planned/PlannedPage';
import { RepliesPage } from './features/replies/RepliesPage';
import { ReviewNotices } from './features/replies/ReviewNotices';
import { TrendsPage } from './features/trends/TrendsPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { useCurrentPage, type PageId } from './route';
import { applyTheme, usePreferences } from './stores/preferences';
import { useWorkspaceStatusFeed } from './stores/workspace';

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
        <Page key={page} page={page} />
      </main>
      <StatusBar />
      <ReviewNotices />
    </div>
  );
}
