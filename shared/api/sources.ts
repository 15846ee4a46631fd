import { z } from 'zod';
import { RejectCode, RejectParams } from './imports';

/** Schemas of Settings → Sources: live sources, their health, and the webhook door. */

export const SOURCE_KINDS = ['rss', 'mastodon', 'bluesky', 'youtube', 'webhook'] as const;
export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

export const SourceHealth = z.enum(['ok', 'backing_off', 'failing']);
export type SourceHealth = z.infer<typeof SourceHealth>;

export const LiveSource = z.object({
  id: z.number().int(),
  kind: SourceKind,
  name: z.string(),
  paused: z.boolean(),
  health: SourceHealth,
  lastSuccessAt: z.iso.datetime().nullable(),
  /** In plain words, with when the next try is. */
  lastError: z.string().nullable(),
  nextCheckAt: z.iso.datetime().nullable(),
  checking: z.boolean(),
  intervalSeconds: z.number().int().nullable(),
  /** The settings as stored, with each credential shown only as set (true) or not (false). */
  settings: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
});
export type LiveSource = z.infer<typeof LiveSource>;

/**
 * Settings as the form sends them, checked by the engine against the kind's own rules. Credentials go
 * under `secrets`: a text sets one, null removes it, leaving it out keeps the stored one.
 */
const SourceSettingsInput = z.record(z.string(), z.unknown());

const SourceName = z.string().trim().min(1, 'give the source a name').max(100);
const SourceId = z.object({ id: z.number().int().positive() }).strict();

export const AddSourceInput = z
  .object({ kind: SourceKind, name: SourceName, settings: SourceSettingsInput.default({}) })
  .strict();

export const UpdateSourceInput = z
  .object({
    id: z.number().int().positive(),
    name: SourceName.optional(),
    settings: SourceSettingsInput.optional(),
    /** Webhook sources: issue a new token; the old one stops working at once. */
    renewToken: z.boolean().optional(),
  })
  .strict();

/** A webhook token is shown once, in this answer, and never again. */
export const SavedSource = z.object({ source: LiveSource, webhookToken: z.string().nullable() });

export const SourceIdInput = SourceId;

/** The mentions a removed source brought in stay in the inbox. */
export const DeletedSource = z.object({ id: z.number().int() });

export const CheckOutcome = z.object({
  source: LiveSource,
  result: z.enum(['stored', 'not_modified', 'error', 'waiting', 'skipped']),
  mentions: z.number().int(),
  rejects: z.number().int(),
});

export const WebhookInput = z.object({ token: z.string().min(1).max(200), body: z.unknown() }).strict();

export const WebhookOutcome = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  /** Each bad mention: the reason in English, and as a stable code with its parameters for a program to act on. */
  rejects: z.array(
    z.object({
      record: z.number().int(),
      reason: z.string(),
      code: RejectCode.nullable(),
      params: RejectParams.nullable(),
    }),
  ),
});
