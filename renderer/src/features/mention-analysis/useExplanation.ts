import { useCallback, useEffect, useState } from 'react';
import type { MentionExplanation } from '../../../../shared/api/analysis';
import { ApiError, call, subscribe } from '../../api/client';

export type ExplanationState = { id: number; explanation: MentionExplanation } | { id: number; error: ApiError } | null;

/** The mention's explanation, read again when the mention changes (a correction here or in another window). */
export function useExplanation(id: number): [ExplanationState, (next: MentionExplanation) => void] {
  const [state, setState] = useState<ExplanationState>(null);
  useEffect(() => {
    let current = true;
    const read = () =>
      call('mentions.explain', { id })
        .then((explanation) => current && setState({ id, explanation }))
        .catch((error: unknown) => {
          if (!current) return;
          setState({
            id,
            error: error instanceof ApiError ? error : new ApiError('internal', String(error), 'mentions.explain'),
          });
        });
    void read();
    const stop = subscribe('mentions.changed', (changed) => changed.ids.includes(id) && void read());
    return () => {
      current = false;
      stop();
    };
  }, [id]);
  const replace = useCallback((explanation: MentionExplanation) => setState({ id: explanation.id, explanation }), []);
  return [state?.id === id ? state : null, replace];
}
