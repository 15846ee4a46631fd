import { z } from 'zod';

export const JobKind = z.enum(['demo', 'import', 'rescore', 'retag', 'report']);
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
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export interface EngineEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}
