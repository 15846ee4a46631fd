// CONTRACT READY
import { z } from 'zod';
import { Channel, Instant, Language, MentionRow, MentionStatus, SentimentLabel } from '../domain/mention';
import { MENTION_SORTS } from '../domain/inbox';
import { command, Empty, query } from './spec';

/**
 * Schemas and methods of the inbox (DESIGN §6): the list filter, the status workflow, assignment, tags,
 * notes, the detail pane's context, saved views, operator profiles and presence (merged into contract.ts,
 * which re-exports `MentionFilter` and `MentionSort` from here).
 */

export { ASSIGNEE_ME, ASSIGNEE_NONE, MENTION_SORTS, VIEW_COUNT_CAP } from '../domain/inbox';

/** Operator names are what other rows refer to; `$` starts the filter placeholders above, so a name may not. */
export const OperatorName = z
  .string()
  .trim()
  .min(1, 'give the operator a name')
  .max(80, 'an operator name has at most 80 characters')
  .refine((name) => !name.startsWith('$'), 'an operator name may not start with $');

/** Who is at the desk: the operator's name, written to the audit log with every change. */
const Actor = z.string().trim().min(1, 'say who is at the desk (operator)').max(80);

export const MentionSort = z.enum(MENTION_SORTS);
export type MentionSort = z.infer<typeof MentionSort>;

/**
 * What the inbox list shows. Every field narrows (AND between fields, OR inside a list). The same object is
 * the inbox deep link `#/inbox?filter=<encodeURIComponent(JSON.stringify(filter))>` and a saved view's filter.
 */
export const MentionFilter = z
  .object({
    status: z.array(MentionStatus).optional(),
    channel: z.array(Channel).optional(),
    /** Detected language; 'other' also covers mentions whose language was not detected. */
    lang: z.array(Language).optional(),
    /** The effective sentiment: the operator's correction when there is one, else the automatic label. */
    sentiment: z.array(SentimentLabel).optional(),
    /** Operator names, `$me` (the call's operator) and `$unassigned`. */
    assignee: z.array(z.string().trim().min(1).max(80)).optional(),
    /** Tagged with any of these topics. */
    topicId: z.array(z.number().int().positive()).optional(),
    /** Carries any of these tags (tags are lower-case; matched without regard to case). */
    tag: z.array(z.string().trim().min(1).max(40)).optional(),
    /** Priority at least this. */
    priorityMin: z.number().int().optional(),
    /** Reach (audience) at least this. */
    reachMin: z.number().int().min(0).optional(),
    /** created_at >= from. */
    from: Instant.optional(),
    /** created_at < to. */
    to: Instant.optional(),
    /** The query language of the search bar (a syntax error comes back as invalid_input naming its column). */
    query: z.string().trim().max(2000).optional(),
    /** Only mentions up to this id: a view's snapshot, so paging stays exact while mentions arrive. */
    maxId: z.number().int().min(0).optional(),
  })
  .strict();
export type MentionFilter = z.infer<typeof MentionFilter>;

/** Input of `mentions.list` (declared in contract.ts). */
export const ListMentionsInput = z
  .object({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    sort: MentionSort.default('newest'),
    filter: MentionFilter.default({}),
    /**
     * Count the matches (once per filter and snapshot, then cached for the next pages). Pass false for the
     * fastest first paint and ask `inbox.count` afterwards; the total is then a lower bound, flagged.
     */
    withTotal: z.boolean().default(true),
    /** Who is at the desk: fills in `$me` in the filter. */
    operator: z.string().trim().min(1).max(80).optional(),
  })
  .strict();

/** Output of `mentions.list` (declared in contract.ts). */
export const MentionPage = z.object({
  total: z.number().int(),
  /**
   * True when `total` is not an exact count: with withTotal false it is offset + rows (+1 when there are more);
   * for a large filter not yet counted it is a sampled estimate (never below the rows already seen) —
   * `inbox.count` gives the exact figure, and later pages of the same snapshot then report it exactly.
   */
  totalIsEstimate: z.boolean(),
  offset: z.number().int(),
  /** The snapshot the page was read from (the newest mention id then): pass it back as filter.maxId. */
  maxId: z.number().int(),
  /** Mentions newer than the snapshot that pass the filter ("N new" pill); 0 when the snapshot is current. */
  newerThanSnapshot: z.number().int(),
  rows: z.array(MentionRow),
});

/** One mention a workflow command acts on; with `expectedVersion` the change is refused if someone changed it since. */
export const MentionTarget = z
  .object({
    id: z.number().int().positive(),
    /** The mention's `version` when the operator saw it. Left out: no collision check. */
    expectedVersion: z.number().int().min(0).optional(),
  })
  .strict();

const Targets = z
  .array(MentionTarget)
  .min(1, 'select at least one mention')
  .max(10_000, 'at most 10,000 mentions at once');

const WorkflowBase = {
  operator: Actor,
  mentions: Targets,
  /** Overwrite even when a mention changed since it was opened (after the operator confirmed). */
  force: z.boolean().default(false),
};

export const Tag = z
  .string()
  .trim()
  .min(1, 'a tag cannot be empty')
  .max(40, 'a tag has at most 40 characters')
  .transform((tag) => tag.toLowerCase());

/** A mention after a workflow change: what the table needs to update its row. */
export const ChangedMention = z.object({
  id: z.number().int(),
  version: z.number().int(),
  status: MentionStatus,
  assignee: z.string().nullable(),
  tags: z.array(z.string()),
});

export const WorkflowOutcome = z.object({
  /** The mentions that changed (a mention that already had the value is left alone and not listed). */
  changed: z.array(ChangedMention),
  /**
   * Pass to `inbox.undo` to put back exactly the previous values; null when nothing changed. After an undo:
   * the same token while some mentions of that change are not undone yet (a partial undo), else null.
   */
  undoToken: z.string().nullable(),
});
export type WorkflowOutcome = z.infer<typeof WorkflowOutcome>;

export const Note = z.object({
  id: z.number().int(),
  mentionId: z.number().int(),
  operator: z.string(),
  text: z.string(),
  createdAt: Instant,
  editedAt: Instant.nullable(),
});
export type Note = z.infer<typeof Note>;

/** One entry of a mention's history: an audit-log row about it. */
export const HistoryEntry = z.object({
  at: Instant,
  actor: z.string(),
  /** e.g. 'mention.status', 'mention.assign', 'mention.tag', 'mention.undo', 'note.add', 'sentiment.correct'. */
  action: z.string(),
  /** What changed: usually { before, after }. */
  detail: z.record(z.string(), z.unknown()),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** A picture or video attached to a post, as far as the imported payload tells. */
export const Media = z.object({
  kind: z.enum(['image', 'video', 'gif']),
  url: z.string(),
  previewUrl: z.string().nullable(),
  alt: z.string().nullable(),
});
export type Media = z.infer<typeof Media>;

/** Workspace-wide inbox settings. */
export const InboxSettings = z.object({
  /**
   * Show a post's pictures (https only, no referrer) in the detail pane, loaded from the site that hosts
   * them; false (the default): only links, and the app itself contacts no other host.
   */
  remoteMedia: z.boolean(),
});
export type InboxSettings = z.infer<typeof InboxSettings>;

/** A reply we sent (or drafted) to an earlier mention of the same author. */
export const OurReply = z.object({
  mentionId: z.number().int(),
  text: z.string(),
  operator: z.string().nullable(),
  state: z.string(),
  at: Instant,
});

/** Everything the detail pane shows around one mention (the mention itself: `mentions.get`). */
export const MentionContext = z.object({
  id: z.number().int(),
  version: z.number().int(),
  tags: z.array(z.string()),
  notes: z.array(Note),
  /** Newest first. */
  history: z.array(HistoryEntry),
  thread: z.object({
    /** The post this one answers, when we have it. */
    parent: MentionRow.nullable(),
    /** Other posts of the same conversation we have, oldest first (at most 50). */
    conversation: z.array(MentionRow),
    /** Direct replies to this mention we have, oldest first (at most 50). */
    replies: z.array(MentionRow),
  }),
  /** The author's earlier mentions, newest first (at most 20). */
  authorMentions: z.array(MentionRow),
  /** Our replies to the author's earlier mentions, newest first (at most 20); empty until replies exist. */
  ourReplies: z.array(OurReply),
  /** Null when the payload's format does not tell (or there is no payload). */
  media: z.array(Media).nullable(),
  /** Links in the text, in order. */
  links: z.array(z.string()),
});
export type MentionContext = z.infer<typeof MentionContext>;

export const SavedView = z.object({
  id: z.number().int(),
  name: z.string(),
  filter: MentionFilter,
  sort: MentionSort,
  pinned: z.boolean(),
  /** The operator whose own view it is; null: shared by every operator. */
  owner: z.string().nullable(),
  position: z.number().int(),
});
export type SavedView = z.infer<typeof SavedView>;

/** A view in the sidebar: a saved view, or the built-in view of a topic (id null, topicId set). */
export const ViewWithCount = z.object({
  /** 'view:<id>' or 'topic:<id>': stable key for lists. */
  key: z.string(),
  id: z.number().int().nullable(),
  topicId: z.number().int().nullable(),
  name: z.string(),
  filter: MentionFilter,
  sort: MentionSort,
  pinned: z.boolean(),
  owner: z.string().nullable(),
  position: z.number().int(),
  /** Topic colour for topic views; null for saved views. */
  colour: z.string().nullable(),
  /** Matching mentions now; counted up to `countCap`. */
  count: z.number().int(),
  /** True when there are more than `count` (the count stopped at the cap): show "10,000+". */
  countCapped: z.boolean(),
});
export type ViewWithCount = z.infer<typeof ViewWithCount>;

export const SaveViewInput = z
  .object({
    operator: Actor,
    /** Leave out to create a view; give it to change one. */
    id: z.number().int().positive().optional(),
    name: z.string().trim().min(1, 'give the view a name').max(60, 'a view name has at most 60 characters'),
    filter: MentionFilter.default({}),
    sort: MentionSort.default('newest'),
    pinned: z.boolean().default(true),
    /** True: every operator sees it; false: only `operator`. */
    shared: z.boolean().default(false),
    /** Place in the sidebar; left out: last. */
    position: z.number().int().min(0).optional(),
  })
  .strict();

export const OperatorProfile = z.object({
  id: z.number().int(),
  name: z.string(),
  initials: z.string(),
  colour: z.string(),
  language: z.enum(['nl', 'en']),
  createdAt: Instant,
});
export type OperatorProfile = z.infer<typeof OperatorProfile>;

export const SaveOperatorInput = z
  .object({
    /** Leave out to create a profile. */
    id: z.number().int().positive().optional(),
    name: OperatorName,
    initials: z
      .string()
      .trim()
      .min(1, 'initials have 1 to 3 characters')
      .max(3, 'initials have 1 to 3 characters')
      .transform((s) => s.toUpperCase()),
    colour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb, e.g. #2f6fde')
      .transform((c) => c.toLowerCase()),
    language: z.enum(['nl', 'en']).default('nl'),
    /** Who made the change (audit log); left out: the profile's own name. */
    operator: Actor.optional(),
  })
  .strict();

export const PresenceActivity = z.enum(['viewing', 'replying']);

export const PresenceEntry = z.object({
  /** One per window or desk (random id the renderer keeps for its lifetime). */
  clientId: z.string(),
  operator: z.string(),
  mentionId: z.number().int().nullable(),
  activity: PresenceActivity,
  since: Instant,
  lastSeen: Instant,
});
export type PresenceEntry = z.infer<typeof PresenceEntry>;

/** How long a presence heartbeat counts: send one at least every 10 s while a mention is open. */
export const PRESENCE_TTL_MS = 30_000;

export const inboxMethods = {
  'inbox.count': query(
    z.object({ filter: MentionFilter.default({}), operator: z.string().trim().min(1).max(80).optional() }).strict(),
    z.object({ total: z.number().int(), maxId: z.number().int() }),
    'The exact number of mentions a filter matches (cached per filter and snapshot, so pages need not count).',
  ),
  'inbox.setStatus': command(
    z.object({ ...WorkflowBase, status: MentionStatus }).strict(),
    WorkflowOutcome,
    'Move mentions to a status (new, open, waiting, resolved, archived, spam); refused with conflict when one changed since it was opened.',
  ),
  'inbox.assign': command(
    z
      .object({
        ...WorkflowBase,
        /** Null: unassign. */
        assignee: z.string().trim().min(1).max(80).nullable(),
      })
      .strict(),
    WorkflowOutcome,
    'Assign mentions to a colleague, or unassign them.',
  ),
  'inbox.tag': command(
    z
      .object({ ...WorkflowBase, add: z.array(Tag).default([]), remove: z.array(Tag).default([]) })
      .strict()
      .refine((input) => input.add.length + input.remove.length > 0, 'name a tag to add or remove'),
    WorkflowOutcome,
    'Add and remove tags on mentions.',
  ),
  'inbox.undo': command(
    z
      .object({
        operator: Actor,
        token: z.string().min(1),
        /** Only these mentions of the change (one item of a bulk action); left out: every mention it changed. */
        ids: z.array(z.number().int().positive()).min(1, 'name at least one mention to undo').max(10_000).optional(),
      })
      .strict(),
    WorkflowOutcome,
    'Put back exactly what a workflow change replaced, for all its mentions or only `ids` (each undo written to the audit log); each mention of a change can be undone once.',
  ),
  'inbox.context': query(
    z.object({ id: z.number().int().positive() }).strict(),
    MentionContext,
    "The detail pane's surroundings of a mention: tags, notes, history, thread, the author's earlier mentions, media.",
  ),
  'inbox.tags': query(
    Empty,
    z.array(z.object({ tag: z.string(), mentions: z.number().int() })),
    'Every tag in use with how many mentions carry it, most used first (for the tag picker).',
  ),
  'inbox.notes.add': command(
    z
      .object({
        operator: Actor,
        mentionId: z.number().int().positive(),
        text: z.string().trim().min(1, 'a note cannot be empty').max(10_000),
      })
      .strict(),
    Note,
    'Add an internal note to a mention.',
  ),
  'inbox.notes.edit': command(
    z
      .object({
        operator: Actor,
        id: z.number().int().positive(),
        text: z.string().trim().min(1, 'a note cannot be empty').max(10_000),
      })
      .strict(),
    Note,
    'Change the text of one of your own notes.',
  ),
  'inbox.notes.delete': command(
    z.object({ operator: Actor, id: z.number().int().positive() }).strict(),
    z.object({ deleted: z.boolean() }),
    'Remove one of your own notes.',
  ),
  'inbox.views': query(
    z.object({ operator: z.string().trim().min(1).max(80).optional() }).strict(),
    z.array(ViewWithCount),
    'The sidebar: saved views the operator may see (shared and own), then one view per topic, each with its count.',
  ),
  'inbox.views.save': command(SaveViewInput, SavedView, 'Create or change a saved view.'),
  'inbox.views.delete': command(
    z.object({ operator: Actor, id: z.number().int().positive() }).strict(),
    z.object({ deleted: z.boolean() }),
    'Remove a saved view.',
  ),
  'inbox.settings': query(Empty, InboxSettings, "The workspace's inbox settings (whether remote media show)."),
  'inbox.settings.save': command(
    z.object({ operator: Actor, remoteMedia: z.boolean().optional() }).strict(),
    InboxSettings,
    "Change the workspace's inbox settings (written to the audit log).",
  ),
  'inbox.operators.list': query(Empty, z.array(OperatorProfile), 'Operator profiles, by name.'),
  'inbox.operators.save': command(
    SaveOperatorInput,
    OperatorProfile,
    'Create or change an operator profile (names are unique, ignoring case).',
  ),
  'inbox.operators.delete': command(
    z.object({ id: z.number().int().positive(), operator: Actor.optional() }).strict(),
    z.object({ deleted: z.boolean() }),
    'Remove an operator profile; what they did stays in the audit log under their name.',
  ),
  'inbox.presence': command(
    z
      .object({
        clientId: z.string().min(1).max(100),
        operator: Actor,
        /** Null: this client has no mention open (leaves). */
        mentionId: z.number().int().positive().nullable(),
        activity: PresenceActivity.default('viewing'),
      })
      .strict(),
    z.array(PresenceEntry),
    'Heartbeat of who looks at (or replies to) which mention; answers with everyone present. Expires after 30 s.',
  ),
  'inbox.presence.list': query(Empty, z.array(PresenceEntry), 'Who is on which mention now.'),
} as const;
