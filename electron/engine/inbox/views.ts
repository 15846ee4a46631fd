import {
  MentionFilter,
  VIEW_COUNT_CAP,
  type SavedView,
  type ViewWithCount,
  type MentionSort,
} from '../../../shared/api/inbox';
import type { MethodParsedInput } from '../../../shared/api/contract';
import { WatchpostError } from '../../../shared/api/result';
import { recordAudit } from '../audit/record';
import type { EventSink } from '../events';
import { Statements } from '../search/statements';
import type { Db } from '../store/db';
import { countUpToCap } from './counts';
import { filterKey, filterSource, filterWhere } from './filter-sql';

interface ViewRecord {
  id: number;
  name: string;
  filter: string;
  sort: MentionSort;
  pinned: number;
  owner: string | null;
  position: number;
}

interface CachedCount {
  top: number;
  count: number;
}

const toView = (r: ViewRecord): SavedView => ({
  id: r.id,
  name: r.name,
  filter: MentionFilter.parse(JSON.parse(r.filter)),
  sort: r.sort,
  pinned: r.pinned === 1,
  owner: r.owner,
  position: r.position,
});

/**
 * Saved views (shared, or an operator's own) and the built-in view per topic, with counts for the sidebar.
 * Counts stop at VIEW_COUNT_CAP and are kept per filter: new mentions only add what arrived since, and a
 * change to existing mentions (the workflow, a correction) makes them count again.
 */
export class SavedViews {
  private readonly sql: Statements;
  private readonly counts = new Map<string, CachedCount>();

  constructor(
    private readonly db: Db,
    private readonly events: EventSink,
  ) {
    this.sql = new Statements(db);
  }

  /** Existing mentions changed: every count is read again when next asked. */
  forgetCounts(): void {
    this.counts.clear();
  }

  list(operator: string | undefined): ViewWithCount[] {
    const top = this.sql.count('SELECT coalesce(max(id), 0) AS n FROM mentions');
    const saved = (
      this.sql.all(
        `SELECT * FROM saved_views WHERE owner IS NULL OR owner = ? COLLATE NOCASE ORDER BY position, id`,
        operator ?? '',
      ) as ViewRecord[]
    ).map(toView);
    const topics = this.sql.all('SELECT id, name, colour FROM topics ORDER BY name COLLATE NOCASE') as {
      id: number;
      name: string;
      colour: string;
    }[];
    const last = saved.reduce((max, view) => Math.max(max, view.position), -1);
    return [
      ...saved.map((view) => ({
        ...view,
        key: `view:${view.id}`,
        topicId: null,
        colour: null,
        ...this.count(view.filter, operator, top),
      })),
      ...topics.map((topic, i) => {
        const filter = { topicId: [topic.id] };
        return {
          key: `topic:${topic.id}`,
          id: null,
          topicId: topic.id,
          name: topic.name,
          filter,
          sort: 'newest' as const,
          pinned: true,
          owner: null,
          position: last + 1 + i,
          colour: topic.colour,
          ...this.count(filter, operator, top),
        };
      }),
    ];
  }

  save(input: MethodParsedInput<'inbox.views.save'>): SavedView {
    const owner = input.shared ? null : input.operator;
    const saved = this.db
      .transaction(() => {
        const clash = this.sql.get(
          `SELECT id FROM saved_views WHERE coalesce(owner, '') = ? AND name = ? COLLATE NOCASE AND id <> ?`,
          owner ?? '',
          input.name,
          input.id ?? 0,
        );
        if (clash) throw new WatchpostError('conflict', `there is already a view called "${input.name}"`);
        const now = Date.now();
        const position =
          input.position ?? this.sql.count('SELECT coalesce(max(position) + 1, 0) AS n FROM saved_views');
        const before = input.id === undefined ? undefined : this.find(input.id);
        if (input.id !== undefined && !before) throw new WatchpostError('not_found', `view ${input.id} does not exist`);
        let id = input.id;
        if (id === undefined) {
          id = Number(
            this.db
              .prepare(
                `INSERT INTO saved_views (name, filter, sort, pinned, owner, position, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
              )
              .run(
                input.name,
                JSON.stringify(input.filter),
                input.sort,
                input.pinned ? 1 : 0,
                owner,
                position,
                now,
                now,
              ).lastInsertRowid,
          );
        } else {
          this.db
            .prepare(
              `UPDATE saved_views SET name = ?, filter = ?, sort = ?, pinned = ?, owner = ?, position = ?, updated_at = ?
             WHERE id = ?`,
            )
            .run(input.name, JSON.stringify(input.filter), input.sort, input.pinned ? 1 : 0, owner, position, now, id);
        }
        const after = this.find(id) as SavedView;
        recordAudit(
          this.db,
          {
            actor: input.operator,
            action: 'view.save',
            entity: 'view',
            entityId: id,
            detail: { before: before ?? null, after },
          },
          now,
        );
        return after;
      })
      .immediate();
    this.events.emit('inbox.views.changed', { viewId: saved.id });
    return saved;
  }

  delete(operator: string, id: number): { deleted: boolean } {
    const deleted = this.db
      .transaction(() => {
        const before = this.find(id);
        if (!before) return false;
        this.db.prepare('DELETE FROM saved_views WHERE id = ?').run(id);
        recordAudit(this.db, {
          actor: operator,
          action: 'view.delete',
          entity: 'view',
          entityId: id,
          detail: { before },
        });
        return true;
      })
      .immediate();
    if (deleted) this.events.emit('inbox.views.changed', { viewId: id });
    return { deleted };
  }

  private find(id: number): SavedView | undefined {
    const r = this.sql.get('SELECT * FROM saved_views WHERE id = ?', id) as ViewRecord | undefined;
    return r ? toView(r) : undefined;
  }

  private count(
    filter: MentionFilter,
    operator: string | undefined,
    top: number,
  ): { count: number; countCapped: boolean } {
    let where;
    try {
      where = filterWhere(filter, operator, this.sql);
    } catch (err) {
      // "$me" with nobody at the desk, or a query that no longer parses: nothing to count.
      if (err instanceof WatchpostError && err.code === 'invalid_input') return { count: 0, countCapped: false };
      throw err;
    }
    const key = filterKey(filter, operator);
    const hit = this.counts.get(key);
    let count: number;
    if (hit && hit.top === top) count = hit.count;
    else if (hit && hit.top < top && hit.count < VIEW_COUNT_CAP)
      count = hit.count + countUpToCap(this.sql, where, VIEW_COUNT_CAP - hit.count, { after: hit.top });
    else if (hit && hit.top < top) count = hit.count;
    else count = countUpToCap(this.sql, where, VIEW_COUNT_CAP, { source: filterSource(filter) });
    this.counts.set(key, { top, count });
    return { count, countCapped: count >= VIEW_COUNT_CAP };
  }
}
