import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ReplyLang } from '../../../../shared/api/replies';
import { ApiError, call } from '../../api/client';
import { currentOperatorName } from '../../stores/operator';

/** How long the operator pauses before the text is kept as a draft. */
export const DRAFT_DELAY_MS = 800;

interface DraftFields {
  text: string;
  lang: ReplyLang;
  templateId: number | null;
}

export type DraftStatus = { state: 'idle' } | { state: 'saved'; at: string } | { state: 'failed'; message: string };

/**
 * Keeps the composer's text as a draft on the engine (`replies.saveDraft`), a short pause after the last
 * keystroke and once more when the composer closes, so reopening the mention continues where the operator
 * stopped. Saves run one after another on the same reply; `flush()` hands sending the draft's id once the
 * last save landed, and stops autosaving (the reply is leaving the composer).
 */
export function useDraftAutosave(options: { mentionId: number; replyId: number | undefined; fields: DraftFields }) {
  const { mentionId } = options;
  const replyId = useRef(options.replyId);
  const saved = useRef<DraftFields>(options.fields);
  const latest = useRef<DraftFields>(options.fields);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const stopped = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [status, setStatus] = useState<DraftStatus>({ state: 'idle' });
  const { text, lang, templateId } = options.fields;
  useLayoutEffect(() => {
    latest.current = { text, lang, templateId };
  }, [text, lang, templateId]);

  /** Queues a save of the latest fields unless they are what the engine already has. */
  const save = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    chain.current = chain.current.then(async () => {
      const fields = latest.current;
      if (stopped.current || sameFields(fields, saved.current)) return;
      // Nothing typed yet and nothing kept before: no draft to make.
      if (replyId.current === undefined && fields.text.trim() === '') return;
      try {
        const reply = await call('replies.saveDraft', {
          mentionId,
          replyId: replyId.current,
          ...fields,
          operator: currentOperatorName(),
        });
        replyId.current = reply.id;
        saved.current = fields;
        setStatus({ state: 'saved', at: reply.updatedAt });
      } catch (caught) {
        setStatus({ state: 'failed', message: caught instanceof ApiError ? caught.message : String(caught) });
      }
    });
    return chain.current;
  }, [mentionId]);

  useEffect(() => {
    if (stopped.current || sameFields({ text, lang, templateId }, saved.current)) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DRAFT_DELAY_MS);
  }, [text, lang, templateId, save]);

  // Closing the composer keeps what was typed since the last pause.
  useEffect(() => () => void save(), [save]);

  return {
    status,
    /** Waits for every save (including the one for the latest text), then stops autosaving; the draft's id. */
    async flush(): Promise<number | undefined> {
      await save();
      stopped.current = true;
      return replyId.current;
    },
    /** Autosaving again, after a send that did not go through (blocked or failed to reach the engine). */
    resume(id: number | undefined): void {
      stopped.current = false;
      if (id !== undefined) replyId.current = id;
      saved.current = latest.current;
    },
  };
}

function sameFields(a: DraftFields, b: DraftFields): boolean {
  return a.text === b.text && a.lang === b.lang && a.templateId === b.templateId;
}
