import { useEffect, useState } from 'react';
import type {
  ApprovalRules,
  ComposeInfo,
  Template,
  TemplateSuggestion,
  ToneRule,
} from '../../../../shared/api/replies';
import type { MentionDetail } from '../../../../shared/domain/mention';
import { ApiError, call } from '../../api/client';
import { currentOperatorName } from '../../stores/operator';

/** What the composer shows and checks against, loaded once when it opens. */
export interface ComposeData {
  info: ComposeInfo;
  mention: MentionDetail;
  templates: Template[];
  suggestions: TemplateSuggestion[];
  rules: ToneRule[];
  approval: ApprovalRules;
}

export type ComposeLoad =
  { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; data: ComposeData };

/** Loads the mention, the channel's facts, the library and the tone rules for the composer in one go. */
export function useComposeData(mentionId: number): ComposeLoad {
  const [load, setLoad] = useState<ComposeLoad>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const operator = currentOperatorName();
    Promise.all([
      call('replies.compose', { mentionId, operator }),
      call('mentions.get', { id: mentionId }),
      call('replies.templates.list', {}),
      call('replies.suggest', { mentionId, limit: 4 }),
      call('replies.tone.get', {}),
      call('replies.approval.get', {}),
    ])
      .then(([info, mention, templates, suggestions, tone, approval]) => {
        if (live) {
          setLoad({ state: 'ready', data: { info, mention, templates, suggestions, rules: tone.rules, approval } });
        }
      })
      .catch((error: unknown) => {
        if (live) setLoad({ state: 'failed', message: error instanceof ApiError ? error.message : String(error) });
      });
    return () => {
      live = false;
    };
  }, [mentionId]);
  return load;
}
