import { z } from 'zod';

export const JobKind = z.enum(['demo', 'import', 'rescore', 'retag', 'report', 'rollups']);
export type JobKind = z.infer<typeof JobKind>;

export const JobState = z.enum(['running', 'done', 'cancelled', 'failed']);
export type JobState = z.infer<typeof JobState>;

export const JobInfo = z.object({
  id: z.string(),
  kind: JobKind,
  label: z.string(),
  state: JobState,
  done: z.number().int(),
  total: z.number().int().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  message: z.string().nullable(),
  /** What the job produced, e.g. an import's counts; null while running. */
  result: z.record(z.string(), z.unknown()).nullable(),
});
export type JobInfo = z.infer<typeof JobInfo>;

/** Push events, from the engine to every open window and wall screen. */
export const events = {
  'mentions.added': z.object({ count: z.number().int(), newestAt: z.iso.datetime().nullable() }),
  'mentions.changed': z.object({ ids: z.array(z.number().int()) }),
  'job.progress': JobInfo,
  'job.finished': JobInfo,
  /** A live source was added, changed or removed, or its health moved after a poll. */
  'sources.changed': z.object({ sourceId: z.number().int() }),
  /** A topic was saved or removed, or finished re-tagging history. */
  'topics.changed': z.object({ topicId: z.number().int() }),
  /** A reply moved state (drafted, submitted, approved, rejected, sent, failed); the operator sees the outcome. */
  'replies.changed': z.object({
    replyId: z.number().int(),
    mentionId: z.number().int(),
    state: z.string(),
    operator: z.string(),
  }),
  /** A saved view was created, changed or removed (the sidebar reads `inbox.views` again). */
  'inbox.views.changed': z.object({ viewId: z.number().int() }),
  /** Who is on which mention changed: everyone present now (see `inbox.presence`). */
  'inbox.presence': z.object({
    entries: z.array(
      z.object({
        clientId: z.string(),
        operator: z.string(),
        mentionId: z.number().int().nullable(),
        activity: z.enum(['viewing', 'replying']),
        since: z.iso.datetime(),
        lastSeen: z.iso.datetime(),
      }),
    ),
  }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export interface EngineEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}
