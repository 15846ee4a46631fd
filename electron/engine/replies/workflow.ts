import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  ComposeInfo,
  ListRepliesInput,
  ReplyAuditEntry,
  ReplyListRow,
  ReviewInput,
  SaveDraftInput,
  SendInput,
  SendOutcome,
} from '../../../shared/api/replies';
import { WatchpostError } from '../../../shared/api/result';
import type { Reply, ReplyLang, ReplyState, SendMode, ToneFinding } from '../../../shared/replies/model';
import { CHANNEL_LIMITS } from '../../../shared/replies/count';
import { variantKindForChannel } from '../../../shared/replies/seed';
import { replyMentionFor, withReplyMention } from '../../../shared/replies/mention';
import { checkTone, hasErrors } from '../../../shared/replies/tone/check';
import { recordAudit } from '../audit/record';
import type { EventSink } from '../events';
import { SourceError } from '../ingest/connectors/errors';
import type { PollContext } from '../ingest/connectors/types';
import type { Db } from '../store/db';
import { mentionIntent, readMention, sensitiveReasons, type MentionFacts } from './mention-facts';
import { canSendThrough, postReply } from './senders';
import type { ReplySettings } from './settings';

/**
 * A reply's life: draft → pending_approval → approved → sending → sent | failed (and rejected back to its
 * author). Every step is one transaction with its audit entry and a `replies.changed` event. Sending is
 * idempotent: the reply's key goes with every attempt, a sent reply is never sent again, and a reply that is
 * being sent cannot be sent by a second call meanwhile. On the first sent reply `mentions.first_response_at`
 * is set in the same transaction.
 */

interface ReplyRow {
  id: number;
  mention_id: number;
  state: ReplyState;
  text: string;
  lang: ReplyLang;
  channel: Reply['channel'];
  send_mode: SendMode;
  template_id: number | null;
  template_name: string | null;
  tone_findings: string;
  sensitive_reasons: string;
  operator: string;
  approver: string | null;
  review_comment: string | null;
  external_id: string | null;
  external_url: string | null;
  error: string | null;
  attempts: number;
  idempotency_key: string;
  created_at: number;
  updated_at: number;
  submitted_at: number | null;
  reviewed_at: number | null;
  sending_at: number | null;
  sent_at: number | null;
}

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toReply(row: ReplyRow): Reply {
  return {
    id: row.id,
    mentionId: row.mention_id,
    state: row.state,
    text: row.text,
    lang: row.lang,
    channel: row.channel,
    sendMode: row.send_mode,
    templateId: row.template_id,
    templateName: row.template_name,
    toneFindings: JSON.parse(row.tone_findings) as ToneFinding[],
    sensitiveReasons: JSON.parse(row.sensitive_reasons) as Reply['sensitiveReasons'],
    operator: row.operator,
    approver: row.approver,
    reviewComment: row.review_comment,
    externalId: row.external_id,
    externalUrl: row.external_url,
    error: row.error,
    attempts: row.attempts,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    submittedAt: isoOrNull(row.submitted_at),
    reviewedAt: isoOrNull(row.reviewed_at),
    sentAt: isoOrNull(row.sent_at),
  };
}

/** A reply left in `sending` this long (the app stopped mid-send) may be retried; the idempotency key prevents a double post. */
export const STALE_SENDING_MS = 60_000;

/** States in which the author may still change the text. */
const EDITABLE: readonly ReplyState[] = ['draft', 'rejected'];

export interface WorkflowDeps {
  db: Db;
  events: EventSink;
  settings: ReplySettings;
  /** The context connectors post with (credentials box, fetch, clock). */
  postContext: () => PollContext;
}

export class ReplyWorkflow {
  constructor(private readonly deps: WorkflowDeps) {}

  private get db(): Db {
    return this.deps.db;
  }

  private row(id: number): ReplyRow {
    const row = this.db.prepare('SELECT * FROM replies WHERE id = ?').get(id) as ReplyRow | undefined;
    if (!row) throw new WatchpostError('not_found', `there is no reply ${id}`);
    return row;
  }

  get(id: number): Reply {
    return toReply(this.row(id));
  }

  forMention(mentionId: number): Reply[] {
    return (this.db.prepare('SELECT * FROM replies WHERE mention_id = ? ORDER BY id').all(mentionId) as ReplyRow[]).map(
      toReply,
    );
  }

  list(input: z.output<typeof ListRepliesInput>): { total: number; rows: ReplyListRow[] } {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (input.state?.length) {
      where.push(`r.state IN (${input.state.map(() => '?').join(', ')})`);
      params.push(...input.state);
    }
    if (input.operator) {
      where.push('r.operator = ?');
      params.push(input.operator);
    }
    if (input.mentionId) {
      where.push('r.mention_id = ?');
      params.push(input.mentionId);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM replies r ${clause}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT r.*, m.text AS m_text, m.url AS m_url, m.sentiment AS m_sentiment, m.reach AS m_reach, coalesce(a.handle, 'unknown') AS m_handle
         FROM replies r JOIN mentions m ON m.id = r.mention_id LEFT JOIN authors a ON a.id = m.author_id
         ${clause} ORDER BY r.updated_at DESC, r.id DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, input.limit, input.offset) as (ReplyRow & {
      m_text: string;
      m_url: string | null;
      m_sentiment: string | null;
      m_reach: number;
      m_handle: string;
    })[];
    return {
      total,
      rows: rows.map((row) => ({
        ...toReply(row),
        mention: {
          text: row.m_text,
          authorHandle: row.m_handle,
          url: row.m_url,
          sentiment: row.m_sentiment,
          reach: row.m_reach,
        },
      })),
    };
  }

  audit(input: { replyId?: number; mentionId?: number }): ReplyAuditEntry[] {
    const ids = input.replyId
      ? [input.replyId]
      : input.mentionId
        ? this.forMention(input.mentionId).map((reply) => reply.id)
        : [];
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT at, actor, action, entity_id, detail FROM audit_log WHERE entity = 'reply' AND entity_id IN (${ids.map(() => '?').join(', ')})
         ORDER BY at, id`,
      )
      .all(...ids.map(String)) as { at: number; actor: string; action: string; entity_id: string; detail: string }[];
    return rows.map((row) => ({
      at: new Date(row.at).toISOString(),
      actor: row.actor,
      action: row.action,
      replyId: Number(row.entity_id),
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    }));
  }

  /** How replies to this mention leave: through the connector when its source has credentials, else by hand. */
  sendMode(mention: MentionFacts): SendMode {
    return canSendThrough(mention.sourceKind, mention.sourceConfig) ? 'connector' : 'manual';
  }

  composeInfo(mention: MentionFacts, operator: string, values: Record<string, unknown>): ComposeInfo {
    const draft = this.db
      .prepare(
        `SELECT * FROM replies WHERE mention_id = ? AND operator = ? AND state IN ('draft', 'rejected') ORDER BY id DESC LIMIT 1`,
      )
      .get(mention.id, operator) as ReplyRow | undefined;
    return {
      mentionId: mention.id,
      channel: mention.channel,
      lang: mention.lang === 'en' ? 'en' : 'nl',
      mentionLang: mention.lang,
      variantKind: variantKindForChannel(mention.channel),
      limit: CHANNEL_LIMITS[mention.channel] ?? null,
      sendMode: this.sendMode(mention),
      postUrl: mention.url,
      replyMention: replyMentionFor(mention.channel, mention.authorHandle),
      values,
      intent: mentionIntent(mention.text, mention.sentiment),
      sensitiveReasons: sensitiveReasons(mention, this.deps.settings.approval()),
      draft: draft ? toReply(draft) : null,
    };
  }

  private changed(row: { id: number; mention_id: number }, state: ReplyState, operator: string): void {
    this.deps.events.emit('replies.changed', { replyId: row.id, mentionId: row.mention_id, state, operator });
  }

  private templateName(templateId: number | null): string | null {
    if (templateId === null) return null;
    const row = this.db.prepare('SELECT name FROM reply_templates WHERE id = ?').get(templateId) as
      { name: string } | undefined;
    if (!row) throw new WatchpostError('not_found', `there is no template ${templateId}`);
    return row.name;
  }

  /** Creates or updates the author's editable reply; returns its id. */
  private upsert(
    mention: MentionFacts,
    input: { replyId?: number; text: string; lang: ReplyLang; templateId: number | null; operator: string },
    findings: readonly ToneFinding[],
  ): number {
    const now = Date.now();
    const templateName = this.templateName(input.templateId);
    if (input.replyId !== undefined) {
      const row = this.row(input.replyId);
      if (row.mention_id !== mention.id)
        throw new WatchpostError('invalid_input', `reply ${row.id} answers another mention`);
      if (!EDITABLE.includes(row.state)) {
        throw new WatchpostError(
          'conflict',
          `reply ${row.id} is ${row.state.replace('_', ' ')} and can no longer be changed`,
        );
      }
      this.db
        .prepare(
          // A reply sent back stays "sent back" (with the reviewer's comment) while its author reworks it.
          `UPDATE replies SET text = ?, lang = ?, template_id = ?, template_name = ?, tone_findings = ?,
           state = CASE state WHEN 'rejected' THEN 'rejected' ELSE 'draft' END, operator = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          input.text,
          input.lang,
          input.templateId,
          templateName,
          JSON.stringify(findings),
          input.operator,
          now,
          row.id,
        );
      return row.id;
    }
    return Number(
      this.db
        .prepare(
          `INSERT INTO replies (mention_id, state, text, lang, channel, send_mode, template_id, template_name, tone_findings,
             operator, idempotency_key, created_at, updated_at)
           VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          mention.id,
          input.text,
          input.lang,
          mention.channel,
          this.sendMode(mention),
          input.templateId,
          templateName,
          JSON.stringify(findings),
          input.operator,
          randomUUID(),
          now,
          now,
        ).lastInsertRowid,
    );
  }

  /**
   * Keeps the composer's text (autosaved as the operator pauses). The audit log gets the draft's start;
   * its later autosaves are not each logged — the text that is submitted or sent is.
   */
  saveDraft(input: z.output<typeof SaveDraftInput>): Reply {
    const mention = readMention(this.db, input.mentionId);
    const id = this.db.transaction(() => {
      const replyId = this.upsert(mention, input, []);
      if (input.replyId !== undefined) return replyId;
      recordAudit(this.db, {
        actor: input.operator,
        action: 'reply.draft',
        entity: 'reply',
        entityId: replyId,
        detail: { mentionId: mention.id },
      });
      return replyId;
    })();
    const row = this.row(id);
    this.changed(row, row.state, input.operator);
    return toReply(row);
  }

  discard(id: number, operator: string): boolean {
    const row = this.row(id);
    if (!EDITABLE.includes(row.state))
      throw new WatchpostError('conflict', `reply ${id} is ${row.state.replace('_', ' ')}: it cannot be thrown away`);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM replies WHERE id = ?').run(id);
      recordAudit(this.db, {
        actor: operator,
        action: 'reply.discard',
        entity: 'reply',
        entityId: id,
        detail: { mentionId: row.mention_id },
      });
    })();
    this.changed(row, 'draft', operator);
    return true;
  }

  private check(mention: MentionFacts, text: string, lang: ReplyLang, isPublic: boolean): ToneFinding[] {
    return checkTone(text, this.deps.settings.tone().rules, { channel: mention.channel, lang, public: isPublic });
  }

  /** The composer's Send: tone check, then approval, connector or manual hand-over. */
  async send(sent: z.output<typeof SendInput>): Promise<SendOutcome> {
    const mention = readMention(this.db, sent.mentionId);
    // What is checked, stored and posted is the text as it goes out: a Mastodon reply with its @author.
    const input = {
      ...sent,
      text: withReplyMention(sent.text, replyMentionFor(mention.channel, mention.authorHandle)),
    };
    const findings = this.check(mention, input.text, input.lang, input.public);
    if (hasErrors(findings)) {
      const id = this.db.transaction(() => this.upsert(mention, input, findings))();
      const row = this.row(id);
      this.changed(row, 'draft', input.operator);
      return { outcome: 'blocked', reply: toReply(row), findings };
    }
    const reasons = sensitiveReasons(mention, this.deps.settings.approval(), findings);
    const now = Date.now();
    const id = this.db.transaction(() => {
      const replyId = this.upsert(mention, input, findings);
      const state: ReplyState = reasons.length > 0 ? 'pending_approval' : 'approved';
      this.db
        .prepare('UPDATE replies SET state = ?, sensitive_reasons = ?, submitted_at = ?, updated_at = ? WHERE id = ?')
        .run(state, JSON.stringify(reasons), now, now, replyId);
      recordAudit(
        this.db,
        {
          actor: input.operator,
          action: reasons.length > 0 ? 'reply.submit' : 'reply.ready',
          entity: 'reply',
          entityId: replyId,
          detail: { mentionId: mention.id, reasons, findings: findings.length, templateId: input.templateId },
        },
        now,
      );
      return replyId;
    })();
    if (reasons.length > 0) {
      const row = this.row(id);
      this.changed(row, 'pending_approval', input.operator);
      return { outcome: 'pending_approval', reply: toReply(row), findings };
    }
    return this.dispatch(id, input.operator, findings);
  }

  async review(input: z.output<typeof ReviewInput>): Promise<SendOutcome> {
    const row = this.row(input.id);
    if (row.state !== 'pending_approval') {
      throw new WatchpostError(
        'conflict',
        `reply ${row.id} is ${row.state.replace('_', ' ')}, not waiting for approval`,
      );
    }
    if (row.operator.toLowerCase() === input.operator.toLowerCase()) {
      throw new WatchpostError('conflict', 'a reply is approved by a second operator, not by the one who wrote it');
    }
    const mention = readMention(this.db, row.mention_id);
    const now = Date.now();
    if (input.decision === 'reject') {
      if (!input.comment.trim()) throw new WatchpostError('invalid_input', 'comment: say why the reply is rejected');
      this.db.transaction(() => {
        this.db
          .prepare(
            `UPDATE replies SET state = 'rejected', approver = ?, review_comment = ?, reviewed_at = ?, updated_at = ? WHERE id = ? AND state = 'pending_approval'`,
          )
          .run(input.operator, input.comment, now, now, row.id);
        recordAudit(
          this.db,
          {
            actor: input.operator,
            action: 'reply.reject',
            entity: 'reply',
            entityId: row.id,
            detail: { comment: input.comment },
          },
          now,
        );
      })();
      this.changed(row, 'rejected', input.operator);
      return { outcome: 'rejected', reply: this.get(row.id), findings: JSON.parse(row.tone_findings) as ToneFinding[] };
    }
    const text = withReplyMention(input.text ?? row.text, replyMentionFor(mention.channel, mention.authorHandle));
    const findings = this.check(mention, text, row.lang, true);
    if (hasErrors(findings)) return { outcome: 'blocked', reply: toReply(row), findings };
    this.db.transaction(() => {
      const changed = this.db
        .prepare(
          `UPDATE replies SET state = 'approved', text = ?, tone_findings = ?, approver = ?, review_comment = ?, reviewed_at = ?, updated_at = ?
           WHERE id = ? AND state = 'pending_approval'`,
        )
        .run(text, JSON.stringify(findings), input.operator, input.comment || null, now, now, row.id).changes;
      if (changed === 0) throw new WatchpostError('conflict', `reply ${row.id} was reviewed meanwhile`);
      recordAudit(
        this.db,
        {
          actor: input.operator,
          action: 'reply.approve',
          entity: 'reply',
          entityId: row.id,
          detail: { edited: text !== row.text, comment: input.comment },
        },
        now,
      );
    })();
    return this.dispatch(row.id, input.operator, findings);
  }

  async retry(id: number, operator: string): Promise<SendOutcome> {
    const row = this.row(id);
    const stale = row.state === 'sending' && row.sending_at !== null && Date.now() - row.sending_at > STALE_SENDING_MS;
    if (row.state === 'sent')
      throw new WatchpostError('conflict', `reply ${id} was already sent: it is not sent twice`);
    if (row.state !== 'failed' && !stale) {
      throw new WatchpostError(
        'conflict',
        `reply ${id} is ${row.state.replace('_', ' ')}: only a failed reply can be retried`,
      );
    }
    return this.dispatch(id, operator, JSON.parse(row.tone_findings) as ToneFinding[]);
  }

  /** The operator confirms a reply copied into the channel by hand was posted. */
  markSent(id: number, operator: string, externalUrl: string | undefined): Reply {
    const row = this.row(id);
    if (row.state === 'sent') throw new WatchpostError('conflict', `reply ${id} was already marked as sent`);
    if (row.send_mode !== 'manual' || row.state !== 'approved') {
      throw new WatchpostError(
        'conflict',
        `reply ${id} is ${row.state.replace('_', ' ')}: only an approved reply sent by hand can be marked as sent`,
      );
    }
    this.finishSent(row, operator, { externalId: null, externalUrl: externalUrl ?? null }, 'reply.markSent');
    return this.get(id);
  }

  /** Hands an approved (or failed) reply to its channel: the connector, or the operator for manual channels. */
  private async dispatch(id: number, operator: string, findings: ToneFinding[]): Promise<SendOutcome> {
    const row = this.row(id);
    if (row.send_mode === 'manual') {
      this.changed(row, 'approved', operator);
      return { outcome: 'manual', reply: toReply(row), findings };
    }
    const retry = row.attempts > 0;
    const now = Date.now();
    const claimed = this.db
      .prepare(
        `UPDATE replies SET state = 'sending', attempts = attempts + 1, sending_at = ?, updated_at = ?
         WHERE id = ? AND (state IN ('approved', 'failed') OR (state = 'sending' AND sending_at < ?))`,
      )
      .run(now, now, id, now - STALE_SENDING_MS).changes;
    if (claimed === 0) throw new WatchpostError('conflict', `reply ${id} is being sent already`);
    this.changed(row, 'sending', operator);
    const mention = readMention(this.db, row.mention_id);
    try {
      const posted = await postReply(
        {
          sourceKind: mention.sourceKind,
          sourceConfig: mention.sourceConfig,
          sourceCursor: mention.sourceCursor,
          mentionRaw: mention.raw,
          keepSession: (session) =>
            this.db
              .prepare(
                `UPDATE sources SET cursor = json_set(coalesce(cursor, '{}'), '$.session', json(?)) WHERE id = ?`,
              )
              .run(JSON.stringify(session), mention.sourceId),
        },
        { text: row.text, lang: row.lang, idempotencyKey: row.idempotency_key, createdAt: row.created_at, retry },
        this.deps.postContext(),
      );
      this.finishSent(row, operator, posted, 'reply.send');
      return { outcome: 'sent', reply: this.get(id), findings };
    } catch (err) {
      const message = err instanceof SourceError || err instanceof Error ? err.message : String(err);
      this.db.transaction(() => {
        this.db
          .prepare(`UPDATE replies SET state = 'failed', error = ?, updated_at = ? WHERE id = ?`)
          .run(message, Date.now(), id);
        recordAudit(this.db, {
          actor: operator,
          action: 'reply.fail',
          entity: 'reply',
          entityId: id,
          detail: { error: message, attempt: row.attempts + 1 },
        });
      })();
      this.changed(row, 'failed', operator);
      return { outcome: 'failed', reply: this.get(id), findings };
    }
  }

  private finishSent(
    row: ReplyRow,
    operator: string,
    posted: { externalId: string | null; externalUrl: string | null },
    action: 'reply.send' | 'reply.markSent',
  ): void {
    const now = Date.now();
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE replies SET state = 'sent', external_id = ?, external_url = ?, error = NULL, sent_at = ?, updated_at = ? WHERE id = ?`,
        )
        .run(posted.externalId, posted.externalUrl, now, now, row.id);
      this.db
        .prepare('UPDATE mentions SET first_response_at = ? WHERE id = ? AND first_response_at IS NULL')
        .run(now, row.mention_id);
      if (row.template_id !== null)
        this.db.prepare('UPDATE reply_templates SET uses = uses + 1 WHERE id = ?').run(row.template_id);
      recordAudit(
        this.db,
        {
          actor: operator,
          action,
          entity: 'reply',
          entityId: row.id,
          detail: {
            mentionId: row.mention_id,
            author: row.operator,
            approver: row.approver,
            templateId: row.template_id,
            templateName: row.template_name,
            toneFindings: (JSON.parse(row.tone_findings) as ToneFinding[]).map((f) => ({
              ruleId: f.ruleId,
              severity: f.severity,
            })),
            externalId: posted.externalId,
            externalUrl: posted.externalUrl,
          },
        },
        now,
      );
    })();
    this.changed(row, 'sent', operator);
    this.deps.events.emit('mentions.changed', { ids: [row.mention_id] });
  }
}
