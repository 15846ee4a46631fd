import { create } from 'zustand';
import { initialLanguage, safeRead, saveLanguage, type UiLanguage } from '../i18n';

export const THEMES = ['light', 'dark', 'wall'] as const;
export type Theme = (typeof THEMES)[number];

const THEME_KEY = 'watchpost.theme';

function isTheme(value: unknown): value is Theme {
  return THEMES.includes(value as Theme);
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The saved choice, or the system's colour scheme when the operator never chose. */
export function initialTheme(saved: string | null, prefersDark: boolean): Theme {
  if (isTheme(saved)) return saved;
  return prefersDark ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

interface Preferences {
  language: UiLanguage;
  theme: Theme;
  setLanguage(language: UiLanguage): void;
  setTheme(theme: Theme): void;
}

export function readInitialPreferences(): Pick<Preferences, 'language' | 'theme'> {
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  return {
    language: initialLanguage(storage(), navigator.languages?.length ? navigator.languages : [navigator.language]),
    theme: initialTheme(safeRead(storage(), THEME_KEY), prefersDark),
  };
}

export const usePreferences = create<Preferences>((set) => ({
  ...readInitialPreferences(),
  setLanguage(language) {
    saveLanguage(storage(), language);
    set({ language });
  },
  setTheme(theme) {
    try {
      storage()?.setItem(THEME_KEY, theme);
    } catch {
      // not persisted; still applied for this session
    }
    applyTheme(theme);
    set({ theme });
  },
}));
