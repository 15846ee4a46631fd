import type { z } from 'zod';
import type { DrillInput, TermChange, TermsInput, TermsPanel } from '../../../shared/api/trends';
import type { MentionRow } from '../../../shared/domain/mention';
import { ROW_COLUMNS, toRow, type RowRecord } from '../mentions/read';
import type { Db } from '../store/db';
import { comparePeriod } from './panels';
import { filterSql } from './range';

/**
 * Rising and falling terms: words and hashtags counted (once per mention) in this period and the one before.
 * Read from the raw mentions, at most SAMPLE per period (an even sample by id when there are more, counts
 * scaled up): there is no term rollup yet, so long periods are approximate (`sampled`).
 */

const SAMPLE = 4000;
const STOPWORDS = new Set(
  (
    'aan also alle alles altijd andere been niet maar deze dit dat die door een eens even geen heel hier hoe iets ' +
    'just have heeft hebben hun jij jullie kan kunnen meer mijn naar niets nog omdat onder ook over veel voor waar ' +
    'want wat weer wel werd wordt zijn zich zelf zoals zonder from that this with what when will your about there ' +
    'they them their were would could should which while been into than then only some very just more most what'
  ).split(' '),
);

/** The distinct terms of a text: #hashtags and words of four or more letters that are not stopwords. */
export function termsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const match of text.toLowerCase().matchAll(/#[\p{L}\p{N}_]{2,}|[\p{L}][\p{L}'-]{3,}/gu)) {
    const term = match[0];
    if (term.startsWith('#') || !STOPWORDS.has(term)) out.add(term);
  }
  return out;
}

function countTerms(db: Db, fromMs: number, toMs: number, filter: z.output<typeof TermsInput>['filter']) {
  const where = filterSql(filter, 'mentions');
  const params = [fromMs, toMs, ...where.params];
  const total = (
    db
      .prepare(`SELECT count(*) AS c FROM mentions m WHERE m.created_at >= ? AND m.created_at < ? AND ${where.sql}`)
      .get(...params) as { c: number }
  ).c;
  const stride = Math.max(1, Math.ceil(total / SAMPLE));
  const texts = db
    .prepare(
      `SELECT m.text FROM mentions m WHERE m.created_at >= ? AND m.created_at < ? AND ${where.sql} AND m.id % ? = 0`,
    )
    .pluck()
    .all(...params, stride) as string[];
  const counts = new Map<string, number>();
  for (const text of texts) for (const term of termsOf(text)) counts.set(term, (counts.get(term) ?? 0) + stride);
  return { counts, sampled: stride > 1 };
}

export function termsPanel(db: Db, input: z.output<typeof TermsInput>): TermsPanel {
  const fromMs = Date.parse(input.from);
  const toMs = Date.parse(input.to);
  const previous = comparePeriod(fromMs, toMs, input.compare ?? 'previous');
  const now = countTerms(db, fromMs, toMs, input.filter);
  const before = countTerms(db, previous.fromMs, previous.toMs, input.filter);
  const changes: TermChange[] = [];
  for (const term of new Set([...now.counts.keys(), ...before.counts.keys()])) {
    const kind = term.startsWith('#') ? 'hashtag' : 'word';
    if (input.kind !== 'all' && input.kind !== kind) continue;
    const count = now.counts.get(term) ?? 0;
    const prev = before.counts.get(term) ?? 0;
    if (count + prev < 3) continue;
    changes.push({ term, kind, count, previous: prev, delta: count - prev, change: prev ? count / prev - 1 : null });
  }
  const byDelta = (a: TermChange, b: TermChange) => b.delta - a.delta || a.term.localeCompare(b.term);
  return {
    from: input.from,
    to: input.to,
    previousFrom: new Date(previous.fromMs).toISOString(),
    previousTo: new Date(previous.toMs).toISOString(),
    rising: changes
      .filter((c) => c.delta > 0)
      .sort(byDelta)
      .slice(0, input.limit),
    falling: changes
      .filter((c) => c.delta < 0)
      .sort((a, b) => byDelta(b, a))
      .slice(0, input.limit),
    sampled: now.sampled || before.sampled,
  };
}

/** The mentions behind a term or an hour-of-week cell (newest first). */
export function drill(
  db: Db,
  input: z.output<typeof DrillInput>,
): { total: number; offset: number; rows: MentionRow[] } {
  const where = filterSql(input.filter, 'mentions');
  const parts = ['m.created_at >= ?', 'm.created_at < ?', where.sql];
  const params: unknown[] = [Date.parse(input.from), Date.parse(input.to), ...where.params];
  if (input.sentiment?.length) {
    parts.push(`m.sentiment IN (${input.sentiment.map(() => '?').join(', ')})`);
    params.push(...input.sentiment);
  }
  if (input.hourOfWeek) {
    const local = `(m.created_at + (SELECT offset_ms FROM tz_offsets WHERE from_ms <= m.created_at ORDER BY from_ms DESC LIMIT 1))`;
    parts.push(`((${local} / 86400000 + 3) % 7) * 24 + (${local} % 86400000) / 3600000 = ?`);
    params.push(input.hourOfWeek.dow * 24 + input.hourOfWeek.hour);
  }
  if (input.municipality) {
    parts.push('0');
  }
  let rows = db
    .prepare(`SELECT m.id, m.text FROM mentions m WHERE ${parts.join(' AND ')} ORDER BY m.created_at DESC, m.id DESC`)
    .all(...params) as { id: number; text: string }[];
  if (input.term) {
    const term = input.term.toLowerCase();
    rows = rows.filter((r) => termsOf(r.text).has(term));
  }
  const page = rows.slice(input.offset, input.offset + input.limit).map((r) => r.id);
  const records = page.length
    ? (db
        .prepare(
          `SELECT ${ROW_COLUMNS} FROM mentions m LEFT JOIN authors a ON a.id = m.author_id WHERE m.id IN (${page.map(() => '?').join(', ')})`,
        )
        .all(...page) as RowRecord[])
    : [];
  const byId = new Map(records.map((r) => [r.id, r]));
  return { total: rows.length, offset: input.offset, rows: page.map((id) => toRow(byId.get(id)!)) };
}
