import { parse } from 'csv-parse/sync';
import type { Bucket, Signal, SignalOverlay } from '../../../shared/api/trends';
import { WatchpostError } from '../../../shared/api/result';
import { pearson } from '../../../shared/trends/stats';
import { zoneOffsetMs } from '../../../shared/trends/time';
import { recordAudit } from '../audit/record';
import type { Db } from '../store/db';

/** External signals: numeric time series imported from CSV and laid over time panels. */

const iso = (ms: number): string => new Date(ms).toISOString();

interface SignalRecord {
  id: number;
  name: string;
  unit: string | null;
  created_at: number;
  points: number;
  first: number | null;
  last: number | null;
}

const SELECT = `SELECT s.*, count(p.at) AS points, min(p.at) AS first, max(p.at) AS last
  FROM trend_signals s LEFT JOIN trend_signal_points p ON p.signal_id = s.id`;
const toSignal = (r: SignalRecord): Signal => ({
  id: r.id,
  name: r.name,
  unit: r.unit,
  points: r.points,
  from: r.first === null ? null : iso(r.first),
  to: r.last === null ? null : iso(r.last),
  createdAt: iso(r.created_at),
});

export function listSignals(db: Db): Signal[] {
  return (db.prepare(`${SELECT} GROUP BY s.id ORDER BY s.name`).all() as SignalRecord[]).map(toSignal);
}

/** A time: an ISO instant with offset, or a local (Europe/Amsterdam) date or date-time without one. */
export function parseSignalTime(text: string): number | null {
  const t = text.trim();
  if (/[zZ]|[+-]\d\d:?\d\d$/.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : ms;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (!m) return null;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  if (Number.isNaN(wall)) return null;
  return wall - zoneOffsetMs(wall - zoneOffsetMs(wall));
}

/** Reads a signal from CSV text; unreadable rows are listed with their line and reason, and kept in rejected_records. */
export function importSignal(
  db: Db,
  input: { name: string; unit?: string; csv: string; timeColumn?: string; valueColumn?: string; operator: string },
): { signal: Signal; rejected: { line: number; reason: string }[] } {
  let records: string[][];
  try {
    records = parse(input.csv, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      delimiter: [',', ';', '\t'],
    }) as string[][];
  } catch (err) {
    throw new WatchpostError('invalid_input', `the CSV cannot be read: ${(err as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0)
    throw new WatchpostError('invalid_input', 'the CSV needs a header line and at least one row');
  const find = (wanted: string | undefined, guesses: RegExp, fallback: number) => {
    if (wanted !== undefined) {
      const i = header.findIndex((h) => h.toLowerCase() === wanted.toLowerCase());
      if (i < 0)
        throw new WatchpostError('invalid_input', `the CSV has no column "${wanted}" (it has: ${header.join(', ')})`);
      return i;
    }
    const i = header.findIndex((h) => guesses.test(h));
    return i >= 0 ? i : fallback;
  };
  const timeAt = find(input.timeColumn, /^(time|timestamp|date|datum|tijd|at|moment)$/i, 0);
  const valueAt = find(input.valueColumn, /^(value|waarde|count|aantal)$/i, timeAt === 0 ? 1 : 0);
  const points: [number, number][] = [];
  const rejected: { line: number; reason: string }[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const at = parseSignalTime(row[timeAt] ?? '');
    const value = Number((row[valueAt] ?? '').replace(',', '.'));
    if (at === null)
      rejected.push({ line, reason: `"${row[timeAt] ?? ''}" in column ${header[timeAt]} is not a date or time` });
    else if (!Number.isFinite(value) || (row[valueAt] ?? '') === '')
      rejected.push({ line, reason: `"${row[valueAt] ?? ''}" in column ${header[valueAt]} is not a number` });
    else points.push([at, value]);
  });
  if (points.length === 0)
    throw new WatchpostError(
      'invalid_input',
      `no row of the CSV could be read (line 2: ${rejected[0]?.reason ?? 'empty'})`,
    );
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM trend_signals WHERE name = ?').get(input.name)) {
      throw new WatchpostError('conflict', `there is already a signal called "${input.name}"`);
    }
    const id = Number(
      db
        .prepare('INSERT INTO trend_signals (name, unit, created_at) VALUES (?, ?, ?)')
        .run(input.name, input.unit || null, Date.now()).lastInsertRowid,
    );
    const insert = db.prepare('INSERT OR REPLACE INTO trend_signal_points (signal_id, at, value) VALUES (?, ?, ?)');
    for (const [at, value] of points) insert.run(id, at, value);
    const reject = db.prepare(
      'INSERT INTO rejected_records (file, record_no, raw, reason, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const r of rejected)
      reject.run(`signal:${input.name}`, r.line, JSON.stringify(rows[r.line - 2]), r.reason, Date.now());
    recordAudit(db, {
      actor: input.operator,
      action: 'signal.import',
      entity: 'signal',
      entityId: id,
      detail: { name: input.name, points: points.length, rejected: rejected.length },
    });
    const record = db.prepare(`${SELECT} WHERE s.id = ? GROUP BY s.id`).get(id) as SignalRecord;
    return { signal: toSignal(record), rejected };
  })();
}

export function deleteSignal(db: Db, id: number, operator: string): { id: number } {
  return db.transaction(() => {
    db.prepare('DELETE FROM trend_signal_points WHERE signal_id = ?').run(id);
    if (db.prepare('DELETE FROM trend_signals WHERE id = ?').run(id).changes === 0) {
      throw new WatchpostError('not_found', `there is no signal ${id}`);
    }
    recordAudit(db, { actor: operator, action: 'signal.delete', entity: 'signal', entityId: id });
    return { id };
  })();
}

/** A signal's mean per panel bucket and its correlation with the panel's main measure. */
export function signalOverlay(
  db: Db,
  id: number,
  axis: { buckets: Bucket[] },
  measure: (number | null)[],
): SignalOverlay {
  const signal = db.prepare('SELECT id, name, unit FROM trend_signals WHERE id = ?').get(id) as
    { id: number; name: string; unit: string | null } | undefined;
  if (!signal) throw new WatchpostError('not_found', `there is no signal ${id}`);
  const mean = db.prepare('SELECT avg(value) AS v FROM trend_signal_points WHERE signal_id = ? AND at >= ? AND at < ?');
  const values = axis.buckets.map(
    (b) => (mean.get(id, Date.parse(b.start), Date.parse(b.end)) as { v: number | null }).v,
  );
  const { r, pairs } = pearson(values, measure);
  return { ...signal, values, correlation: r, pairs };
}
