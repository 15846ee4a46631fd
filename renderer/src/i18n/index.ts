import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nl } from './nl';

export const LANGUAGES = ['nl', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

export const resources = { nl: { translation: nl }, en: { translation: en } } as const;

const STORAGE_KEY = 'watchpost.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === 'nl' || value === 'en';
}

/**
 * Dutch first: English only when the operator's system clearly prefers it, i.e. the first preferred
 * language is English. A Dutch, Frisian or German system, or none at all, gets Dutch.
 */
export function languageFromLocales(locales: readonly string[]): UiLanguage {
  const first = locales[0]?.toLowerCase() ?? '';
  return first === 'en' || first.startsWith('en-') ? 'en' : 'nl';
}

export function initialLanguage(storage: Pick<Storage, 'getItem'> | null, locales: readonly string[]): UiLanguage {
  const saved = safeRead(storage, STORAGE_KEY);
  return isUiLanguage(saved) ? saved : languageFromLocales(locales);
}

export function saveLanguage(storage: Pick<Storage, 'setItem'> | null, language: UiLanguage): void {
  try {
    storage?.setItem(STORAGE_KEY, language);
  } catch {
    // private mode or a full quota: the choice just lasts for this session
  }
}

export function safeRead(storage: Pick<Storage, 'getItem'> | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Numbers and dates follow the UI language: nl-NL for Dutch, en-GB for English. */
export function localeFor(language: string): 'nl-NL' | 'en-GB' {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}

/** Resources are bundled, so initialisation is synchronous: the first render needs no await. */
export function createI18n(language: UiLanguage): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    initAsync: false,
    resources,
    lng: language,
    fallbackLng: 'nl',
    supportedLngs: [...LANGUAGES],
    // React escapes output already.
    interpolation: { escapeValue: false },
  });
  return instance;
}
