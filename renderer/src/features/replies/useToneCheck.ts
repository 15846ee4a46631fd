import { useCallback, useMemo } from 'react';
import type { ToneFinding } from '../../../../shared/api/replies';

/** The findings of one text, as the check returned them. */
export interface CheckedText {
  text: string;
  findings: readonly ToneFinding[];
}

/**
 * The tone check of the text the composer holds, in the render that hears of that text. That render is off
 * the keystroke's path already: the field shows an edit (its underlines, live ranges, move with the text) in the
 * keystroke's own frame, and reports the text only after that frame (see FindingsField), so the check costs
 * the keystroke nothing. Checking there, and not in a later idle callback, means that hearing of the text and
 * showing its findings are one render: a keystroke whose findings only move along changes nothing on the page
 * after its frame (a second render would, and so would a "checking" state in between: each such change costs a
 * frame of its own, see FindingsField). A check of a 2,000-character reply with every
 * rule on takes about 1 ms.
 *
 * `now(text)` gives the findings of the text in the field as it is (before sending: a reply is never judged on
 * the findings of an older text).
 */
export function useToneCheck(text: string, check: (text: string) => ToneFinding[]) {
  const checked = useMemo<CheckedText>(() => ({ text, findings: check(text) }), [text, check]);
  const now = useCallback(
    (current: string): readonly ToneFinding[] => (checked.text === current ? checked.findings : check(current)),
    [check, checked],
  );
  return { checked, now };
}
