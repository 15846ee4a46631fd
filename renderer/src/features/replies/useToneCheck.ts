import { useCallback, useEffect, useRef, useState } from 'react';
import type { ToneFinding } from '../../../../shared/api/replies';

/** The findings of one text, as the check returned them. */
export interface CheckedText {
  text: string;
  findings: readonly ToneFinding[];
}

/** At the latest this long after a keystroke the check runs, even when the page is never idle. */
export const CHECK_WITHIN_MS = 120;

type Cancel = () => void;

/** Runs `work` when the main thread is idle (after the frame that paints the keystroke), within `timeout` ms. */
function whenIdle(work: () => void, timeout: number): Cancel {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(work, 0);
  return () => window.clearTimeout(handle);
}

/**
 * The tone check, off the keystroke's path: the field carries the last findings over to the new text
 * (their offsets follow the edit, see FindingsField), and the check of the new text runs once the
 * browser is idle — normally right after the keystroke's frame is painted, at the latest CHECK_WITHIN_MS
 * later. Fast typing coalesces into one check of the latest text. `now(text)` checks synchronously (before
 * sending, so a reply is never judged on stale findings).
 */
export function useToneCheck(text: string, check: (text: string) => ToneFinding[]) {
  const [checked, setChecked] = useState<CheckedText & { check: typeof check }>(() => ({
    text,
    findings: check(text),
    check,
  }));
  const latest = useRef({ text, check });
  const pending = useRef<Cancel | null>(null);
  useEffect(() => {
    latest.current = { text, check };
  }, [text, check]);

  const stale = checked.text !== text || checked.check !== check;
  useEffect(() => {
    // One request at a time: it checks whatever the text is when it runs, so typing never postpones it.
    if (!stale || pending.current) return;
    pending.current = whenIdle(() => {
      pending.current = null;
      const { text: current, check: rules } = latest.current;
      setChecked({ text: current, findings: rules(current), check: rules });
    }, CHECK_WITHIN_MS);
  }, [stale, checked]);
  useEffect(
    () => () => {
      pending.current?.();
      pending.current = null;
    },
    [],
  );

  const now = useCallback(
    (current: string): readonly ToneFinding[] =>
      checked.text === current && checked.check === check ? checked.findings : check(current),
    [check, checked],
  );
  return { checked: checked as CheckedText, pending: stale, now };
}
