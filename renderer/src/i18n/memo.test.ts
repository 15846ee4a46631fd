import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { rememberLabels } from './memo';

/** An i18next instance, set as the app's (values not escaped: React escapes) unless `escapeValue` says otherwise. */
async function translator(language: string, escapeValue = false) {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    interpolation: { escapeValue },
    resources: {
      nl: {
        translation: {
          status: 'Open',
          reach: '{{n}} volgers',
          select: 'Bericht van {{author}} selecteren ({{author}}, {{n}})',
          more_one: '+{{count}} ander',
          more_other: '+{{count}} andere',
          loud: 'Let op: {{word, uppercase}}',
          nested: '$t(status) voor {{who}}',
        },
      },
      en: { translation: { status: 'Open (en)', reach: '{{n}} followers' } },
    },
  });
  return i18n;
}

/** A remembering `t` over i18n's, and how often it went through to i18n since the last `reset`. */
function counted(i18n: Awaited<ReturnType<typeof translator>>) {
  const count = { calls: 0 };
  const t = rememberLabels(((...args: Parameters<typeof i18n.t>) => {
    count.calls += 1;
    return i18n.t(...args);
  }) as typeof i18n.t);
  return { t, count };
}

describe('rememberLabels', () => {
  it('answers a key alone once and learns the template of a key with plain values', async () => {
    const i18n = await translator('nl');
    const { t, count } = counted(i18n);
    expect(t('status')).toBe('Open');
    expect(t('status')).toBe('Open');
    expect(count.calls).toBe(1);
    expect(t('reach', { n: 3 })).toBe('3 volgers');
    expect(t('reach', { n: 4 })).toBe('4 volgers');
    expect(count.calls).toBe(2);
  });

  it('fills a learnt template exactly as i18next does, and lets steering options and formatters through', async () => {
    const i18n = await translator('nl');
    i18n.services.formatter?.add('uppercase', (value: string) => value.toUpperCase());
    const { t, count } = counted(i18n);
    const cases: [string, Record<string, unknown>][] = [
      ['select', { author: '@ans', n: 2 }],
      ['select', { author: 'Ans {{n}} $t(status) \u0001', n: 0 }],
      ['select', { n: 7, author: 'Bo' }],
      ['more', { count: 1 }],
      ['more', { count: 4 }],
      ['loud', { word: 'stop' }],
      ['nested', { who: 'Cas' }],
      ['missing.key', { who: 'Cas' }],
    ];
    for (const [key, options] of cases) expect(t(key, options)).toBe(i18n.t(key, options));
    // Again: the same answers, now from the templates where there are any.
    count.calls = 0;
    for (const [key, options] of cases) expect(t(key, options)).toBe(i18n.t(key, options));
    // Through each time: the plural (count) and the formatted value; the rest from their templates.
    expect(count.calls).toBe(3);
  });

  it('leaves escaping to i18next: where it escapes values, a call with values goes through every time', async () => {
    const values = { author: '<b>Ans</b> & "co"', n: 1 };
    const escaping = await translator('nl', true);
    const { t, count } = counted(escaping);
    expect(t('select', values)).toBe(escaping.t('select', values));
    expect(t('select', values)).toBe(escaping.t('select', values));
    expect(t('select', values)).toContain('&lt;b&gt;');
    // The template could not be learnt (the stand-ins came back escaped): one try, then through each time.
    expect(count.calls).toBe(4);

    const plain = await translator('nl');
    const remembered = counted(plain);
    expect(remembered.t('select', values)).toBe(plain.t('select', values));
    expect(remembered.t('select', values)).toBe('Bericht van <b>Ans</b> & "co" selecteren (<b>Ans</b> & "co", 1)');
    expect(remembered.count.calls).toBe(1);
  });

  it('remembers per translation function, so another language gets its own labels', async () => {
    const nl = rememberLabels((await translator('nl')).t);
    const en = rememberLabels((await translator('en')).t);
    expect(nl('status')).toBe('Open');
    expect(en('status')).toBe('Open (en)');
  });
});
