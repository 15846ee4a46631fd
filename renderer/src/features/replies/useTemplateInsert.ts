import { useState, type RefObject } from 'react';
import type { ReplyLang, Template } from '../../../../shared/api/replies';
import { ApiError, call } from '../../api/client';
import { currentOperatorName } from '../../stores/operator';
import type { ReplyInput } from './editableText';
import type { SlashToken } from './paint';

/** A template waiting for required values the mention could not give. */
export interface PendingTemplate {
  template: Template;
  token: SlashToken | null;
  missing: string[];
}

/**
 * Fills a template for the mention (in the reply's language, the channel's variant) and puts it in the
 * field: in place of the `/name` typed, or at the caret. Missing required values hold it back and are named.
 */
export function useTemplateInsert(options: {
  mentionId: number;
  lang: ReplyLang;
  fieldRef: RefObject<ReplyInput | null>;
  onInserted(template: Template): void;
}) {
  const [pending, setPending] = useState<PendingTemplate | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const insert = async (template: Template, token: SlashToken | null, values: Record<string, string> = {}) => {
    setBusy(true);
    setError(null);
    try {
      const rendered = await call('replies.render', {
        templateId: template.id,
        mentionId: options.mentionId,
        operator: currentOperatorName(),
        lang: options.lang,
        values,
      });
      if (!rendered.ok) {
        setPending({ template, token, missing: rendered.missing });
        return;
      }
      setPending(null);
      const field = options.fieldRef.current;
      if (!field) return;
      const [start, end] = rangeFor(field, token);
      field.replace(start, end, rendered.text);
      options.onInserted(template);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return { pending, busy, error, insert, cancel: () => setPending(null) };
}

/** Where the template goes: over the `/name` if it is still there as typed, else over the selection. */
function rangeFor(field: ReplyInput, token: SlashToken | null): [number, number] {
  const value = field.value;
  if (token) {
    const end = token.start + 1 + token.query.length;
    if (value.slice(token.start, end) === `/${token.query}`) return [token.start, end];
  }
  if (value.trim() === '') return [0, value.length];
  return [field.selectionStart, field.selectionEnd];
}
