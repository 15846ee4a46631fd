// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { Modal } from './Modal';

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

describe('Modal', () => {
  it('marks <html data-modal> while any modal is open, until the last one closes', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const render = (open: { a: boolean; b: boolean }) =>
      act(() =>
        root.render(
          <>
            {open.a && (
              <Modal title="A" onClose={() => {}}>
                a
              </Modal>
            )}
            {open.b && (
              <Modal title="B" onClose={() => {}}>
                b
              </Modal>
            )}
          </>,
        ),
      );
    expect(document.documentElement.dataset.modal).toBeUndefined();
    await render({ a: true, b: false });
    expect(document.documentElement.dataset.modal).toBe('open');
    expect(document.querySelector('dialog')?.open).toBe(true);
    await render({ a: true, b: true });
    await render({ a: false, b: true });
    expect(document.documentElement.dataset.modal).toBe('open');
    await render({ a: false, b: false });
    expect(document.documentElement.dataset.modal).toBeUndefined();
    await act(() => root.unmount());
  });
});
