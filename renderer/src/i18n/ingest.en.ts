import type { ingestNl } from './ingest.nl';
import type { Messages } from './en';

/** English texts added by the ingest work (merged into en.ts). */
export const ingestEn: Messages<typeof ingestNl> = {
  rejectReason: {
    unit: {
      row: 'Row {{no}}',
      line: 'Line {{no}}',
      record: 'Record {{no}}',
      post: 'Post {{no}}',
      tweet: 'Tweet {{no}}',
      status: 'Status {{no}}',
      item: 'Item {{no}}',
      entry: 'Entry {{no}}',
      mention: 'Mention {{no}}',
      comment_thread: 'Comment thread {{no}}',
    },
    part: '{{where}}, tweet {{part}}',
    withId: '{{where}} (id {{id}})',
    column: 'column ‘{{field}}’',
    field: 'field ‘{{field}}’',
    code: {
      csv_quote_unclosed:
        '{{where}}: a quoted field is never closed, so the rest of the file is one broken row. Put the missing quote back in the file and import again.',
      csv_malformed: '{{where}} cannot be split into fields ({{detail}}). Fix the row in the file.',
      csv_field_count:
        '{{where}} has {{found}} fields but the header names {{expected}}. Is a quote missing, or is the delimiter not ‘{{delimiter}}’?',
      json_invalid: '{{where}} is not valid JSON ({{detail}}).',
      not_an_object: '{{where}} is not an object with fields, so no mention can be read from it.',
      not_a_post: '{{where}} is not a post but another activity (for example a boost without text).',
      id_missing: '{{where}}: {{field}} is missing, so the post has no id of its own.',
      text_missing: '{{where}}: {{field}} is empty. A mention needs text: choose the column that holds it.',
      text_missing_value:
        '{{where}}: {{field}} holds no text but ‘{{value}}’. A mention needs text: choose the column that holds it.',
      content_missing: '{{where}} has no text, title, link or media description: there is nothing to show.',
      time_missing: '{{where}}: {{field}} is empty. A mention needs a time: choose the column with the date.',
      date_unparseable:
        '{{where}}: {{field}} is not a date: ‘{{value}}’. Expected e.g. 2024-03-05T14:30, 05-03-2024 14:30 or Unix time.',
      time_not_requested:
        '{{where}}: created_at is missing. Request it from the X API with tweet.fields=created_at and export again.',
      number_unparseable: '{{where}}: {{field}} is not a number: ‘{{value}}’.',
      fields_invalid: '{{where}}: these fields are missing or wrong: {{field}} ({{detail}}).',
      unreadable: '{{where}} could not be read ({{detail}}).',
    },
    original: 'Original message: {{reason}}',
  },
  importRejects: {
    title: 'First rejected records',
    more: 'All {{total}} rejected records are under Rejected records.',
  },
};
