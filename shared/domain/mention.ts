import { z } from 'zod';
import { CHANNELS, LANGUAGES, MENTION_STATUSES, SENTIMENT_LABELS } from './values';

export { CHANNELS, LANGUAGES, MENTION_STATUSES, SENTIMENT_LABELS } from './values';

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const MentionStatus = z.enum(MENTION_STATUSES);
export type MentionStatus = z.infer<typeof MentionStatus>;

export const SentimentLabel = z.enum(SENTIMENT_LABELS);
export type SentimentLabel = z.infer<typeof SentimentLabel>;

export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** ISO-8601 instant in UTC, as every time crosses the API. */
export const Instant = z.iso.datetime({ offset: true });

/** One row of the inbox list: what the table shows, nothing more. */
export const MentionRow = z.object({
  id: z.number().int(),
  channel: Channel,
  author: z.object({ handle: z.string(), displayName: z.string().nullable(), followers: z.number().int() }),
  text: z.string(),
  url: z.string().nullable(),
  createdAt: Instant,
  lang: Language.nullable(),
  sentiment: SentimentLabel.nullable(),
  sentimentScore: z.number().nullable(),
  status: MentionStatus,
  assignee: z.string().nullable(),
  priority: z.number().int(),
  /** Ids of the topics the mention is tagged with (see `topics.list` for names and colours). */
  topicIds: z.array(z.number().int()).optional(),
  /** The operators' tags, lower-case, sorted. */
  tags: z.array(z.string()).optional(),
  /** Bumped by every workflow change: pass it back as `expectedVersion` so a change made meanwhile is not overwritten. */
  version: z.number().int().optional(),
});
export type MentionRow = z.infer<typeof MentionRow>;

export const MentionDetail = MentionRow.extend({
  externalId: z.string(),
  sourceId: z.number().int(),
  fetchedAt: Instant,
  reach: z.number().int(),
  parentExternalId: z.string().nullable(),
  conversationId: z.string().nullable(),
  sentimentOverride: SentimentLabel.nullable(),
  raw: z.unknown().nullable(),
  version: z.number().int(),
  /** When the first reply to it was sent (or marked sent). */
  firstResponseAt: Instant.nullable(),
  /** When it was last set to resolved; null while not resolved. */
  resolvedAt: Instant.nullable(),
});
export type MentionDetail = z.infer<typeof MentionDetail>;
