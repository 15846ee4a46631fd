import '@fontsource-variable/inter/wght.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/frame.css';
import './styles/components.css';
import './styles/settings.css';
import './styles/inbox.css';
import './styles/forms.css';
import './styles/import.css';
import './styles/sources.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { installFlatIcons } from './components/FlatIcon';
import { startFirstList } from './features/inbox/InboxPage';
import { loadLinkReader, needsLinkReader } from './features/inbox/link';
import { createI18n } from './i18n';
import { pageFromHash } from './route';
import { applyTheme, usePreferences } from './stores/preferences';

function start(): void {
  const { language, theme } = usePreferences.getState();
  // Theme and language go on <html> before the first paint, so nothing flashes in the wrong colours.
  applyTheme(theme);
  document.documentElement.lang = language;
  // The row and finding icons' images, in this theme's colours (FlatIcon.tsx).
  installFlatIcons();
  // The inbox's first page is asked for now, so the engine reads it while the first render runs.
  if (pageFromHash(window.location.hash) === 'inbox') startFirstList(window.location.hash);
  const i18n = createI18n(language);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}

// An address with an inbox filter (a bookmark, a reload) is read with the API's schema, which loads first.
// The app starts even if that load fails (the inbox asks for the reader again when it reads the link).
if (needsLinkReader(window.location.hash))
  void loadLinkReader()
    .catch(() => undefined)
    .then(start);
else start();
