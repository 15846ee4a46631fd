import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { rememberLabels } from './memo';

async function translator(language: string) {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    resources: {
      nl: {
        translation: {
          status: 'Open',
          reach: '{{n}} volgers',
          select: 'Bericht van {{author}} selecteren',
          both: '{{b}} en {{a}}, weer {{b}}',
          raw: 'door {{- author}}',
          formatted: 'sinds {{when, datetime}}',
          item_one: '{{count}} bericht',
          item_other: '{{count}} berichten',
          nested: 'zie $t(status)',
        },
      },
      en: { translation: { status: 'Open (en)', reach: '{{n}} followers' } },
    },
  });
  return i18n;
}

/** rememberLabels over `t`, and how often it asked `t`. */
function counted(t: TFunction) {
  let calls = 0;
  const counting = ((...args: Parameters<TFunction>) => {
    calls += 1;
    return t(...args);
  }) as TFunction;
  return { t: rememberLabels(counting), calls: () => calls };
}

describe('rememberLabels', () => {
  it('answers a key alone once and passes calls with values through', async () => {
    const i18n = await translator('nl');
    const { t, calls } = counted(i18n.t);
    expect(t('status')).toBe('Open');
    expect(t('status')).toBe('Open');
    expect(calls()).toBe(1);
    expect(t('reach', { n: 3 })).toBe('3 volgers');
    expect(t('reach', { n: 4 })).toBe('4 volgers');
    expect(calls()).toBe(2);
  });

  it('fills a key with plain values from its translation cut at the values, asking i18next once per key', async () => {
    const i18n = await translator('nl');
    const { t, calls } = counted(i18n.t);
    const authors = ['Anna', 'Bram de Vries', '@kees_01', 'Zoë', '', 'x'.repeat(300)];
    for (const author of authors) expect(t('select', { author })).toBe(i18n.t('select', { author }));
    for (const n of [0, 1, -2, 1.5, 1e21]) expect(t('reach', { n })).toBe(i18n.t('reach', { n }));
    expect(t('both', { a: 'x', b: 'y' })).toBe('y en x, weer y');
    expect(t('raw', { author: 'Anna' })).toBe('door Anna');
    expect(calls()).toBe(4);
  });

  it('passes calls through whose values i18next would escape, format, count or nest', async () => {
    const i18n = await translator('nl');
    const t = rememberLabels(i18n.t);
    // i18n.t escapes values by default (the app turns that off): the same answer either way.
    for (const author of ['Tom & Jerry', "O'Brien", '<b>', 'a/b', '{{n}}', '$t(status)'])
      expect(t('select', { author })).toBe(i18n.t('select', { author }));
    const when = new Date(Date.UTC(2026, 0, 2));
    expect(t('formatted', { when })).toBe(i18n.t('formatted', { when }));
    expect(t('formatted', { when: '2026-01-02' })).toBe(i18n.t('formatted', { when: '2026-01-02' }));
    expect(t('item', { count: 1 })).toBe('1 bericht');
    expect(t('item', { count: 2 })).toBe('2 berichten');
    expect(t('reach', { n: 3, lng: 'en' })).toBe('3 followers');
    expect(t('reach', { n: Number.NaN })).toBe(i18n.t('reach', { n: Number.NaN }));
    expect(t('nested', { x: 'y' })).toBe(i18n.t('nested', { x: 'y' }));
    expect(t('missing.key', { x: 'y' })).toBe(i18n.t('missing.key', { x: 'y' }));
  });

  it('remembers per translation function, so another language gets its own labels', async () => {
    const nl = rememberLabels((await translator('nl')).t);
    const en = rememberLabels((await translator('en')).t);
    expect(nl('status')).toBe('Open');
    expect(en('status')).toBe('Open (en)');
  });
});
