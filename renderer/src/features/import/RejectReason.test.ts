import { describe, expect, it } from 'vitest';
import { REJECT_CODES, type RejectParams } from '../../../../shared/api/imports';
import { createI18n } from '../../i18n';
import { rejectReasonText } from './RejectReason';

const nl = createI18n('nl').t;
const en = createI18n('en').t;

const dateReject = {
  reason:
    "row 12: column 'datum' is not a date: '31-02-2024' (expected e.g. 2024-03-05T14:30, 05-03-2024 14:30 or Unix time)",
  code: 'date_unparseable',
  params: { unit: 'row', no: 12, field: 'datum', fieldKind: 'column', value: '31-02-2024' } satisfies RejectParams,
};

describe('reject reasons in the UI language', () => {
  it('says what, where and why in Dutch and in English', () => {
    expect(rejectReasonText(nl, dateReject)).toBe(
      'Rij 12: kolom ‘datum’ is geen datum: ‘31-02-2024’. Verwacht wordt bijvoorbeeld 2024-03-05T14:30, 05-03-2024 14:30 of Unix-tijd.',
    );
    expect(rejectReasonText(en, dateReject)).toBe(
      'Row 12: column ‘datum’ is not a date: ‘31-02-2024’. Expected e.g. 2024-03-05T14:30, 05-03-2024 14:30 or Unix time.',
    );
  });

  it('names the tweet within a line and the id of the record', () => {
    const reject = {
      reason: 'line 2, tweet 3 (id 17): created_at is missing; request it with tweet.fields=created_at',
      code: 'time_not_requested',
      params: {
        unit: 'line',
        no: 2,
        part: 3,
        id: '17',
        field: 'created_at',
        fieldKind: 'field',
      } satisfies RejectParams,
    };
    expect(rejectReasonText(nl, reject)).toMatch(/^Regel 2, tweet 3 \(id 17\): created_at ontbreekt/);
  });

  it('tells an empty text field from one that holds no text', () => {
    const params = { unit: 'line', no: 4, field: 'body', fieldKind: 'field' } satisfies RejectParams;
    expect(rejectReasonText(nl, { reason: '', code: 'text_missing', params })).toMatch(/^Regel 4: veld ‘body’ is leeg/);
    expect(rejectReasonText(nl, { reason: '', code: 'text_missing', params: { ...params, value: '42' } })).toMatch(
      /bevat geen tekst maar ‘42’/,
    );
  });

  it('keeps the sentence of a reject without a code, or with a code this version does not know', () => {
    expect(rejectReasonText(nl, { reason: 'row 9: an old reason' })).toBe('row 9: an old reason');
    expect(rejectReasonText(nl, { ...dateReject, code: 'from_the_future' })).toBe(dateReject.reason);
  });

  it('has a Dutch and an English text for every code, with no placeholder left unfilled', () => {
    const params: RejectParams = {
      unit: 'record',
      no: 1,
      field: 'f',
      fieldKind: 'field',
      value: 'v',
      detail: 'd',
      found: 3,
      expected: 2,
      delimiter: ';',
    };
    for (const code of REJECT_CODES) {
      for (const t of [nl, en]) {
        const text = rejectReasonText(t, { reason: 'english', code, params });
        expect(text, code).not.toMatch(/\{\{|rejectReason\./);
        expect(text, code).toMatch(/^Record 1/);
      }
    }
  });
});
