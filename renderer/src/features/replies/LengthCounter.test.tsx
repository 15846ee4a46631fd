// @vitest-environment happy-dom
import { createInstance } from 'i18next';
import { act, Profiler } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { resources } from '../../i18n';
import { createFieldText } from './fieldText';
import { LengthCounter, LiveLengthCounter } from './LengthCounter';

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

let roots: Root[] = [];

afterEach(() => {
  act(() => roots.forEach((root) => root.unmount()));
  roots = [];
  document.body.replaceChildren();
});

async function render(element: React.ReactElement): Promise<HTMLElement> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ lng: 'nl', resources });
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  roots.push(root);
  await act(async () => root.render(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>));
  return host;
}

/** What a counter shows and tells: its class, title, visible words and the words a screen reader hears. */
function said(host: HTMLElement) {
  const box = host.querySelector<HTMLElement>('.length-counter')!;
  const hidden = box.querySelector('[aria-hidden="true"]');
  const spoken = [...box.childNodes]
    .filter((node) => !(node instanceof HTMLElement && node.getAttribute('aria-hidden') === 'true'))
    .map((node) => node.textContent)
    .join('');
  return { className: box.className, title: box.getAttribute('title'), shown: hidden?.textContent ?? '', spoken };
}

describe('LiveLengthCounter', () => {
  it('shows each edit at once, without a React render, saying what LengthCounter says', async () => {
    const text = createFieldText('Beste Jan');
    let renders = 0;
    const live = await render(
      <Profiler id="counter" onRender={() => (renders += 1)}>
        <LiveLengthCounter id="count" text={text} count={(value) => value.length} limit={20} channel="x" />
      </Profiler>,
    );
    const first = renders;
    expect(said(live).shown).toBe('9 / 20');

    // Near the limit, then over it: the words, the look and what a screen reader hears follow the edit in the same
    // task (no act(), no render: the field's input event is the only thing that ran).
    for (const value of ['Beste Jan, dank je!', 'Beste Jan, dank je wel!']) {
      text.set(value);
      const now = said(live);
      const expected = await render(<LengthCounter id="count" length={value.length} limit={20} channel="x" />);
      expect(now).toEqual(said(expected));
    }
    expect(said(live).className).toBe('length-counter length-counter--over');
    expect(renders).toBe(first);
  });

  it('shows the sentence itself for a channel without a limit', async () => {
    const text = createFieldText('Dag');
    const live = await render(
      <LiveLengthCounter id="count" text={text} count={(value) => value.length} limit={null} channel="rss" />,
    );
    const expected = said(live);
    expect(expected.shown).toBe('');
    expect(expected.spoken).toMatch(/3/);
    expect(expected.title).toBeNull();
  });
});
