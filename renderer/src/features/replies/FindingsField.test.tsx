// @vitest-environment happy-dom
import { act, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldValue, type ReplyInput } from './editableText';
import { FindingsField } from './FindingsField';

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

interface Seen {
  changes: string[];
  carets: number[];
  /** The text the parent held when a key reached the field's onKeyDown. */
  atKey: string[];
}

function Parent({ seen }: { seen: Seen }) {
  const field = useRef<ReplyInput>(null);
  const [text, setText] = useState('Beste Jan');
  return (
    <FindingsField
      id="reply"
      initialValue="Beste Jan"
      onChange={(value) => {
        seen.changes.push(value);
        setText(value);
      }}
      reported={text}
      onCaret={(caret) => seen.carets.push(caret)}
      checked={{ text: 'Beste Jan', findings: [] }}
      fieldRef={field}
      label="Reply"
      invalid={false}
      onKeyDown={() => seen.atKey.push(text)}
    />
  );
}

let root: Root | null = null;

async function mount(): Promise<{ seen: Seen; field: HTMLElement }> {
  const host = document.createElement('div');
  document.body.append(host);
  const seen: Seen = { changes: [], carets: [], atKey: [] };
  root = createRoot(host);
  await act(async () => root!.render(<Parent seen={seen} />));
  return { seen, field: host.querySelector<HTMLElement>('[role="textbox"]')! };
}

/** Types `text` at the end of the field as the browser would: its text node changes, then an input event. */
function type(field: HTMLElement, text: string): void {
  const node = field.firstChild as Text;
  node.appendData(text);
  document.getSelection()!.collapse(node, node.length);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** After the frame, and the pause in typing that the field waits for before it reports (QUIET_MS). */
const afterPause = (ms = 80) =>
  act(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(() => setTimeout(done, 0), ms))));

/** Right after the frame that paints an edit. */
const afterFrame = () => afterPause(0);

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.replaceChildren();
});

describe('FindingsField', () => {
  it('holds its text in an editable box, and tells React of an edit only after the frame, once the keys pause', async () => {
    const { seen, field } = await mount();
    expect(field.getAttribute('contenteditable')).toBe('plaintext-only');
    expect(fieldValue(field)).toBe('Beste Jan');

    type(field, ',');
    // The keystroke's own work is the browser's: React has heard nothing before the frame.
    expect(seen.changes).toEqual([]);

    await afterFrame();
    expect(seen.changes).toEqual([]);
    await afterPause();
    expect(seen.changes).toEqual(['Beste Jan,']);
    expect(seen.carets.at(-1)).toBe(10);
  });

  it('tells React only once the page is idle after the frame (a key typed meanwhile goes first)', async () => {
    const idle: (() => void)[] = [];
    const had = window.requestIdleCallback;
    window.requestIdleCallback = ((work: () => void) => idle.push(work)) as typeof window.requestIdleCallback;
    try {
      const { seen, field } = await mount();
      type(field, '!');
      await afterPause();
      expect(seen.changes).toEqual([]);
      expect(idle).toHaveLength(1);
      await act(async () => idle.shift()!());
      expect(seen.changes).toEqual(['Beste Jan!']);
    } finally {
      window.requestIdleCallback = had;
    }
  });

  it('reports edits made within one frame once, with the latest text', async () => {
    const { seen, field } = await mount();
    type(field, ' ');
    type(field, 'd');
    type(field, 'a');
    await afterPause();
    expect(seen.changes).toEqual(['Beste Jan da']);
  });

  it('reports keys typed in a quick run once they pause, or within REPORT_WITHIN_MS while they keep coming', async () => {
    const { seen, field } = await mount();
    type(field, ' ');
    await afterPause(20);
    type(field, 'd');
    await afterPause(20);
    expect(seen.changes).toEqual([]);
    type(field, 'a');
    await afterPause();
    expect(seen.changes).toEqual(['Beste Jan da']);

    // Keys 30 ms apart, never pausing: reported all the same, within 100 ms of the first.
    const started = performance.now();
    while (seen.changes.length === 1 && performance.now() - started < 400) {
      type(field, 'g');
      await act(() => new Promise<void>((done) => setTimeout(done, 30)));
    }
    expect(seen.changes.length).toBe(2);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('reports an unreported edit when the field loses focus, so a click on send sees the text as it is', async () => {
    const { seen, field } = await mount();
    field.focus();
    type(field, ' en Piet');
    expect(seen.changes).toEqual([]);
    act(() => field.blur());
    expect(seen.changes).toEqual(['Beste Jan en Piet']);
    // Nothing new: leaving again reports nothing twice.
    field.focus();
    act(() => field.blur());
    await afterPause();
    expect(seen.changes).toEqual(['Beste Jan en Piet']);
  });

  it('reports an unreported edit before a command key reaches onKeyDown, so the / menu sees the text as it is', async () => {
    const { seen, field } = await mount();
    type(field, ' /bedankt');
    await act(async () => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(seen.changes).toEqual(['Beste Jan /bedankt']);
    expect(seen.atKey).toEqual(['Beste Jan /bedankt']);

    // A character key does not wait for React: it reaches onKeyDown with the text as last reported.
    type(field, '!');
    await act(async () => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    });
    expect(seen.atKey.at(-1)).toBe('Beste Jan /bedankt');
    await afterPause();
    expect(seen.changes.at(-1)).toBe('Beste Jan /bedankt!');

    // Typed and closed at once: Escape (which closes the composer and keeps the draft) sees the last character.
    type(field, '?');
    await act(async () => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(seen.atKey.at(-1)).toBe('Beste Jan /bedankt!?');
    // Nothing new: a command key reports nothing twice.
    const reports = seen.changes.length;
    await act(async () => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(seen.changes.length).toBe(reports);
  });
});
