import { z } from 'zod';
import { JobInfo } from './events';

/** Schemas of topics: named saved queries with a colour that tag mentions (DESIGN §5). */

export { TOPIC_COLOURS } from '../domain/topics';

export const TopicColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb, e.g. #2f6fde')
  .transform((colour) => colour.toLowerCase());

export const Topic = z.object({
  id: z.number().int(),
  name: z.string(),
  query: z.string(),
  colour: z.string(),
  /** Mentions tagged with the topic now (a re-tag in progress changes it). */
  mentions: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Topic = z.infer<typeof Topic>;

export const SaveTopicInput = z
  .object({
    /** Leave out to create a topic; give it to change one. */
    id: z.number().int().positive().optional(),
    name: z.string().trim().min(1, 'give the topic a name').max(60, 'a topic name has at most 60 characters'),
    query: z.string().trim().min(1, 'a topic needs a query').max(2000),
    colour: TopicColour,
    /** Who saved it, for the audit log. */
    operator: z.string().trim().min(1).max(80).default('operator'),
  })
  .strict();

/** The saved topic and, when its query is new or changed, the job that re-tags history. */
export const SavedTopic = z.object({ topic: Topic, retag: JobInfo.nullable() });

export const DeleteTopicInput = z
  .object({ id: z.number().int().positive(), operator: z.string().trim().min(1).max(80).default('operator') })
  .strict();
