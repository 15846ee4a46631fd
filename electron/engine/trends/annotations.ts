import type { Annotation } from '../../../shared/api/trends';
import { WatchpostError } from '../../../shared/api/result';
import { recordAudit } from '../audit/record';
import type { Db } from '../store/db';

/** Annotations on the time axis (campaign launched, incident), stored in trend_annotations. */

interface AnnotationRecord {
  id: number;
  at: number;
  end_at: number | null;
  label: string;
  operator: string;
  created_at: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const toAnnotation = (r: AnnotationRecord): Annotation => ({
  id: r.id,
  at: iso(r.at),
  endAt: r.end_at === null ? null : iso(r.end_at),
  label: r.label,
  operator: r.operator,
  createdAt: iso(r.created_at),
});

/** Annotations that touch [fromMs, toMs), oldest first. */
export function listAnnotations(db: Db, fromMs = -8.64e15, toMs = 8.64e15): Annotation[] {
  const rows = db
    .prepare(`SELECT * FROM trend_annotations WHERE at < ? AND coalesce(end_at, at) >= ? ORDER BY at, id`)
    .all(toMs, fromMs) as AnnotationRecord[];
  return rows.map(toAnnotation);
}

/** Adds (no id) or changes an annotation; audited. */
export function saveAnnotation(
  db: Db,
  input: { id?: number; at: string; endAt?: string | null; label: string; operator: string },
): Annotation {
  const at = Date.parse(input.at);
  const endAt = input.endAt ? Date.parse(input.endAt) : null;
  if (endAt !== null && endAt < at) {
    throw new WatchpostError('invalid_input', `the annotation ends (${input.endAt}) before it starts (${input.at})`);
  }
  return db.transaction(() => {
    let id = input.id;
    if (id === undefined) {
      id = Number(
        db
          .prepare('INSERT INTO trend_annotations (at, end_at, label, operator, created_at) VALUES (?, ?, ?, ?, ?)')
          .run(at, endAt, input.label, input.operator, Date.now()).lastInsertRowid,
      );
    } else if (
      db
        .prepare('UPDATE trend_annotations SET at = ?, end_at = ?, label = ? WHERE id = ?')
        .run(at, endAt, input.label, id).changes === 0
    ) {
      throw new WatchpostError('not_found', `there is no annotation ${id}`);
    }
    recordAudit(db, {
      actor: input.operator,
      action: 'annotation.save',
      entity: 'annotation',
      entityId: id,
      detail: { label: input.label, at: input.at },
    });
    return toAnnotation(db.prepare('SELECT * FROM trend_annotations WHERE id = ?').get(id) as AnnotationRecord);
  })();
}

/** Removes an annotation; audited. */
export function deleteAnnotation(db: Db, id: number, operator: string): { id: number } {
  return db.transaction(() => {
    if (db.prepare('DELETE FROM trend_annotations WHERE id = ?').run(id).changes === 0) {
      throw new WatchpostError('not_found', `there is no annotation ${id}`);
    }
    recordAudit(db, { actor: operator, action: 'annotation.delete', entity: 'annotation', entityId: id });
    return { id };
  })();
}
