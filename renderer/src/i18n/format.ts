import { useTranslation } from 'react-i18next';
import { localeFor } from './index';

export interface Formatters {
  locale: 'nl-NL' | 'en-GB';
  number(value: number): string;
  /** Full date and time, e.g. "12 mrt 2026, 14:32". */
  dateTime(iso: string): string;
  /** Compact for a list: the time today, day and month this year, the full date before that. */
  listTime(iso: string, now?: Date): string;
}

const cache = new Map<string, Formatters>();

export function formatters(language: string): Formatters {
  const locale = localeFor(language);
  let f = cache.get(locale);
  if (f) return f;
  const number = new Intl.NumberFormat(locale);
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  f = {
    locale,
    number: (value) => number.format(value),
    dateTime: (iso) => full.format(new Date(iso)),
    listTime(iso, now = new Date()) {
      const at = new Date(iso);
      if (at.toDateString() === now.toDateString()) return time.format(at);
      if (at.getFullYear() === now.getFullYear()) return `${dayMonth.format(at)} ${time.format(at)}`;
      return date.format(at);
    },
  };
  cache.set(locale, f);
  return f;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formatters(i18n.language);
}
