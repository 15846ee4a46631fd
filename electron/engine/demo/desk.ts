import { DESK, OPERATOR_PROFILES, type DemoTopicKey } from '../../../resources/demo';
import type { Channel, MentionStatus } from '../../../shared/domain/mention';
import { SEED_SNIPPETS, SEED_TEMPLATES, variantKindForChannel } from '../../../shared/replies/seed';
import { fillTemplate } from '../../../shared/replies/template';
import { recordAudit } from '../audit/record';
import { caseNumber } from '../replies/compose';
import type { Db } from '../store/db';
import { DAY_MS, HOUR_MS, localTime } from './calendar';
import type { DemoRandom } from './random';

/**
 * The webcare team's recent work on the demo's mentions, so the desk looks lived in: who picked a mention
 * up and when, replies sent (with `first_response_at` on the mention), when it was resolved, internal notes
 * and tags, each step in the audit log with its operator and time. Only the recent past gets this (see the
 * windows below): a few thousand replies at a million mentions. The statuses and assignees themselves were
 * drawn when the mentions were made (workflow.ts); this only writes what those imply.
 */

/** Replies and resolution times cover the last 60 days: enough for the response-time KPIs per week and month. */
const REPLY_DAYS = 60;
/** Notes and tags are on the last 30 days, where operators look. */
const NOTE_DAYS = 30;
/** Every mention someone worked on in the last 7 days has its assignment and status steps in the audit log. */
const HISTORY_DAYS = 7;
/** Negative mentions with more reach than this needed approval (the default approval rule of the replies area). */
const APPROVAL_REACH = 1000;
const MINUTE_MS = 60_000;

export interface DeskOptions {
  sourceId: number;
  /** Only mentions with a larger id (those the demo just wrote). */
  afterId: number;
  /** The end of the demo period: nothing happens at or after it. */
  until: number;
}

export interface DeskCounts {
  replies: number;
  notes: number;
  tagged: number;
  resolved: number;
  audited: number;
}

interface DeskRow {
  id: number;
  channel: Channel;
  created_at: number;
  status: MentionStatus;
  assignee: string | null;
  sentiment: 'positive' | 'neutral' | 'negative' | null;
  priority: number;
  reach: number;
  lang: string | null;
  text: string;
  url: string | null;
  topic: DemoTopicKey | null;
  incident: string | null;
  author_name: string | null;
  author_handle: string | null;
}

type Intent = 'question' | 'complaint' | 'praise' | 'other';

/** Everything the team did with one mention; null times mean it did not happen (yet). */
interface Work {
  row: DeskRow;
  intent: Intent;
  assignedAt: number;
  reply: { sentAt: number; approved: boolean } | null;
  resolvedAt: number | null;
  archivedAt: number | null;
  note: { at: number; text: string } | null;
  tags: { at: number; tags: string[] } | null;
  history: boolean;
}

/** Writes the team's recent work on the mentions after `afterId`; call it inside a transaction. */
export function furnishDesk(db: Db, options: DeskOptions, random: DemoRandom): DeskCounts {
  const { until } = options;
  const rows = db
    .prepare<[number, number, number], DeskRow>(
      `SELECT m.id, m.channel, m.created_at, m.status, m.assignee, m.sentiment, m.priority, m.reach, m.lang, m.text,
         m.url, m.raw ->> '$.topic' AS topic, m.raw ->> '$.incident' AS incident,
         a.display_name AS author_name, a.handle AS author_handle
       FROM mentions m LEFT JOIN authors a ON a.id = m.author_id
       WHERE m.created_at >= ? AND +m.id > ? AND m.source_id = ? ORDER BY m.id`,
    )
    .all(until - REPLY_DAYS * DAY_MS, options.afterId, options.sourceId);
  const writer = new DeskWriter(db, random);
  const counts: DeskCounts = { replies: 0, notes: 0, tagged: 0, resolved: 0, audited: 0 };
  for (const row of rows) {
    const work = plan(row, until, random);
    if (!work) continue;
    writer.write(work, counts);
  }
  return counts;
}

/** Decides what happened to a mention, drawing in a fixed order so the same seed gives the same desk. */
function plan(row: DeskRow, until: number, random: DemoRandom): Work | null {
  // Who worked on a mention is known only when it is assigned; the rest of history stays as it was generated.
  if (!row.assignee || row.status === 'new' || row.status === 'spam') return null;
  const handled = row.status === 'resolved' || row.status === 'archived';
  const intent: Intent = row.text.includes('?')
    ? 'question'
    : row.sentiment === 'negative'
      ? 'complaint'
      : row.sentiment === 'positive'
        ? 'praise'
        : 'other';
  const urgent = row.incident !== null || row.priority >= 60;
  const assignedAt = row.created_at + pickupDelay(row.created_at, urgent, random);
  if (assignedAt >= until - MINUTE_MS) return null;
  const age = until - row.created_at;

  let reply: Work['reply'] = null;
  const replyDraw = random.float();
  if (row.channel !== 'rss' && replyDraw < replyChance(row, intent)) {
    const sentAt = assignedAt + Math.round(random.logNormal(18, 0.7) * MINUTE_MS);
    const approved = row.sentiment === 'negative' && row.reach > APPROVAL_REACH;
    const approvalDelay = approved ? Math.round(random.logNormal(25, 0.6) * MINUTE_MS) : 0;
    if (sentAt + approvalDelay < until) reply = { sentAt: sentAt + approvalDelay, approved };
  }

  let resolvedAt: number | null = null;
  let archivedAt: number | null = null;
  if (handled) {
    const from = reply?.sentAt ?? assignedAt;
    resolvedAt = clampBefore(from + Math.round(random.logNormal(3, 1.1) * HOUR_MS), from, until);
    if (row.status === 'archived') {
      archivedAt = clampBefore(resolvedAt + Math.round(random.logNormal(36, 0.6) * HOUR_MS), resolvedAt, until);
    }
  }

  let note: Work['note'] = null;
  let tags: Work['tags'] = null;
  const recent = age < NOTE_DAYS * DAY_MS;
  const noteDraw = random.float();
  const tagDraw = random.float();
  if (recent) {
    const noteChance = row.incident ? 0.35 : row.status === 'waiting' ? 0.4 : 0.12;
    if (noteDraw < noteChance) {
      const at = Math.min(until - 1, assignedAt + Math.round(random.logNormal(12, 0.8) * MINUTE_MS));
      note = { at: Math.min(at, resolvedAt ?? at), text: noteText(row, random) };
    }
    if (tagDraw < 0.3) {
      const at = Math.min(until - 1, assignedAt + Math.round(random.float() * 5 * MINUTE_MS));
      tags = { at, tags: tagsFor(row, intent) };
    }
  }
  const history = age < HISTORY_DAYS * DAY_MS || reply !== null || note !== null || tags !== null;
  if (!history && resolvedAt === null) return null;
  return { row, intent, assignedAt, reply, resolvedAt, archivedAt, note, tags, history };
}

/** Waiting means the team answered and waits for the resident; handled questions and complaints get answered most. */
function replyChance(row: DeskRow, intent: Intent): number {
  if (row.status === 'open') return 0;
  if (row.status === 'waiting') return 0.6;
  const weight = { question: 0.22, complaint: 0.16, praise: 0.06, other: 0.02 }[intent];
  return row.priority >= 50 || row.incident ? weight * 1.5 : weight;
}

/**
 * How long a mention waits before someone picks it up: minutes while the desk is staffed (weekdays 8–22,
 * weekends 10–18, Dutch time), otherwise until it opens again; urgent ones go faster.
 */
function pickupDelay(createdAt: number, urgent: boolean, random: DemoRandom): number {
  const minutes = random.logNormal(urgent ? 9 : 24, 0.9);
  if (staffed(createdAt)) return Math.round(minutes * MINUTE_MS);
  let opens = Math.ceil(createdAt / HOUR_MS) * HOUR_MS;
  while (!staffed(opens)) opens += HOUR_MS;
  return opens - createdAt + Math.round(minutes * MINUTE_MS);
}

function staffed(at: number): boolean {
  const { weekday, hour } = localTime(at);
  return weekday === 0 || weekday === 6 ? hour >= 10 && hour < 18 : hour >= 8 && hour < 22;
}

/** A time after `from` and before `until`, as close to `wanted` as that allows. */
function clampBefore(wanted: number, from: number, until: number): number {
  return Math.max(from, Math.min(wanted, until - MINUTE_MS));
}

function noteText(row: DeskRow, random: DemoRandom): string {
  const list =
    row.incident !== null
      ? DESK.notes.incident
      : row.reach > 20_000
        ? DESK.notes.reach
        : row.status === 'waiting'
          ? DESK.notes.waiting
          : row.status === 'open'
            ? DESK.notes.open
            : DESK.notes.resolved;
  return random
    .pick(list)
    .replace('{team}', DESK.teams[row.topic ?? 'city'])
    .replace('{case}', caseNumber(row.id));
}

function tagsFor(row: DeskRow, intent: Intent): string[] {
  const tags = new Set<string>();
  if (row.incident !== null) tags.add(DESK.tags.incident);
  if (intent !== 'other') tags.add(DESK.tags[intent]);
  if (row.sentiment === 'negative' && row.reach > 10_000) tags.add(DESK.tags.escalation);
  if (row.topic === 'service' && row.status === 'waiting') tags.add(DESK.tags.callback);
  if (tags.size === 0) tags.add(DESK.tags.question);
  return [...tags].sort();
}

const partials = (lang: 'nl' | 'en'): Record<string, string> =>
  Object.fromEntries(SEED_SNIPPETS.filter((s) => s.lang === lang).map((s) => [s.name, s.body]));
const PARTIALS = { nl: partials('nl'), en: partials('en') };
const BLUESKY_KEY = '234567abcdefghijklmnopqrstuvwxyz';

/** Turns planned work into rows: replies, notes, tags, the mention's times and version, and the audit log. */
class DeskWriter {
  private readonly templateIds: Map<string, number>;
  private readonly insertReply;
  private readonly insertNote;
  private readonly insertTag;
  private readonly updateMention;
  private readonly updateAnswered;
  private readonly dateFormat = {
    nl: new Intl.DateTimeFormat('nl-NL', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'Europe/Amsterdam',
    }),
    en: new Intl.DateTimeFormat('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'Europe/Amsterdam',
    }),
  };

  constructor(
    private readonly db: Db,
    private readonly random: DemoRandom,
  ) {
    this.templateIds = new Map(
      db
        .prepare<[], { name: string; id: number }>('SELECT name, id FROM reply_templates')
        .all()
        .map((t) => [t.name, t.id]),
    );
    this.insertReply = db.prepare(
      `INSERT INTO replies (mention_id, state, text, lang, channel, send_mode, template_id, template_name,
         sensitive_reasons, operator, approver, external_id, external_url, attempts, idempotency_key, created_at,
         updated_at, submitted_at, reviewed_at, sending_at, sent_at)
       VALUES (?, 'sent', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertNote = db.prepare(
      'INSERT INTO mention_notes (mention_id, operator, text, created_at) VALUES (?, ?, ?, ?)',
    );
    this.insertTag = db.prepare('INSERT OR IGNORE INTO mention_tags (mention_id, tag) VALUES (?, ?)');
    // Two statements: setting first_response_at, even to NULL, costs an index entry and a rollup trigger.
    this.updateMention = db.prepare('UPDATE mentions SET resolved_at = ?, version = version + ? WHERE id = ?');
    this.updateAnswered = db.prepare(
      'UPDATE mentions SET first_response_at = ?, resolved_at = ?, version = version + ? WHERE id = ?',
    );
  }

  write(work: Work, counts: DeskCounts): void {
    const { row } = work;
    const operator = row.assignee;
    let steps = 0;
    const log = (at: number, action: string, detail: Record<string, unknown>, actor = operator): void => {
      if (!work.history || actor === null) return;
      recordAudit(this.db, { actor, action, entity: 'mention', entityId: row.id, detail }, at);
      steps++;
      counts.audited++;
    };

    log(work.assignedAt, 'mention.assign', { before: { assignee: null }, after: { assignee: operator } });
    log(work.assignedAt, 'mention.status', { before: { status: 'new' }, after: { status: 'open' } });
    if (work.tags && operator) {
      for (const tag of work.tags.tags) this.insertTag.run(row.id, tag);
      log(work.tags.at, 'mention.tag', { before: { tags: [] }, after: { tags: work.tags.tags } });
      counts.tagged++;
    }
    if (work.note && operator) {
      const noteId = Number(this.insertNote.run(row.id, operator, work.note.text, work.note.at).lastInsertRowid);
      log(work.note.at, 'note.add', { noteId, text: work.note.text });
      counts.notes++;
    }
    let firstResponseAt: number | null = null;
    if (work.reply && operator) {
      firstResponseAt = work.reply.sentAt;
      this.reply(work, operator, work.reply);
      counts.replies++;
      if (row.status === 'waiting')
        log(firstResponseAt, 'mention.status', { before: { status: 'open' }, after: { status: 'waiting' } });
    }
    if (work.resolvedAt !== null) {
      log(work.resolvedAt, 'mention.status', {
        before: { status: 'open', resolvedAt: null },
        after: { status: 'resolved', resolvedAt: work.resolvedAt },
      });
      counts.resolved++;
    }
    if (work.archivedAt !== null) {
      log(work.archivedAt, 'mention.status', { before: { status: 'resolved' }, after: { status: 'archived' } });
    }
    if (firstResponseAt !== null) this.updateAnswered.run(firstResponseAt, work.resolvedAt, steps, row.id);
    else if (work.resolvedAt !== null || steps > 0) this.updateMention.run(work.resolvedAt, steps, row.id);
  }

  /** A sent reply from a seeded template, with its draft, approval and sending steps in the audit log. */
  private reply(work: Work, operator: string, sent: { sentAt: number; approved: boolean }): void {
    const { row } = work;
    const random = this.random;
    const lang = row.lang === 'en' ? 'en' : 'nl';
    const templateName = this.templateFor(row, work.intent);
    const text = this.render(templateName, row, operator, lang, work.intent, sent.sentAt);
    const connector = row.channel === 'mastodon' || row.channel === 'bluesky';
    const external = this.postedAt(row, connector, random);
    const createdAt = sent.sentAt - Math.round(random.logNormal(4, 0.6) * MINUTE_MS);
    const submittedAt = sent.approved ? createdAt + Math.round(2 * MINUTE_MS * random.float()) + MINUTE_MS : createdAt;
    const reviewedAt = sent.approved ? sent.sentAt - MINUTE_MS : null;
    const approver = sent.approved ? approverFor(operator) : null;
    const reasons = sent.approved ? [{ kind: 'negative_reach', detail: String(row.reach) }] : [];
    const templateId = this.templateIds.get(templateName) ?? null;
    const replyId = Number(
      this.insertReply.run(
        row.id,
        text,
        lang,
        row.channel,
        connector ? 'connector' : 'manual',
        templateId,
        templateName,
        JSON.stringify(reasons),
        operator,
        approver,
        external.id,
        external.url,
        connector ? 1 : 0,
        `demo-reply-${row.id}`,
        createdAt,
        sent.sentAt,
        submittedAt,
        reviewedAt,
        connector ? sent.sentAt : null,
        sent.sentAt,
      ).lastInsertRowid,
    );
    const audit = (at: number, actor: string, action: string, detail: Record<string, unknown>): void =>
      recordAudit(this.db, { actor, action, entity: 'reply', entityId: replyId, detail }, at);
    audit(createdAt, operator, 'reply.draft', { mentionId: row.id });
    audit(submittedAt, operator, sent.approved ? 'reply.submit' : 'reply.ready', {
      mentionId: row.id,
      reasons,
      findings: 0,
      templateId,
    });
    if (approver && reviewedAt !== null) audit(reviewedAt, approver, 'reply.approve', { mentionId: row.id });
    audit(sent.sentAt, operator, connector ? 'reply.send' : 'reply.markSent', {
      mentionId: row.id,
      author: operator,
      approver,
      templateId,
      templateName,
      toneFindings: [],
      externalId: external.id,
      externalUrl: external.url,
    });
  }

  private templateFor(row: DeskRow, intent: Intent): string {
    if (intent === 'praise') return DESK.templates.praise;
    if (intent === 'question') {
      return row.topic === 'service' && /afspraak|appointment/i.test(row.text)
        ? DESK.templates.appointment
        : DESK.templates.question;
    }
    return DESK.templates.complaint[row.topic ?? 'city'];
  }

  private render(
    name: string,
    row: DeskRow,
    operator: string,
    lang: 'nl' | 'en',
    intent: Intent,
    sentAt: number,
  ): string {
    const template = SEED_TEMPLATES.find((t) => t.name === name);
    if (!template) throw new Error(`demo desk: no seeded reply template called "${name}"`);
    const kind = variantKindForChannel(row.channel);
    const variant =
      template.variants.find((v) => v.lang === lang && v.kind === kind) ??
      template.variants.find((v) => v.lang === lang) ??
      template.variants[0]!;
    const profile = OPERATOR_PROFILES.find((p) => p.name === operator);
    const view = {
      author: { name: firstWord(row.author_name) ?? row.author_handle ?? '', handle: row.author_handle ?? '' },
      operator: { name: operator, firstName: firstWord(operator) ?? operator, initials: profile?.initials ?? '' },
      case: { number: caseNumber(row.id) },
      team: { name: DESK.teams[row.topic ?? 'city'] },
      appointment: { date: this.dateFormat[lang].format(sentAt + (2 + this.random.int(6)) * DAY_MS) },
      question: intent === 'question',
      complaint: intent === 'complaint',
    };
    const filled = fillTemplate(variant.body, template.variables, view, PARTIALS[variant.lang]);
    if (!filled.ok) throw new Error(`demo desk: template "${name}" lacks ${filled.missing.join(', ')}`);
    return filled.text;
  }

  /** Where the reply went: the connector answers with the post; a reply by hand sometimes has its link pasted. */
  private postedAt(row: DeskRow, connector: boolean, random: DemoRandom): { id: string | null; url: string | null } {
    if (row.channel === 'mastodon') {
      const id = digits(random, 18);
      return { id, url: `https://dommelstad.social/@gemeente/${id}` };
    }
    if (row.channel === 'bluesky') {
      let key = '';
      for (let i = 0; i < 13; i++) key += BLUESKY_KEY[random.int(BLUESKY_KEY.length)];
      return {
        id: `at://did:plc:dommelstadgemeente/app.bsky.feed.post/${key}`,
        url: `https://bsky.app/profile/dommelstad.nl/post/${key}`,
      };
    }
    if (connector || !random.chance(0.7)) return { id: null, url: null };
    if (row.channel === 'x') return { id: null, url: `https://x.com/GemDommelstad/status/${digits(random, 19)}` };
    if (row.channel === 'facebook' && row.url) return { id: null, url: `${row.url}?comment_id=${digits(random, 16)}` };
    return { id: null, url: null };
  }
}

/** Who approves a sensitive reply: the team lead, or her stand-in for her own replies. */
function approverFor(operator: string): string {
  const [lead, standIn] = OPERATOR_PROFILES;
  return operator === lead!.name ? standIn!.name : lead!.name;
}

function firstWord(name: string | null): string | null {
  const word = name?.trim().split(/\s+/)[0];
  return word ? word : null;
}

/** A decimal id of `count` digits that does not start with 0. */
function digits(random: DemoRandom, count: number): string {
  let text = String(1 + random.int(9));
  while (text.length < count) text += String(random.int(10));
  return text;
}
