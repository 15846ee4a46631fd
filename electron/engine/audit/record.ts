import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db';

export interface AuditEntry {
  /** Who did it: the operator's name as the renderer sent it. */
  actor: string;
  /** What was done, as `entity.verb`: 'sentiment.correct', 'topic.save', 'lexicon.delete'. */
  action: string;
  entity: string;
  entityId: string | number | null;
  detail?: Record<string, unknown>;
}

const statements = new WeakMap<Db, Statement<[number, string, string, string, string | null, string]>>();

/** Appends to the audit log; call it inside the transaction of the change it records. */
export function recordAudit(db: Db, entry: AuditEntry, at = Date.now()): void {
  let insert = statements.get(db);
  if (!insert) {
    insert = db.prepare(
      'INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
    );
    statements.set(db, insert);
  }
  insert.run(
    at,
    entry.actor,
    entry.action,
    entry.entity,
    entry.entityId === null ? null : String(entry.entityId),
    JSON.stringify(entry.detail ?? {}),
  );
}
