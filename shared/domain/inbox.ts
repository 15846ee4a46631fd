/**
 * The inbox's fixed values, without zod (api/inbox.ts builds its schemas from these): the renderer's first
 * screen imports them from here (see domain/values.ts).
 */

/** In a filter's `assignee` list: the operator who is at the desk (the call's `operator`). Saved views use it for "mine". */
export const ASSIGNEE_ME = '$me';
/** In a filter's `assignee` list: mentions nobody is assigned to. */
export const ASSIGNEE_NONE = '$unassigned';

/** The orders of the inbox list. */
export const MENTION_SORTS = ['newest', 'oldest', 'priority'] as const;
export type MentionSort = (typeof MENTION_SORTS)[number];

export function isMentionSort(value: unknown): value is MentionSort {
  return (MENTION_SORTS as readonly unknown[]).includes(value);
}

/** Sidebar counts stop at this many. */
export const VIEW_COUNT_CAP = 10_000;
