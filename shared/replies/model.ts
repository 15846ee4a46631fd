import { z } from 'zod';
import { Channel } from '../domain/mention';

/**
 * Domain schemas of replies in one voice (DESIGN §7): templates and snippets, tone rules and their
 * findings, approval rules and replies. Pure data shapes, shared by the engine, the API contract and the renderer.
 */

/** The two reply languages a template can have a variant for. */
export const ReplyLang = z.enum(['nl', 'en']);
export type ReplyLang = z.infer<typeof ReplyLang>;

/** A template variant's length class: `short` for X/Bluesky/Mastodon, `long` for e-mail-like channels. */
export const VariantKind = z.enum(['short', 'long']);
export type VariantKind = z.infer<typeof VariantKind>;

/** A dotted variable path as used in a template: `author.name`, `case.number`, `question`. */
export const VariablePath = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'a variable is written like author.name');

/** What a template says about one of its variables: required or not, and a default used when it has no value. */
export const TemplateVariable = z
  .object({
    name: VariablePath,
    required: z.boolean().default(false),
    /** Used when the mention or operator gives no value; null: none. */
    default: z.string().max(500).nullable().default(null),
  })
  .strict();
export type TemplateVariable = z.infer<typeof TemplateVariable>;

/** One text of a template for one language and length class. */
export const TemplateVariant = z
  .object({
    lang: ReplyLang,
    kind: VariantKind,
    body: z.string().min(1, 'a variant needs text').max(10_000),
  })
  .strict();
export type TemplateVariant = z.infer<typeof TemplateVariant>;

/** Kinds of mention a template fits, for suggestions. */
export const Intent = z.enum(['question', 'complaint', 'praise', 'other']);
export type Intent = z.infer<typeof Intent>;

/** A template as stored and shown in the library. */
export const Template = z.object({
  id: z.number().int(),
  name: z.string(),
  category: z.string(),
  description: z.string(),
  variants: z.array(TemplateVariant),
  variables: z.array(TemplateVariable),
  /** Kinds of mention the template answers (suggestions); empty: any. */
  intents: z.array(Intent),
  /** Topics (ids) the template belongs to (suggestions); empty: any. */
  topicIds: z.array(z.number().int()),
  /** Words that, found in a mention, make the template a likely answer (suggestions). */
  keywords: z.array(z.string()),
  /** How often it was used in a sent reply. */
  uses: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Template = z.infer<typeof Template>;

/** A reusable piece of text (greeting, sign-off, privacy notice), included in templates as `{{> name}}`. */
export const Snippet = z.object({
  id: z.number().int(),
  /** The partial name: letters, digits, `-` and `_`. */
  name: z.string(),
  lang: ReplyLang,
  description: z.string(),
  body: z.string(),
  updatedAt: z.iso.datetime(),
});
export type Snippet = z.infer<typeof Snippet>;

export const SnippetName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'a snippet name has lower-case letters, digits, - and _ (e.g. greeting)');

// ---------------------------------------------------------------- tone of voice

export const Severity = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof Severity>;

/** Which replies a rule looks at: a language (or any) and optionally only some channels. */
const RuleBase = {
  /** Stable id, unique within the rule set (findings name it). */
  id: z.string().trim().min(1).max(60),
  enabled: z.boolean().default(true),
  severity: Severity,
  lang: z.enum(['nl', 'en', 'any']).default('any'),
  /** Only these channels; empty: all. */
  channels: z.array(Channel).default([]),
  /** The organisation's own explanation, shown beside the built-in one. */
  note: z.string().max(500).default(''),
};

/** Dutch form of address: the organisation says `u`/`uw` or `je`/`jij`/`jouw`, never both. */
export const AddressRule = z.object({ ...RuleBase, kind: z.literal('address'), form: z.enum(['u', 'je']) }).strict();

/** English register: `formal` flags casual words (hey, gonna, thx); `informal` flags stiff phrases (hereby, kindly). */
export const RegisterRule = z
  .object({ ...RuleBase, kind: z.literal('register'), register: z.enum(['formal', 'informal']) })
  .strict();

export const BannedPhrase = z
  .object({
    phrase: z.string().trim().min(1).max(200),
    /** Suggested wording; the one-click fix puts it in. Null: no fix, only the warning. */
    alternative: z.string().max(200).nullable().default(null),
  })
  .strict();
export type BannedPhrase = z.infer<typeof BannedPhrase>;

/** Words and phrases the organisation does not use, each with a suggested alternative. */
export const BannedRule = z
  .object({ ...RuleBase, kind: z.literal('banned'), phrases: z.array(BannedPhrase).max(2000) })
  .strict();

/** The reply must open (greeting) or close (sign-off) with one of these patterns (case-insensitive regular expressions). */
export const GreetingRule = z
  .object({
    ...RuleBase,
    kind: z.enum(['greeting', 'signoff']),
    patterns: z.array(z.string().min(1).max(300)).min(1, 'give at least one pattern'),
    /** Text the one-click fix inserts (may hold {{variables}} already filled by the composer). Empty: no fix. */
    insert: z.string().max(300).default(''),
  })
  .strict();

/** Maximum length per channel, counted as the channel counts. */
export const LengthRule = z
  .object({
    ...RuleBase,
    kind: z.literal('length'),
    /** Limits per channel; a channel without one uses the channel's own limit (X 280, Bluesky 300, Mastodon 500). */
    limits: z.partialRecord(Channel, z.number().int().positive()).default({}),
  })
  .strict();

export const EmojiRule = z
  .object({
    ...RuleBase,
    kind: z.literal('emoji'),
    policy: z.enum(['none', 'max', 'allowed']),
    max: z.number().int().min(0).default(1),
    allowed: z.array(z.string()).default([]),
  })
  .strict();

/** At most `max` exclamation marks in a reply, never two in a row. */
export const ExclamationRule = z
  .object({ ...RuleBase, kind: z.literal('exclamation'), max: z.number().int().min(0) })
  .strict();

/** Words in capitals of at least `minLength` letters read as shouting; `allow` lists acronyms that are fine. */
export const ShoutingRule = z
  .object({
    ...RuleBase,
    kind: z.literal('shouting'),
    minLength: z.number().int().min(2).default(4),
    allow: z.array(z.string()).default([]),
  })
  .strict();

/** Long sentences and a reading-ease band (Flesch-Douma for Dutch, Flesch for English). */
export const ReadabilityRule = z
  .object({
    ...RuleBase,
    kind: z.literal('readability'),
    maxSentenceWords: z.number().int().min(5).default(25),
    /** Lowest acceptable reading ease (0–100, higher is easier); checked on replies of at least 30 words. */
    minReadingEase: z.number().min(0).max(100).default(50),
  })
  .strict();

export const PRIVACY_KINDS = ['phone', 'email', 'iban', 'bsn'] as const;
export const PrivacyKind = z.enum(PRIVACY_KINDS);
export type PrivacyKind = z.infer<typeof PrivacyKind>;

/** Personal data in a public reply: phone numbers, e-mail addresses, IBANs, BSN-like numbers. */
export const PrivacyRule = z
  .object({
    ...RuleBase,
    kind: z.literal('privacy'),
    detect: z.array(PrivacyKind).default([...PRIVACY_KINDS]),
    /** The organisation's own public contact details, which may appear (e.g. 14 020, info@gemeente.nl). */
    allow: z.array(z.string()).default([]),
  })
  .strict();

export const ToneRule = z.discriminatedUnion('kind', [
  AddressRule,
  RegisterRule,
  BannedRule,
  GreetingRule,
  LengthRule,
  EmojiRule,
  ExclamationRule,
  ShoutingRule,
  ReadabilityRule,
  PrivacyRule,
]);
export type ToneRule = z.infer<typeof ToneRule>;
export type ToneRuleInput = z.input<typeof ToneRule>;
export const TONE_RULE_KINDS = [
  'address',
  'register',
  'banned',
  'greeting',
  'signoff',
  'length',
  'emoji',
  'exclamation',
  'shouting',
  'readability',
  'privacy',
] as const;
export type ToneRuleKind = (typeof TONE_RULE_KINDS)[number];

/** The presets the rules ship with: a Dutch public organisation (u) and a brand (je), both with English rules. */
export const TonePreset = z.enum(['public', 'brand']);
export type TonePreset = z.infer<typeof TonePreset>;

/** The organisation's tone of voice: the rules in force and the preset they started from. */
export const ToneSettings = z.object({
  preset: TonePreset,
  rules: z.array(ToneRule),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.string().nullable(),
});
export type ToneSettings = z.infer<typeof ToneSettings>;

/** What a reply is checked for: its channel and language, and whether it is public. */
export const ToneContext = z
  .object({
    channel: Channel,
    lang: ReplyLang,
    /** A public reply (not a direct message): personal data must not be in it. */
    public: z.boolean().default(true),
  })
  .strict();
export type ToneContext = z.infer<typeof ToneContext>;

/** A one-click fix: replace [start, end) of the text with `replacement`. */
export const ToneFix = z.object({ start: z.number().int(), end: z.number().int(), replacement: z.string() });
export type ToneFix = z.infer<typeof ToneFix>;

/**
 * One thing the tone guard found. Offsets are UTF-16 code units in the checked text ([start, end)).
 * `messageKey` is an i18n key (`tone.finding.<...>`) whose text takes `params`; `explanationKey` explains the rule.
 */
export const ToneFinding = z.object({
  ruleId: z.string(),
  kind: z.enum(TONE_RULE_KINDS),
  severity: Severity,
  start: z.number().int(),
  end: z.number().int(),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  explanationKey: z.string(),
  /** The rule's own note from Settings, if any. */
  note: z.string(),
  fix: ToneFix.optional(),
});
export type ToneFinding = z.infer<typeof ToneFinding>;

// ---------------------------------------------------------------- approval and replies

/** When a reply needs a second pair of eyes before it is sent. */
export const ApprovalRules = z
  .object({
    enabled: z.boolean().default(true),
    /** A negative mention whose reach is above this needs approval; null: reach alone never does. */
    negativeReachAbove: z.number().int().min(0).nullable().default(1000),
    /** Mentions tagged with any of these topics need approval. */
    flaggedTopicIds: z.array(z.number().int().positive()).default([]),
    /** A reply sent with any tone warning left needs approval. */
    anyWarning: z.boolean().default(true),
  })
  .strict();
export type ApprovalRules = z.infer<typeof ApprovalRules>;

/** Why a reply went to approval. */
export const SensitiveReason = z.object({
  kind: z.enum(['negative_reach', 'flagged_topic', 'tone_warning']),
  /** Reach, topic name or number of warnings, for the message. */
  detail: z.string(),
});
export type SensitiveReason = z.infer<typeof SensitiveReason>;

/** A reply's life: draft → pending_approval → approved → sending → sent | failed; a rejected reply goes back to its author. */
export const REPLY_STATES = ['draft', 'pending_approval', 'rejected', 'approved', 'sending', 'sent', 'failed'] as const;
export const ReplyState = z.enum(REPLY_STATES);
export type ReplyState = z.infer<typeof ReplyState>;

/** How a reply leaves: through the channel's connector, or copied by the operator who confirms it was sent. */
export const SendMode = z.enum(['connector', 'manual']);
export type SendMode = z.infer<typeof SendMode>;

export const Reply = z.object({
  id: z.number().int(),
  mentionId: z.number().int(),
  state: ReplyState,
  text: z.string(),
  lang: ReplyLang,
  channel: Channel,
  sendMode: SendMode,
  templateId: z.number().int().nullable(),
  templateName: z.string().nullable(),
  /** Tone findings when it was submitted / sent (what the operator sent it with). */
  toneFindings: z.array(ToneFinding),
  sensitiveReasons: z.array(SensitiveReason),
  operator: z.string(),
  approver: z.string().nullable(),
  reviewComment: z.string().nullable(),
  /** The posted reply's id and address on the channel, once sent. */
  externalId: z.string().nullable(),
  externalUrl: z.string().nullable(),
  /** The last send error, kept while the reply is failed. */
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  sentAt: z.iso.datetime().nullable(),
});
export type Reply = z.infer<typeof Reply>;
