import type { Channel, Language } from '../../../shared/domain/mention';
import type { ApprovalRules, Intent, SensitiveReason, ToneFinding } from '../../../shared/replies/model';
import { WatchpostError } from '../../../shared/api/result';
import type { Db } from '../store/db';

/** What the replies engine reads about a mention: text, author, reach, sentiment, topics and the source it came from. */
export interface MentionFacts {
  id: number;
  channel: Channel;
  text: string;
  lang: Language | null;
  url: string | null;
  reach: number;
  sentiment: string | null;
  raw: unknown;
  createdAt: number;
  firstResponseAt: number | null;
  authorHandle: string;
  authorName: string;
  sourceId: number;
  sourceKind: string;
  sourceConfig: unknown;
  sourceCursor: unknown;
  topics: { id: number; name: string }[];
}

interface FactsRow {
  id: number;
  channel: Channel;
  text: string;
  lang: Language | null;
  url: string | null;
  reach: number;
  sentiment: string | null;
  raw: string | null;
  created_at: number;
  first_response_at: number | null;
  handle: string | null;
  display_name: string | null;
  source_id: number;
  source_kind: string;
  source_config: string;
  source_cursor: string | null;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Reads a mention's facts; not_found when there is no such mention. */
export function readMention(db: Db, id: number): MentionFacts {
  const row = db
    .prepare(
      `SELECT m.id, m.channel, m.text, m.lang, m.url, m.reach, m.sentiment, m.raw, m.created_at, m.first_response_at,
              a.handle, a.display_name, s.id AS source_id, s.kind AS source_kind, s.config AS source_config, s.cursor AS source_cursor
       FROM mentions m
       LEFT JOIN authors a ON a.id = m.author_id
       JOIN sources s ON s.id = m.source_id
       WHERE m.id = ?`,
    )
    .get(id) as FactsRow | undefined;
  if (!row) throw new WatchpostError('not_found', `there is no mention ${id}`);
  const topics = db
    .prepare(
      'SELECT t.id, t.name FROM mention_topics mt JOIN topics t ON t.id = mt.topic_id WHERE mt.mention_id = ? ORDER BY t.name',
    )
    .all(id) as { id: number; name: string }[];
  const handle = row.handle ?? 'unknown';
  return {
    id: row.id,
    channel: row.channel,
    text: row.text,
    lang: row.lang,
    url: row.url,
    reach: row.reach,
    sentiment: row.sentiment,
    raw: parseJson(row.raw),
    createdAt: row.created_at,
    firstResponseAt: row.first_response_at,
    authorHandle: handle,
    authorName: row.display_name?.trim() || handle,
    sourceId: row.source_id,
    sourceKind: row.source_kind,
    sourceConfig: parseJson(row.source_config),
    sourceCursor: parseJson(row.source_cursor),
    topics,
  };
}

const QUESTION_START =
  /^(hoe|wat|wanneer|waar|waarom|wie|welke|kan|kunnen|kunt|mag|is|zijn|heeft|hebben|weet|how|what|when|where|why|who|which|can|could|is|are|does|do|will)\b/i;
const COMPLAINT_WORDS =
  /\b(kapot|storing|klacht|slecht|werkt niet|boos|schandalig|belachelijk|weer eens|vertraging|broken|terrible|complaint|awful|not working|outage|angry|worst)\b/i;

/** Question, complaint, praise or other: from a question mark or question word, complaint words and sentiment. */
export function mentionIntent(text: string, sentiment: string | null): Intent {
  const trimmed = text.trim();
  if (COMPLAINT_WORDS.test(trimmed) || sentiment === 'negative') return 'complaint';
  if (trimmed.includes('?') || QUESTION_START.test(trimmed)) return 'question';
  if (sentiment === 'positive') return 'praise';
  return 'other';
}

/** Why a reply to this mention needs approval under the rules (tone warnings included when given). */
export function sensitiveReasons(
  mention: MentionFacts,
  rules: ApprovalRules,
  findings: readonly ToneFinding[] = [],
): SensitiveReason[] {
  if (!rules.enabled) return [];
  const reasons: SensitiveReason[] = [];
  if (
    rules.negativeReachAbove !== null &&
    mention.sentiment === 'negative' &&
    mention.reach > rules.negativeReachAbove
  ) {
    reasons.push({ kind: 'negative_reach', detail: String(mention.reach) });
  }
  for (const topic of mention.topics) {
    if (rules.flaggedTopicIds.includes(topic.id)) reasons.push({ kind: 'flagged_topic', detail: topic.name });
  }
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (rules.anyWarning && warnings > 0) reasons.push({ kind: 'tone_warning', detail: String(warnings) });
  return reasons;
}
