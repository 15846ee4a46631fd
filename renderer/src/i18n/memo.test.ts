import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { rememberLabels } from './memo';

async function translator(language: string) {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    resources: {
      nl: { translation: { status: 'Open', reach: '{{n}} volgers' } },
      en: { translation: { status: 'Open (en)', reach: '{{n}} followers' } },
    },
  });
  return i18n;
}

describe('rememberLabels', () => {
  it('answers a key alone once and passes calls with values through', async () => {
    const i18n = await translator('nl');
    let calls = 0;
    const counting = ((...args: Parameters<typeof i18n.t>) => {
      calls += 1;
      return i18n.t(...args);
    }) as typeof i18n.t;
    const t = rememberLabels(counting);
    expect(t('status')).toBe('Open');
    expect(t('status')).toBe('Open');
    expect(calls).toBe(1);
    expect(t('reach', { n: 3 })).toBe('3 volgers');
    expect(t('reach', { n: 4 })).toBe('4 volgers');
    expect(calls).toBe(3);
  });

  it('remembers per translation function, so another language gets its own labels', async () => {
    const nl = rememberLabels((await translator('nl')).t);
    const en = rememberLabels((await translator('en')).t);
    expect(nl('status')).toBe('Open');
    expect(en('status')).toBe('Open (en)');
  });
});
