// @vitest-environment happy-dom
import { createInstance } from 'i18next';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToneFinding } from '../../../../shared/api/replies';
import { resources } from '../../i18n';
import { FindingsList } from './FindingsList';

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

/** A "je" the address rule finds at `start`, with its one-click fix. */
function je(start: number): ToneFinding {
  return {
    ruleId: 'address',
    kind: 'address',
    severity: 'error',
    start,
    end: start + 2,
    messageKey: 'tone.finding.address',
    params: { found: 'je', form: 'u', suggestion: 'u' },
    explanationKey: 'tone.explanation.address',
    note: '',
    fix: { start, end: start + 2, replacement: 'u' },
  };
}

let root: Root | null = null;

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.replaceChildren();
});

describe('FindingsList', () => {
  it('does not render an item again when typing only moved it, and its buttons act on where it stands now', async () => {
    const i18n = createInstance();
    await i18n.use(initReactI18next).init({ lng: 'nl', resources });
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    const fixed: ToneFinding[] = [];
    const shown: ToneFinding[] = [];
    const onFix = (finding: ToneFinding) => fixed.push(finding);
    const onShow = (finding: ToneFinding) => shown.push(finding);
    const render = (text: string, findings: ToneFinding[]) =>
      act(() =>
        root!.render(
          <I18nextProvider i18n={i18n}>
            <FindingsList id="f" text={text} findings={findings} caret={null} onFix={onFix} onShow={onShow} />
          </I18nextProvider>,
        ),
      );

    const before = 'Dank je wel, ik bel je morgen.';
    render(before, [je(5), je(21)]);
    expect(host.querySelectorAll('li.finding')).toHaveLength(2);
    const items = [...host.querySelectorAll('li.finding')];

    // Three characters typed at the start: both findings move by three, and say the same.
    const after = `Ha ${before}`;
    const spy = vi.spyOn(i18n, 't');
    render(after, [je(8), je(24)]);
    // The same elements, and no item translated anything again (an item rendered again would call t for its words).
    expect([...host.querySelectorAll('li.finding')]).toEqual(items);
    expect(spy.mock.calls.filter(([key]) => String(key).startsWith('tone.finding'))).toEqual([]);

    // The buttons act on the finding where it stands now, not where the item was first rendered.
    const [show, fix] = [...items[1]!.querySelectorAll('button')];
    act(() => show!.click());
    act(() => fix!.click());
    expect(shown.map((finding) => finding.start)).toEqual([24]);
    expect(fixed.map((finding) => finding.fix?.start)).toEqual([24]);
  });
});
