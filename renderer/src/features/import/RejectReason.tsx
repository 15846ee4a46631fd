import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { REJECT_CODES, type RejectCode, type RejectParams } from '../../../../shared/api/imports';

/** A reject as the engine gives it: its English sentence, and its code when it has one (older rejects do not). */
export interface RejectWhy {
  reason: string;
  code?: string;
  params?: RejectParams;
}

const isRejectCode = (code: string | undefined): code is RejectCode =>
  (REJECT_CODES as readonly string[]).includes(code ?? '');

/**
 * A reject's reason in the UI language: what (the field and value), where (row, line, post) and
 * why. A reject without a code, or with one this version does not know, keeps its own sentence.
 */
export function rejectReasonText(t: TFunction, why: RejectWhy): string {
  const { code, params } = why;
  if (!isRejectCode(code) || !params) return why.reason;
  let where = t(`rejectReason.unit.${params.unit}`, { no: params.no });
  if (params.part !== undefined) where = t('rejectReason.part', { where, part: params.part });
  if (params.id !== undefined) where = t('rejectReason.withId', { where, id: params.id });
  const field = params.field
    ? t(params.fieldKind === 'column' ? 'rejectReason.column' : 'rejectReason.field', { field: params.field })
    : '';
  // A text field that holds something other than text is told apart from an empty one.
  const key = code === 'text_missing' && params.value !== undefined ? 'text_missing_value' : code;
  return t(`rejectReason.code.${key}`, { ...params, where, field });
}

/** The translated reason, with the engine's own sentence on hover (what the command line and logs say). */
export function RejectReasonText({ why }: { why: RejectWhy }) {
  const { t } = useTranslation();
  const text = rejectReasonText(t, why);
  return (
    <span title={text === why.reason ? undefined : t('rejectReason.original', { reason: why.reason })}>{text}</span>
  );
}
