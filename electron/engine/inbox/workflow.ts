import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { MentionStatus } from '../../../shared/domain/mention';
import type { WorkflowOutcome } from '../../../shared/api/inbox';
import { WatchpostError } from '../../../shared/api/result';
import { recordAudit } from '../audit/record';
import type { EventSink } from '../events';
import type { Db } from '../store/db';

/** What the workflow changes on a mention, and puts back on undo. */
export interface WorkflowState {
  status: MentionStatus;
  assignee: string | null;
  resolvedAt: number | null;
  tags: string[];
}

interface Current extends WorkflowState {
  id: number;
  version: number;
}

export interface Target {
  id: number;
  expectedVersion?: number | undefined;
}

interface UndoEntry {
  action: string;
  changes: { id: number; before: WorkflowState; after: WorkflowState }[];
}

/** How many undo tokens are kept (the newest); an undo is for the change just made, not for last week. */
const UNDO_KEPT = 100;
/** A conflict message names at most this many mentions. */
const NAMED_CONFLICTS = 3;

/**
 * The inbox's status workflow, assignment and tags. Each command checks every mention's version against
 * what the operator saw (unless forced), changes only what differs, writes the audit log and bumps the
 * version in one transaction, then tells every window which mentions changed. A change can be undone once.
 */
export class Workflow {
  private readonly undo = new Map<string, UndoEntry>();
  private prepared:
    | {
        update: Statement<[string, string | null, number | null, number, number]>;
        untag: Statement<[number]>;
        tag: Statement<[number, string]>;
      }
    | undefined;

  constructor(
    private readonly db: Db,
    private readonly events: EventSink,
  ) {}

  setStatus(operator: string, targets: Target[], force: boolean, status: MentionStatus): WorkflowOutcome {
    return this.change(operator, targets, force, 'mention.status', (before, now) => ({
      ...before,
      status,
      resolvedAt: resolvedAt(before, status, now),
    }));
  }

  assign(operator: string, targets: Target[], force: boolean, assignee: string | null): WorkflowOutcome {
    return this.change(operator, targets, force, 'mention.assign', (before) => ({ ...before, assignee }));
  }

  tag(operator: string, targets: Target[], force: boolean, add: string[], remove: string[]): WorkflowOutcome {
    const removed = new Set(remove);
    return this.change(operator, targets, force, 'mention.tag', (before) => ({
      ...before,
      tags: [...new Set([...before.tags, ...add])].filter((tag) => !removed.has(tag)).sort(),
    }));
  }

  /**
   * Puts back what the change behind `token` replaced: for every mention it changed, or only for `ids`
   * (one item of a bulk change). Refused when a mention no longer has the values that change gave it
   * (someone changed it again since); undoing a later change of one's own first is fine. The token stays
   * good for the mentions not undone yet, and the outcome hands it back while any remain.
   */
  undoChange(operator: string, token: string, ids?: number[]): WorkflowOutcome {
    const entry = this.undo.get(token);
    if (!entry) {
      throw new WatchpostError(
        'not_found',
        'this change can no longer be undone (it was undone already, or is too old)',
      );
    }
    const byId = new Map(entry.changes.map((change) => [change.id, change]));
    const wanted = ids === undefined ? [...byId.keys()] : [...new Set(ids)];
    const outside = wanted.filter((id) => !byId.has(id));
    if (outside.length) {
      throw new WatchpostError(
        'invalid_input',
        `ids: mention ${outside.slice(0, 5).join(', ')} is not part of this change (or was undone already); nothing was undone`,
      );
    }
    const outcome = this.change(
      operator,
      wanted.map((id) => ({ id })),
      true,
      'mention.undo',
      (current) => {
        const change = byId.get(current.id) as UndoEntry['changes'][number];
        if (!sameState(current, change.after)) {
          this.refuseConflicts([{ id: current.id, expectedVersion: -1 }], new Map([[current.id, current]]));
        }
        return change.before;
      },
      entry.action,
    );
    const undone = new Set(wanted);
    entry.changes = entry.changes.filter((change) => !undone.has(change.id));
    if (entry.changes.length > 0) return { ...outcome, undoToken: token };
    this.undo.delete(token);
    return { ...outcome, undoToken: null };
  }

  private change(
    operator: string,
    targets: Target[],
    force: boolean,
    action: string,
    next: (before: Current, now: number) => WorkflowState,
    undoes?: string,
  ): WorkflowOutcome {
    const now = Date.now();
    targets = [...new Map(targets.map((target) => [target.id, target])).values()];
    const changes: UndoEntry['changes'] = [];
    const changed = this.db
      .transaction(() => {
        const current = this.read(targets.map((target) => target.id));
        if (!force) this.refuseConflicts(targets, current);
        const result: WorkflowOutcome['changed'] = [];
        for (const target of targets) {
          const before = current.get(target.id) as Current;
          const after = next(before, now);
          if (sameState(before, after)) continue;
          const version = before.version + 1;
          this.write(target.id, after, version);
          recordAudit(
            this.db,
            {
              actor: operator,
              action,
              entity: 'mention',
              entityId: target.id,
              detail: {
                before: difference(before, after, 'before'),
                after: difference(before, after, 'after'),
                ...(undoes ? { undoes } : {}),
                ...(targets.length > 1 ? { bulk: targets.length } : {}),
              },
            },
            now,
          );
          changes.push({ id: target.id, before: stateOf(before), after: stateOf(after) });
          result.push({ id: target.id, version, status: after.status, assignee: after.assignee, tags: after.tags });
          current.set(target.id, { ...after, id: target.id, version });
        }
        return result;
      })
      .immediate();
    if (changed.length === 0) return { changed, undoToken: null };
    this.events.emit('mentions.changed', { ids: changed.map((c) => c.id) });
    if (undoes) return { changed, undoToken: null };
    const token = randomUUID();
    this.undo.set(token, { action, changes });
    if (this.undo.size > UNDO_KEPT) this.undo.delete(this.undo.keys().next().value as string);
    return { changed, undoToken: token };
  }

  private read(ids: number[]): Map<number, Current> {
    const rows = this.db
      .prepare<
        [string],
        {
          id: number;
          version: number;
          status: MentionStatus;
          assignee: string | null;
          resolved_at: number | null;
          tags: string;
        }
      >(
        `SELECT m.id, m.version, m.status, m.assignee, m.resolved_at,
           (SELECT json_group_array(tag) FROM (SELECT tag FROM mention_tags WHERE mention_id = m.id ORDER BY tag)) AS tags
         FROM json_each(?) j CROSS JOIN mentions m ON m.id = j.value`,
      )
      .all(JSON.stringify(ids));
    const byId = new Map<number, Current>(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          version: r.version,
          status: r.status,
          assignee: r.assignee,
          resolvedAt: r.resolved_at,
          tags: JSON.parse(r.tags) as string[],
        },
      ]),
    );
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length) {
      throw new WatchpostError(
        'not_found',
        `mention ${missing.slice(0, 5).join(', ')} does not exist; nothing was changed`,
      );
    }
    return byId;
  }

  private refuseConflicts(targets: Target[], current: Map<number, Current>): void {
    const moved = targets.filter(
      (t) => t.expectedVersion !== undefined && current.get(t.id)?.version !== t.expectedVersion,
    );
    if (moved.length === 0) return;
    const last = this.db.prepare<[string], { actor: string; at: number; action: string }>(
      `SELECT actor, at, action FROM audit_log WHERE entity = 'mention' AND entity_id = ? ORDER BY at DESC, id DESC LIMIT 1`,
    );
    const named = moved.slice(0, NAMED_CONFLICTS).map((t) => {
      const by = last.get(String(t.id));
      return by
        ? `mention ${t.id} was changed by ${by.actor} at ${new Date(by.at).toISOString()} (${by.action})`
        : `mention ${t.id} was changed by someone else`;
    });
    const more = moved.length > NAMED_CONFLICTS ? ` and ${moved.length - NAMED_CONFLICTS} more` : '';
    throw new WatchpostError(
      'conflict',
      `${named.join('; ')}${more} since it was opened; nothing was changed. Reload to see the change, or overwrite it.`,
    );
  }

  private write(id: number, state: WorkflowState, version: number): void {
    this.statements.update.run(state.status, state.assignee, state.resolvedAt, version, id);
    this.statements.untag.run(id);
    for (const tag of state.tags) this.statements.tag.run(id, tag);
  }

  private get statements() {
    this.prepared ??= {
      update: this.db.prepare<[string, string | null, number | null, number, number]>(
        'UPDATE mentions SET status = ?, assignee = ?, resolved_at = ?, version = ? WHERE id = ?',
      ),
      untag: this.db.prepare<[number]>('DELETE FROM mention_tags WHERE mention_id = ?'),
      tag: this.db.prepare<[number, string]>('INSERT INTO mention_tags (mention_id, tag) VALUES (?, ?)'),
    };
    return this.prepared;
  }
}

/** Set when a mention becomes resolved; kept through archiving; cleared when it is worked on again. */
function resolvedAt(before: WorkflowState, status: MentionStatus, now: number): number | null {
  if (status === 'resolved') return before.status === 'resolved' ? before.resolvedAt : now;
  if (status === 'archived') return before.resolvedAt;
  return null;
}

function stateOf(state: WorkflowState): WorkflowState {
  return { status: state.status, assignee: state.assignee, resolvedAt: state.resolvedAt, tags: state.tags };
}

function sameState(a: WorkflowState, b: WorkflowState): boolean {
  return (
    a.status === b.status &&
    a.assignee === b.assignee &&
    a.resolvedAt === b.resolvedAt &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}

/** Only the fields that differ, as they were before or are after: what the history shows. */
function difference(before: WorkflowState, after: WorkflowState, side: 'before' | 'after'): Record<string, unknown> {
  const pick = side === 'before' ? before : after;
  const out: Record<string, unknown> = {};
  if (before.status !== after.status) out.status = pick.status;
  if (before.assignee !== after.assignee) out.assignee = pick.assignee;
  if (before.resolvedAt !== after.resolvedAt) out.resolvedAt = pick.resolvedAt;
  if (!sameState({ ...before, tags: before.tags }, { ...before, tags: after.tags })) out.tags = pick.tags;
  return out;
}
