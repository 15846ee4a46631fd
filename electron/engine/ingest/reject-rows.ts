import type { z } from 'zod';
import type { RejectedRecord } from '../../../shared/api/contract';
import { RejectParams } from '../../../shared/api/imports';

/** The columns of `rejected_records` every rejects list reads. */
export const REJECT_COLUMNS = 'id, file, record_no, reason, code, params, raw, created_at';

export interface RejectRow {
  id: number;
  file: string | null;
  record_no: number | null;
  reason: string;
  code: string | null;
  params: string | null;
  raw: string;
  created_at: number;
}

/**
 * A stored reject as the API shows it: its code and parameters when it has them (rejects kept
 * before codes existed, or with parameters this version cannot read, keep only their sentence).
 */
export function toRejectedRecord(row: RejectRow): z.infer<typeof RejectedRecord> {
  const params = row.code && row.params ? RejectParams.safeParse(safeJson(row.params)) : null;
  return {
    id: row.id,
    file: row.file,
    recordNo: row.record_no,
    reason: row.reason,
    ...(row.code && params?.success ? { code: row.code, params: params.data } : {}),
    raw: row.raw,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
