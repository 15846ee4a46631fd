import { z } from 'zod';
import { Language, SentimentLabel } from '../domain/mention';
import { JobInfo } from './events';

/**
 * Schemas of Settings → Analysis (the workspace lexicon, the model learnt from corrections) and of the
 * mention detail's explanation and sentiment correction.
 */

/** Who did it, for the correction history and the audit log; the renderer sends its operator name. */
export const OperatorName = z.string().trim().min(1, 'give your name').max(80).default('operator');

/** A word or phrase as the lexicon keys it: lower case, single spaces. */
export const LexiconTerm = z
  .string()
  .trim()
  .min(1, 'type a word or phrase')
  .max(60, 'a lexicon entry has at most 60 characters')
  .transform((term) => term.toLowerCase().replace(/\s+/g, ' '))
  .refine((term) => /^[\p{L}\p{N}][\p{L}\p{N}'’ -]*$/u.test(term), {
    message:
      'a lexicon entry has letters, digits, spaces, hyphens or apostrophes only, e.g. "storing" or "geen bereik"',
  });

export const LexiconWeight = z
  .number()
  .min(-4, 'a weight is at least -4 (extremely negative)')
  .max(4, 'a weight is at most +4 (extremely positive)');

export const LexiconEntry = z.object({
  term: z.string(),
  weight: z.number(),
  /** What the built-in lexicons say about the word without this entry (null: unknown to them). */
  builtIn: z.object({ nl: z.number().nullable(), en: z.number().nullable() }),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string(),
});
export type LexiconEntry = z.infer<typeof LexiconEntry>;

export const SaveLexiconInput = z.object({ term: LexiconTerm, weight: LexiconWeight, operator: OperatorName }).strict();
export const DeleteLexiconInput = z.object({ term: LexiconTerm, operator: OperatorName }).strict();

/** A lexicon change answers with the entry list as it now is and the job that re-scores history. */
export const LexiconChanged = z.object({ entries: z.array(LexiconEntry), rescore: JobInfo });

export const AdaptiveStatus = z.object({
  /** Corrections the workspace has (one per mention: the latest label counts). */
  corrections: z.number().int(),
  /** Corrections the stored model was trained on. */
  trainedOn: z.number().int(),
  /** The model decides labels once it has this many corrections; below, the lexicon decides alone. */
  minimum: z.number().int(),
  active: z.boolean(),
  trainedAt: z.iso.datetime().nullable(),
});
export type AdaptiveStatus = z.infer<typeof AdaptiveStatus>;

export const CorrectSentimentInput = z
  .object({
    id: z.number().int().positive(),
    /** The label the operator chose, or null to go back to the automatic label. */
    label: SentimentLabel.nullable(),
    operator: OperatorName,
  })
  .strict();

export const SentimentCorrection = z.object({
  at: z.iso.datetime(),
  operator: z.string(),
  /** The label that counted before (null: the mention had none). */
  from: SentimentLabel.nullable(),
  /** The label the operator chose (null: back to the automatic label). */
  to: SentimentLabel.nullable(),
});
export type SentimentCorrection = z.infer<typeof SentimentCorrection>;

export const PriorityFactor = z.object({
  factor: z.enum(['question', 'complaint', 'reach', 'negative', 'urgent']),
  points: z.number().int(),
  evidence: z.string(),
});
export type PriorityFactor = z.infer<typeof PriorityFactor>;

/** Why a mention has its sentiment and priority, computed now from its text. */
export const MentionExplanation = z.object({
  id: z.number().int(),
  lang: Language,
  sentiment: z.object({
    /** The label every panel counts: the correction when there is one. */
    label: SentimentLabel.nullable(),
    /** The automatic label as stored. */
    automatic: SentimentLabel.nullable(),
    score: z.number().nullable(),
    override: SentimentLabel.nullable(),
    /** The analyzer's verdict on the text now (lexicon and model as they are today). */
    now: z.object({ label: SentimentLabel, score: z.number() }),
    /** The lexicon's own verdict on the text now (before the workspace model). */
    lexicon: z.object({ label: SentimentLabel, score: z.number() }),
    /** True when the workspace model (learnt from corrections) decides the label for this text. */
    adapted: z.boolean(),
    /** Words, emoji and hashtags that counted, with what each added (±4 scale). */
    hits: z.array(z.object({ text: z.string(), valence: z.number() })),
  }),
  priority: z.object({
    /** The priority worked out now from the factors below. */
    score: z.number().int(),
    /** The priority stored on the mention (the inbox sorts on it); differs when it was set by older rules. */
    stored: z.number().int(),
    factors: z.array(PriorityFactor),
  }),
  corrections: z.array(SentimentCorrection),
});
export type MentionExplanation = z.infer<typeof MentionExplanation>;
