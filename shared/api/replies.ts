// CONTRACT READY
import { z } from 'zod';
import { Channel, Language } from '../domain/mention';
import {
  ApprovalRules,
  Intent,
  Reply,
  ReplyLang,
  ReplyState,
  SendMode,
  SensitiveReason,
  Snippet,
  SnippetName,
  Template,
  TemplateVariable,
  TemplateVariant,
  ToneContext,
  ToneFinding,
  TonePreset,
  ToneRule,
  ToneSettings,
  VariantKind,
} from '../replies/model';
import { command, Empty, query } from './spec';

/**
 * Schemas and methods of replies in one voice (issue #6, DESIGN §7): the template library with snippets,
 * the tone-of-voice rules, the composer's data, approval, sending and response-time KPIs.
 * Template rendering and the tone check themselves are pure functions in shared/replies/ that the
 * renderer runs as the operator types; the engine runs the same functions again before it sends.
 */

export * from '../replies/model';

const Operator = z.string().trim().min(1, 'say who is at the desk').max(80);
const Id = z.number().int().positive();

// ---------------------------------------------------------------- templates and snippets

export const SaveTemplateInput = z
  .object({
    /** Leave out to create; give it to change a template. */
    id: Id.optional(),
    name: z.string().trim().min(1, 'give the template a name').max(80),
    category: z.string().trim().min(1, 'give the template a category').max(60),
    description: z.string().max(500).default(''),
    variants: z.array(TemplateVariant).min(1, 'a template needs at least one variant'),
    variables: z.array(TemplateVariable).default([]),
    intents: z.array(Intent).default([]),
    topicIds: z.array(Id).default([]),
    keywords: z.array(z.string().trim().min(1).max(60)).default([]),
    operator: Operator,
  })
  .strict();
export type SaveTemplateInput = z.input<typeof SaveTemplateInput>;

export const SaveSnippetInput = z
  .object({
    id: Id.optional(),
    name: SnippetName,
    lang: ReplyLang,
    description: z.string().max(500).default(''),
    body: z.string().min(1, 'a snippet needs text').max(5000),
    operator: Operator,
  })
  .strict();
export type SaveSnippetInput = z.input<typeof SaveSnippetInput>;

/** The library as a team shares it: templates and snippets (ids left out), optionally the tone rules. */
export const LibraryFile = z
  .object({
    format: z.literal('watchpost-library'),
    version: z.literal(1),
    exportedAt: z.iso.datetime().optional(),
    templates: z.array(
      SaveTemplateInput.omit({ id: true, operator: true, topicIds: true }).extend({
        /** Topics by name (ids differ between workspaces). */
        topics: z.array(z.string()).default([]),
      }),
    ),
    snippets: z.array(SaveSnippetInput.omit({ id: true, operator: true })),
    tone: z.object({ preset: TonePreset, rules: z.array(ToneRule) }).optional(),
  })
  .strict();
export type LibraryFile = z.infer<typeof LibraryFile>;

export const ImportOutcome = z.object({
  templatesAdded: z.number().int(),
  templatesUpdated: z.number().int(),
  snippetsAdded: z.number().int(),
  snippetsUpdated: z.number().int(),
  toneReplaced: z.boolean(),
  /** Topic names in the file that this workspace does not have (the templates were imported without them). */
  unknownTopics: z.array(z.string()),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

/** A template syntax error, pointing at a variant (index in `variants`) or a snippet, line and column (1-based). */
export const TemplateSyntaxError = z.object({
  where: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  message: z.string(),
});
export type TemplateSyntaxError = z.infer<typeof TemplateSyntaxError>;

// ---------------------------------------------------------------- composer

/**
 * Everything the composer needs for one mention: the values for template variables (a nested object:
 * author.name, author.handle, operator.name, operator.firstName, case.number, mention.channel, org.name,
 * question (true for a question)), how the channel counts and whether the engine can send there.
 */
export const ComposeInfo = z.object({
  mentionId: Id,
  channel: Channel,
  /** Suggested reply language: the mention's, or Dutch when unknown. */
  lang: ReplyLang,
  mentionLang: Language.nullable(),
  variantKind: VariantKind,
  /** The channel's character limit as it counts (null: no limit). */
  limit: z.number().int().nullable(),
  sendMode: SendMode,
  /** The post's address, for "copy reply and open the post". */
  postUrl: z.string().nullable(),
  /** `@user@server` a reply must start with to reach the author (Mastodon); null where none is needed. */
  replyMention: z.string().nullable(),
  values: z.record(z.string(), z.unknown()),
  intent: Intent,
  /** Reasons this mention's replies would go to approval now (before tone warnings). */
  sensitiveReasons: z.array(SensitiveReason),
  /** An unsent draft for this mention by this operator, to continue. */
  draft: Reply.nullable(),
});
export type ComposeInfo = z.infer<typeof ComposeInfo>;

export const TemplateSuggestion = z.object({
  templateId: z.number().int(),
  name: z.string(),
  category: z.string(),
  score: z.number(),
  /** Why it is suggested: matching topic, intent, language, keyword, or used for similar mentions before. */
  reasons: z.array(z.enum(['topic', 'intent', 'language', 'keyword', 'history'])),
});
export type TemplateSuggestion = z.infer<typeof TemplateSuggestion>;

export const RenderInput = z
  .object({
    templateId: Id,
    mentionId: Id,
    operator: Operator,
    /** Default: the mention's language (or nl). */
    lang: ReplyLang.optional(),
    /** Default: the channel's (short for X, Bluesky, Mastodon). */
    kind: VariantKind.optional(),
    /** Values the operator filled in, by variable path; they win over the mention's. */
    values: z.record(z.string(), z.string()).default({}),
  })
  .strict();

export const RenderOutcome = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    text: z.string(),
    lang: ReplyLang,
    kind: VariantKind,
    /** Variables that took their default. */
    defaulted: z.array(z.string()),
  }),
  z.object({
    ok: z.literal(false),
    /** Required variables without a value: insertion is blocked and these fields are named. */
    missing: z.array(z.string()),
    lang: ReplyLang,
    kind: VariantKind,
  }),
]);
export type RenderOutcome = z.infer<typeof RenderOutcome>;

// ---------------------------------------------------------------- replies

export const SendInput = z
  .object({
    mentionId: Id,
    /** The draft being sent, if the composer saved one; a new reply otherwise. */
    replyId: Id.optional(),
    text: z.string().trim().min(1, 'the reply is empty').max(20_000),
    lang: ReplyLang,
    templateId: Id.nullable().default(null),
    operator: Operator,
    /** A public reply (default) or a direct message. */
    public: z.boolean().default(true),
  })
  .strict();
export type SendInput = z.input<typeof SendInput>;

/**
 * What happened to a reply sent from the composer or approved by a reviewer:
 * `sent` (connector posted it), `failed` (connector error, retry later), `pending_approval` (waits for a
 * reviewer), `manual` (copy it and open the post, then confirm with replies.markSent), `blocked` (tone errors: not sent),
 * `rejected` (a reviewer sent it back with a comment).
 */
export const SendOutcome = z.object({
  outcome: z.enum(['sent', 'failed', 'pending_approval', 'manual', 'blocked', 'rejected']),
  reply: Reply,
  /** The tone findings the engine found in the text (errors block). */
  findings: z.array(ToneFinding),
});
export type SendOutcome = z.infer<typeof SendOutcome>;

export const SaveDraftInput = z
  .object({
    mentionId: Id,
    replyId: Id.optional(),
    text: z.string().max(20_000),
    lang: ReplyLang,
    templateId: Id.nullable().default(null),
    operator: Operator,
  })
  .strict();

export const ReviewInput = z
  .object({
    id: Id,
    decision: z.enum(['approve', 'reject']),
    /** The reviewer's edited text (approve with edits); left out: as submitted. */
    text: z.string().trim().min(1).max(20_000).optional(),
    /** Required when rejecting: tells the operator why. */
    comment: z.string().trim().max(2000).default(''),
    /** The reviewer: must be a different operator from the reply's author. */
    operator: Operator,
  })
  .strict();

export const ListRepliesInput = z
  .object({
    state: z.array(ReplyState).optional(),
    operator: z.string().optional(),
    mentionId: Id.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

/** A reply as listed on the replies page: with the mention it answers. */
export const ReplyListRow = Reply.extend({
  mention: z.object({
    text: z.string(),
    authorHandle: z.string(),
    url: z.string().nullable(),
    sentiment: z.string().nullable(),
    reach: z.number().int(),
  }),
});
export type ReplyListRow = z.infer<typeof ReplyListRow>;

export const ReplyAuditEntry = z.object({
  at: z.iso.datetime(),
  actor: z.string(),
  action: z.string(),
  replyId: z.number().int().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type ReplyAuditEntry = z.infer<typeof ReplyAuditEntry>;

// ---------------------------------------------------------------- KPIs

export const KpiInput = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    bucket: z.enum(['day', 'week', 'month']).default('day'),
    timeZone: z.string().default('Europe/Amsterdam'),
    /** Targets for "share within target". */
    firstResponseTargetMinutes: z.number().positive().default(60),
    resolutionTargetMinutes: z
      .number()
      .positive()
      .default(24 * 60),
    channel: z.array(Channel).optional(),
    operator: z.string().optional(),
  })
  .strict();

/** Response figures of a set of mentions: counted, median and 90th percentile (ms), share within target (0–1). */
export const KpiFigures = z.object({
  firstResponse: z.object({
    count: z.number().int(),
    medianMs: z.number().nullable(),
    p90Ms: z.number().nullable(),
    withinTarget: z.number().nullable(),
  }),
  resolution: z.object({
    count: z.number().int(),
    medianMs: z.number().nullable(),
    p90Ms: z.number().nullable(),
    withinTarget: z.number().nullable(),
  }),
  /** Mentions created in the period (the denominator of "answered"). */
  mentions: z.number().int(),
});
export type KpiFigures = z.infer<typeof KpiFigures>;

export const KpiReport = z.object({
  total: KpiFigures,
  /** Per bucket, by the mention's creation time in the time zone; `start` is the bucket's first instant. */
  buckets: z.array(KpiFigures.extend({ start: z.iso.datetime() })),
  /** First response per operator who sent the first reply. */
  byOperator: z.array(KpiFigures.extend({ operator: z.string() })),
});
export type KpiReport = z.infer<typeof KpiReport>;

// ---------------------------------------------------------------- methods

/** Methods of replies: templates, tone of voice, approval, sending (merged into contract.ts). */
export const replyMethods = {
  'replies.templates.list': query(
    z
      .object({
        /** Words in name, category, description or text. */
        search: z.string().max(200).optional(),
        category: z.string().optional(),
        lang: ReplyLang.optional(),
      })
      .strict(),
    z.array(Template),
    'Templates by category and name, optionally searched.',
  ),
  'replies.templates.get': query(z.object({ id: Id }).strict(), Template, 'One template.'),
  'replies.templates.save': command(
    SaveTemplateInput,
    Template,
    'Create or change a template; a syntax error (invalid_input) names the variant, line and column.',
  ),
  'replies.templates.delete': command(
    z.object({ id: Id, operator: Operator }).strict(),
    z.object({ deleted: z.boolean() }),
    'Remove a template (sent replies keep its name).',
  ),
  'replies.snippets.list': query(Empty, z.array(Snippet), 'Snippets (partials) by name and language.'),
  'replies.snippets.save': command(
    SaveSnippetInput,
    Snippet,
    'Create or change a snippet; a syntax error names line and column, a name taken in that language is a conflict.',
  ),
  'replies.snippets.delete': command(
    z.object({ id: Id, operator: Operator }).strict(),
    z.object({ deleted: z.boolean() }),
    'Remove a snippet; refused (conflict) while a template uses it.',
  ),
  'replies.library.export': query(Empty, LibraryFile, 'The library (templates, snippets, tone rules) as JSON.'),
  'replies.library.import': command(
    z
      .object({
        /** The parsed JSON file; checked here so a mistake names its path (templates[2].variants[0].body). */
        library: z.unknown(),
        /** merge: add new, update same-named; replace: the file becomes the library. */
        mode: z.enum(['merge', 'replace']).default('merge'),
        /** Also take the file's tone rules. */
        includeTone: z.boolean().default(false),
        operator: Operator,
      })
      .strict(),
    ImportOutcome,
    'Import a shared library; nothing changes when any part of the file is wrong.',
  ),
  'replies.tone.get': query(Empty, ToneSettings, 'The tone-of-voice rules in force.'),
  'replies.tone.save': command(
    z.object({ rules: z.array(ToneRule), operator: Operator }).strict(),
    ToneSettings,
    'Replace the tone rules; a bad pattern names the rule and field.',
  ),
  'replies.tone.reset': command(
    z.object({ preset: TonePreset, operator: Operator }).strict(),
    ToneSettings,
    "Start again from a preset: 'public' (Dutch u, formal English) or 'brand' (je, informal English).",
  ),
  'replies.tone.presets': query(
    Empty,
    z.array(z.object({ preset: TonePreset, rules: z.array(ToneRule) })),
    'The shipped rule sets, for comparison and testing in Settings.',
  ),
  'replies.tone.check': query(
    z.object({ text: z.string().max(20_000), context: ToneContext, rules: z.array(ToneRule).optional() }).strict(),
    z.array(ToneFinding),
    'Check a text against the rules in force (or the given rules): the same check the engine runs before sending.',
  ),
  'replies.approval.get': query(Empty, ApprovalRules, 'When a reply needs approval.'),
  'replies.approval.save': command(
    ApprovalRules.extend({ operator: Operator }).strict(),
    ApprovalRules,
    'Change when a reply needs approval.',
  ),
  'replies.compose': query(
    z.object({ mentionId: Id, operator: Operator }).strict(),
    ComposeInfo,
    "What the composer needs for a mention: variable values, the channel's limit, how it sends, a draft to continue.",
  ),
  'replies.suggest': query(
    z.object({ mentionId: Id, limit: z.number().int().min(1).max(20).default(5) }).strict(),
    z.array(TemplateSuggestion),
    'Likely templates for a mention (topic, question or complaint, language, keywords, earlier replies to similar mentions).',
  ),
  'replies.render': query(
    RenderInput,
    RenderOutcome,
    'Fill a template for a mention; missing required variables are named and block insertion.',
  ),
  'replies.saveDraft': command(SaveDraftInput, Reply, "Keep the composer's text as a draft."),
  'replies.discard': command(
    z.object({ id: Id, operator: Operator }).strict(),
    z.object({ discarded: z.boolean() }),
    'Throw away a draft or a rejected reply.',
  ),
  'replies.send': command(
    SendInput,
    SendOutcome,
    'Check the tone again, then send through the connector, queue for approval, or hand over for manual sending.',
  ),
  'replies.review': command(
    ReviewInput,
    SendOutcome,
    'A second operator approves (optionally edited; it is then sent) or rejects with a comment.',
  ),
  'replies.retry': command(
    z.object({ id: Id, operator: Operator }).strict(),
    SendOutcome,
    'Send a failed reply again; a reply that reached the channel is never posted twice.',
  ),
  'replies.markSent': command(
    z.object({ id: Id, operator: Operator, externalUrl: z.string().url().optional() }).strict(),
    Reply,
    'Confirm a reply sent by hand (copy and open the post) was posted.',
  ),
  'replies.get': query(z.object({ id: Id }).strict(), Reply, 'One reply.'),
  'replies.forMention': query(
    z.object({ mentionId: Id }).strict(),
    z.array(Reply),
    "A mention's replies, oldest first (the thread shows the sent ones as our replies).",
  ),
  'replies.list': query(
    ListRepliesInput,
    z.object({ total: z.number().int(), rows: z.array(ReplyListRow) }),
    'Replies by state, newest first: the approval queue, failed and sent replies.',
  ),
  'replies.audit': query(
    z.object({ replyId: Id.optional(), mentionId: Id.optional() }).strict(),
    z.array(ReplyAuditEntry),
    'The audit trail of a reply or of all replies to a mention, oldest first.',
  ),
  'replies.kpis': query(
    KpiInput,
    KpiReport,
    'First-response and resolution times (median, p90, share within target) per period and operator.',
  ),
} as const;
