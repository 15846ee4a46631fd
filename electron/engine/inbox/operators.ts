import type { OperatorProfile } from '../../../shared/api/inbox';
import type { MethodParsedInput } from '../../../shared/api/contract';
import { WatchpostError } from '../../../shared/api/result';
import { recordAudit } from '../audit/record';
import { Statements } from '../search/statements';
import type { Db } from '../store/db';

interface OperatorRecord {
  id: number;
  name: string;
  initials: string;
  colour: string;
  language: 'nl' | 'en';
  created_at: number;
}

const toProfile = (r: OperatorRecord): OperatorProfile => ({
  id: r.id,
  name: r.name,
  initials: r.initials,
  colour: r.colour,
  language: r.language,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The local operator profiles: who can sit at the desk (names are unique, ignoring case). */
export class Operators {
  private readonly sql: Statements;

  constructor(private readonly db: Db) {
    this.sql = new Statements(db);
  }

  list(): OperatorProfile[] {
    return (this.sql.all('SELECT * FROM operators ORDER BY name COLLATE NOCASE') as OperatorRecord[]).map(toProfile);
  }

  save(input: MethodParsedInput<'inbox.operators.save'>): OperatorProfile {
    const actor = input.operator ?? input.name;
    return this.db
      .transaction(() => {
        const clash = this.sql.get(
          'SELECT id FROM operators WHERE name = ? COLLATE NOCASE AND id <> ?',
          input.name,
          input.id ?? 0,
        );
        if (clash) throw new WatchpostError('conflict', `there is already an operator called "${input.name}"`);
        const before = input.id === undefined ? undefined : this.find(input.id);
        if (input.id !== undefined && !before)
          throw new WatchpostError('not_found', `operator ${input.id} does not exist`);
        let id = input.id;
        if (id === undefined) {
          id = Number(
            this.db
              .prepare('INSERT INTO operators (name, initials, colour, language, created_at) VALUES (?, ?, ?, ?, ?)')
              .run(input.name, input.initials, input.colour, input.language, Date.now()).lastInsertRowid,
          );
        } else {
          this.db
            .prepare('UPDATE operators SET name = ?, initials = ?, colour = ?, language = ? WHERE id = ?')
            .run(input.name, input.initials, input.colour, input.language, id);
        }
        const after = this.find(id) as OperatorProfile;
        recordAudit(this.db, {
          actor,
          action: 'operator.save',
          entity: 'operator',
          entityId: id,
          detail: { before: before ?? null, after },
        });
        return after;
      })
      .immediate();
  }

  delete(id: number, actor: string | undefined): { deleted: boolean } {
    return this.db
      .transaction(() => {
        const before = this.find(id);
        if (!before) return { deleted: false };
        this.db.prepare('DELETE FROM operators WHERE id = ?').run(id);
        recordAudit(this.db, {
          actor: actor ?? before.name,
          action: 'operator.delete',
          entity: 'operator',
          entityId: id,
          detail: { before },
        });
        return { deleted: true };
      })
      .immediate();
  }

  private find(id: number): OperatorProfile | undefined {
    const r = this.sql.get('SELECT * FROM operators WHERE id = ?', id) as OperatorRecord | undefined;
    return r ? toProfile(r) : undefined;
  }
}
