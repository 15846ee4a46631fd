import type { RejectCode, RejectParams, RecordUnit } from '../../../../shared/api/imports';
import type { Reject } from './types';

export type { RejectCode, RejectParams, RecordUnit } from '../../../../shared/api/imports';

/** Where a record is in its input: `row 12`, `line 3`, `line 2, tweet 3`. */
export interface RecordPlace {
  unit: RecordUnit;
  no: number;
  /** The n-th tweet within one NDJSON line. */
  part?: number;
}

/**
 * Why a record cannot be imported: a stable code with its parameters (what the UI translates) and
 * the same in an English sentence (what the CLI prints and the logs keep).
 */
export interface RejectReason {
  code: RejectCode;
  params: RejectParams;
  reason: string;
}

const UNIT_WORDS: Record<RecordUnit, string> = {
  row: 'row',
  line: 'line',
  record: 'record',
  post: 'post',
  tweet: 'tweet',
  status: 'status',
  item: 'item',
  entry: 'entry',
  mention: 'mention',
  comment_thread: 'comment thread',
};

/** The place in English, as reasons start: `row 12`, `line 2, tweet 3`. */
export function placeText(place: RecordPlace): string {
  const base = `${UNIT_WORDS[place.unit]} ${place.no}`;
  return place.part !== undefined ? `${base}, tweet ${place.part}` : base;
}

/** A value as a reason quotes it: on one line, at most `max` characters. */
export function clipValue(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const line = text.replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** Builds a reject reason; `details` adds what (field, value, ...) to where (the place). */
export function rejectReason(
  code: RejectCode,
  place: RecordPlace,
  reason: string,
  details: Omit<RejectParams, 'unit' | 'no' | 'part'> = {},
): RejectReason {
  const params: RejectParams = { unit: place.unit, no: place.no, ...details };
  if (place.part !== undefined) params.part = place.part;
  return { code, params, reason };
}

/** A reject that has its code: what the formats hand on. */
export type CodedReject = Reject & RejectReason;

/** A time field that is absent (`time_missing`) or not a date (`date_unparseable`), under the reason given. */
export function timeReason(place: RecordPlace, field: string, value: unknown, reason: string): RejectReason {
  const absent = value === undefined || value === null || value === '';
  return absent
    ? rejectReason('time_missing', place, reason, { field, fieldKind: 'field' })
    : rejectReason('date_unparseable', place, reason, { field, fieldKind: 'field', value: clipValue(value) });
}
