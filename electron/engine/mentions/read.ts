import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db';
import { WatchpostError } from '../../../shared/api/result';
import type { MethodOutput, MethodParsedInput } from '../../../shared/api/contract';
import type { MentionDetail, MentionRow } from '../../../shared/domain/mention';
import { getMeta } from './write';

export interface RowRecord {
  id: number;
  channel: MentionRow['channel'];
  handle: string | null;
  display_name: string | null;
  followers: number | null;
  text: string;
  url: string | null;
  created_at: number;
  lang: MentionRow['lang'];
  sentiment: MentionRow['sentiment'];
  sentiment_score: number | null;
  status: MentionRow['status'];
  assignee: string | null;
  priority: number;
}

interface DetailRecord extends RowRecord {
  external_id: string;
  source_id: number;
  fetched_at: number;
  reach: number;
  parent_external_id: string | null;
  conversation_id: string | null;
  sentiment_override: MentionDetail['sentimentOverride'];
  raw: string | null;
}

export const ROW_COLUMNS = `m.id, m.channel, a.handle, a.display_name, a.followers, m.text, m.url, m.created_at, m.lang,
  m.sentiment, m.sentiment_score, m.status, m.assignee, m.priority`;

const ORDER_BY = {
  newest: 'm.created_at DESC, m.id DESC',
  oldest: 'm.created_at ASC, m.id ASC',
  priority: 'm.priority DESC, m.created_at DESC, m.id DESC',
} as const;

const iso = (ms: number): string => new Date(ms).toISOString();

export function toRow(r: RowRecord): MentionRow {
  return {
    id: r.id,
    channel: r.channel,
    author: { handle: r.handle ?? '', displayName: r.display_name, followers: r.followers ?? 0 },
    text: r.text,
    url: r.url,
    createdAt: iso(r.created_at),
    lang: r.lang,
    sentiment: r.sentiment,
    sentimentScore: r.sentiment_score,
    status: r.status,
    assignee: r.assignee,
    priority: r.priority,
  };
}

/** Read side of mentions. SQL is composed from fixed fragments only; every user value is a bound parameter. */
export class MentionReader {
  private readonly statements = new Map<string, Statement<unknown[]>>();

  constructor(private readonly db: Db) {}

  list(input: MethodParsedInput<'mentions.list'>): MethodOutput<'mentions.list'> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (input.filter.status?.length) {
      where.push(`m.status IN (${input.filter.status.map(() => '?').join(', ')})`);
      params.push(...input.filter.status);
    }
    if (input.filter.channel?.length) {
      where.push(`m.channel IN (${input.filter.channel.map(() => '?').join(', ')})`);
      params.push(...input.filter.channel);
    }
    if (input.filter.maxId !== undefined) {
      where.push('m.id <= ?');
      params.push(input.filter.maxId);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const maxId = (this.statement('SELECT coalesce(max(id), 0) AS n FROM mentions').get() as { n: number }).n;
    const total = (this.statement(`SELECT count(*) AS n FROM mentions m ${whereSql}`).get(...params) as { n: number })
      .n;
    const rows = this.statement(
      `SELECT ${ROW_COLUMNS} FROM mentions m LEFT JOIN authors a ON a.id = m.author_id ${whereSql}
       ORDER BY ${ORDER_BY[input.sort]} LIMIT ? OFFSET ?`,
    ).all(...params, input.limit, input.offset) as RowRecord[];
    return { total, offset: input.offset, maxId, rows: rows.map(toRow) };
  }

  get(id: number): MentionDetail {
    const r = this.statement(
      `SELECT ${ROW_COLUMNS}, m.external_id, m.source_id, m.fetched_at, m.reach, m.parent_external_id,
         m.conversation_id, m.sentiment_override, m.raw
       FROM mentions m LEFT JOIN authors a ON a.id = m.author_id WHERE m.id = ?`,
    ).get(id) as DetailRecord | undefined;
    if (!r) throw new WatchpostError('not_found', `mention ${id} does not exist`);
    return {
      ...toRow(r),
      externalId: r.external_id,
      sourceId: r.source_id,
      fetchedAt: iso(r.fetched_at),
      reach: r.reach,
      parentExternalId: r.parent_external_id,
      conversationId: r.conversation_id,
      sentimentOverride: r.sentiment_override,
      raw: r.raw === null ? null : safeJson(r.raw),
    };
  }

  stats(): MethodOutput<'workspace.stats'> {
    const counts = this.statement(
      `SELECT (SELECT count(*) FROM mentions) AS mentions,
              (SELECT count(*) FROM mentions WHERE status = 'new') AS unread,
              (SELECT max(created_at) FROM mentions) AS newest,
              (SELECT count(*) FROM sources) AS sources`,
    ).get() as { mentions: number; unread: number; newest: number | null; sources: number };
    const lastIngest = getMeta(this.db, 'last_ingest_at');
    return {
      mentions: counts.mentions,
      unread: counts.unread,
      lastIngestAt: lastIngest ? iso(Number(lastIngest)) : null,
      newestMentionAt: counts.newest === null ? null : iso(counts.newest),
      sources: counts.sources,
    };
  }

  private statement(sql: string): Statement<unknown[]> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[]>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
