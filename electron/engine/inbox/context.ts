import type { HistoryEntry, MentionContext, Note } from '../../../shared/api/inbox';
import { WatchpostError } from '../../../shared/api/result';
import { recordAudit } from '../audit/record';
import type { MentionReader } from '../mentions/read';
import { Statements } from '../search/statements';
import type { Db } from '../store/db';
import { mediaOf } from './media';

const iso = (ms: number): string => new Date(ms).toISOString();

/** How much of a mention's surroundings the detail pane gets. */
const THREAD_LIMIT = 50;
const AUTHOR_LIMIT = 20;
const HISTORY_LIMIT = 500;

const LINK = /\bhttps?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:!?]/g;

interface NoteRecord {
  id: number;
  mention_id: number;
  operator: string;
  text: string;
  created_at: number;
  edited_at: number | null;
}

const toNote = (r: NoteRecord): Note => ({
  id: r.id,
  mentionId: r.mention_id,
  operator: r.operator,
  text: r.text,
  createdAt: iso(r.created_at),
  editedAt: r.edited_at === null ? null : iso(r.edited_at),
});

/** The detail pane's surroundings of a mention, and its internal notes (each note is audited on its mention). */
export class MentionSurroundings {
  private readonly sql: Statements;

  constructor(
    private readonly db: Db,
    private readonly reader: MentionReader,
  ) {
    this.sql = new Statements(db);
  }

  context(id: number): MentionContext {
    const m = this.sql.get(
      `SELECT id, channel, external_id, parent_external_id, conversation_id, author_id, created_at, version, text, raw,
         (SELECT json_group_array(tag) FROM (SELECT tag FROM mention_tags WHERE mention_id = m.id ORDER BY tag)) AS tags
       FROM mentions m WHERE id = ?`,
      id,
    ) as
      | {
          id: number;
          channel: string;
          external_id: string;
          parent_external_id: string | null;
          conversation_id: string | null;
          author_id: number | null;
          created_at: number;
          version: number;
          text: string;
          raw: string | null;
          tags: string;
        }
      | undefined;
    if (!m) throw new WatchpostError('not_found', `mention ${id} does not exist`);
    const parentId =
      m.parent_external_id === null
        ? []
        : this.sql.ids(
            'SELECT id FROM mentions WHERE channel = ? AND external_id = ?',
            m.channel,
            m.parent_external_id,
          );
    const replies = this.sql.ids(
      `SELECT id FROM mentions WHERE parent_external_id = ? AND channel = ? ORDER BY created_at, id LIMIT ?`,
      m.external_id,
      m.channel,
      THREAD_LIMIT,
    );
    const conversation =
      m.conversation_id === null
        ? []
        : this.sql.ids(
            `SELECT id FROM mentions WHERE conversation_id = ? AND id <> ? ORDER BY created_at, id LIMIT ?`,
            m.conversation_id,
            id,
            THREAD_LIMIT,
          );
    const earlier =
      m.author_id === null
        ? []
        : this.sql.ids(
            `SELECT id FROM mentions WHERE author_id = ? AND (created_at < ? OR (created_at = ? AND id < ?))
             ORDER BY created_at DESC, id DESC LIMIT ?`,
            m.author_id,
            m.created_at,
            m.created_at,
            id,
            AUTHOR_LIMIT,
          );
    return {
      id,
      version: m.version,
      tags: JSON.parse(m.tags) as string[],
      notes: this.notes(id),
      history: this.history(id),
      thread: {
        parent: this.reader.rowsById(parentId)[0] ?? null,
        conversation: this.reader.rowsById(conversation),
        replies: this.reader.rowsById(replies),
      },
      authorMentions: this.reader.rowsById(earlier),
      ourReplies: this.ourReplies([id, ...earlier]),
      media: mediaOf(m.raw === null ? null : safeJson(m.raw)),
      links: [...new Set(m.text.match(LINK) ?? [])],
    };
  }

  notes(mentionId: number): Note[] {
    return (
      this.sql.all(
        'SELECT * FROM mention_notes WHERE mention_id = ? ORDER BY created_at, id',
        mentionId,
      ) as NoteRecord[]
    ).map(toNote);
  }

  /** The mention's audit entries, newest first. */
  history(mentionId: number): HistoryEntry[] {
    return (
      this.sql.all(
        `SELECT at, actor, action, detail FROM audit_log WHERE entity = 'mention' AND entity_id = ?
         UNION ALL
         SELECT a.at, a.actor, a.action, a.detail FROM replies r
         JOIN audit_log a ON a.entity = 'reply' AND a.entity_id = CAST(r.id AS TEXT)
         WHERE r.mention_id = ?
         ORDER BY at DESC LIMIT ?`,
        String(mentionId),
        mentionId,
        HISTORY_LIMIT,
      ) as { at: number; actor: string; action: string; detail: string }[]
    ).map((r) => ({ at: iso(r.at), actor: r.actor, action: r.action, detail: safeObject(r.detail) }));
  }

  addNote(operator: string, mentionId: number, text: string): Note {
    return this.db
      .transaction(() => {
        if (this.sql.get('SELECT 1 AS n FROM mentions WHERE id = ?', mentionId) === undefined) {
          throw new WatchpostError('not_found', `mention ${mentionId} does not exist; the note was not saved`);
        }
        const at = Date.now();
        const { lastInsertRowid } = this.db
          .prepare('INSERT INTO mention_notes (mention_id, operator, text, created_at) VALUES (?, ?, ?, ?)')
          .run(mentionId, operator, text, at);
        const id = Number(lastInsertRowid);
        recordAudit(
          this.db,
          { actor: operator, action: 'note.add', entity: 'mention', entityId: mentionId, detail: { noteId: id, text } },
          at,
        );
        return this.note(id);
      })
      .immediate();
  }

  editNote(operator: string, id: number, text: string): Note {
    return this.db
      .transaction(() => {
        const before = this.ownNote(operator, id, 'change');
        const at = Date.now();
        this.db.prepare('UPDATE mention_notes SET text = ?, edited_at = ? WHERE id = ?').run(text, at, id);
        recordAudit(
          this.db,
          {
            actor: operator,
            action: 'note.edit',
            entity: 'mention',
            entityId: before.mention_id,
            detail: { noteId: id, before: { text: before.text }, after: { text } },
          },
          at,
        );
        return this.note(id);
      })
      .immediate();
  }

  deleteNote(operator: string, id: number): { deleted: boolean } {
    return this.db
      .transaction(() => {
        const before = this.ownNote(operator, id, 'remove');
        this.db.prepare('DELETE FROM mention_notes WHERE id = ?').run(id);
        recordAudit(this.db, {
          actor: operator,
          action: 'note.delete',
          entity: 'mention',
          entityId: before.mention_id,
          detail: { noteId: id, before: { text: before.text } },
        });
        return { deleted: true };
      })
      .immediate();
  }

  private note(id: number): Note {
    return toNote(this.sql.get('SELECT * FROM mention_notes WHERE id = ?', id) as NoteRecord);
  }

  private ownNote(operator: string, id: number, verb: string): NoteRecord {
    const note = this.sql.get('SELECT * FROM mention_notes WHERE id = ?', id) as NoteRecord | undefined;
    if (!note) throw new WatchpostError('not_found', `note ${id} does not exist`);
    if (note.operator.toLowerCase() !== operator.toLowerCase()) {
      throw new WatchpostError('invalid_input', `note ${id} was written by ${note.operator}; only they can ${verb} it`);
    }
    return note;
  }

  /** Our replies to this mention and the author's earlier ones (drafts excluded: nobody but their writer has seen them), newest first. */
  private ourReplies(mentionIds: number[]): MentionContext['ourReplies'] {
    if (mentionIds.length === 0) return [];
    return (
      this.sql.all(
        `SELECT r.mention_id, r.text, r.operator, r.state, r.updated_at FROM json_each(?) j
         JOIN replies r ON r.mention_id = j.value WHERE r.state <> 'draft' ORDER BY r.updated_at DESC LIMIT ?`,
        JSON.stringify(mentionIds),
        AUTHOR_LIMIT,
      ) as { mention_id: number; text: string; operator: string | null; state: string; updated_at: number }[]
    ).map((r) => ({
      mentionId: r.mention_id,
      text: r.text,
      operator: r.operator,
      state: r.state,
      at: iso(r.updated_at),
    }));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function safeObject(text: string): Record<string, unknown> {
  const value = safeJson(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
