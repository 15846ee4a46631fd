import type { MentionExplanation } from '../../../../shared/api/analysis';
import { call, type ApiError } from '../../api/client';
import { useMentionRead } from '../../api/useMentionRead';

export type ExplanationState = { id: number; explanation: MentionExplanation } | { id: number; error: ApiError } | null;

const explain = (id: number) => call('mentions.explain', { id });

/** The mention's explanation, read again when the mention changes (a correction here or in another window). */
export function useExplanation(id: number): [ExplanationState, (next: MentionExplanation) => void] {
  const [state, replace] = useMentionRead(id, explain, 'mentions.explain');
  return [state && 'value' in state ? { id: state.id, explanation: state.value } : state, replace];
}
