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

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function formatters(language: string): Formatters {
  const locale = localeFor(language);
  let f = cache.get(locale);
  if (f) return f;
  // Each Intl formatter is made on first use: making one loads locale data (~15 ms apiece on the first
  // screen), and most screens use only one or two of them.
  const number = once(() => new Intl.NumberFormat(locale));
  const full = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  const time = once(() => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }));
  const dayMonth = once(() => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }));
  const date = once(() => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }));
  f = {
    locale,
    number: (value) => number().format(value),
    dateTime: (iso) => full().format(new Date(iso)),
    listTime(iso, now = new Date()) {
      const at = new Date(iso);
      if (at.toDateString() === now.toDateString()) return time().format(at);
      if (at.getFullYear() === now.getFullYear()) return `${dayMonth().format(at)} ${time().format(at)}`;
      return date().format(at);
    },
  };
  cache.set(locale, f);
  return f;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formatters(i18n.language);
}
