import { z } from 'zod';
import type { Channel } from '../../../../shared/domain/mention';
import type { SecretBox } from '../../secrets/secret-box';
import type { ParsedMention, Reject } from '../formats/types';

/** What a poll may use from the outside world; tests inject their own. */
export interface PollContext {
  /** Defaults to the global fetch. */
  fetch: typeof fetch;
  /** Opens the credentials sealed in the source's config. */
  box: SecretBox;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Aborted when the poll times out or the scheduler stops. */
  signal: AbortSignal;
}

export interface PollResult<Cursor> {
  mentions: ParsedMention[];
  rejects: Reject[];
  /** Where the next poll starts; stored as JSON in `sources.cursor` once the mentions are stored. */
  cursor: Cursor | null;
  /** The server said nothing changed (HTTP 304): nothing to store. */
  notModified?: boolean;
}

/** A live source kind. One module each; the scheduler knows nothing about any of them. */
export interface Connector<Config = unknown, Cursor = unknown> {
  kind: string;
  /** The channel its mentions belong to (RSS may override per source: a civic forum is `forum`). */
  channel: Channel;
  /** The config as stored in `sources.config`: secrets in `secrets` are sealed, never plain. */
  configSchema: z.ZodType<Config>;
  /** Names under `config.secrets` the settings form asks for. */
  secretFields: readonly string[];
  /** What the cursor looks like; a cursor that no longer fits is treated as "start afresh". */
  cursorSchema: z.ZodType<Cursor>;
  defaultIntervalSeconds: number;
  poll(config: Config, cursor: Cursor | null, ctx: PollContext): Promise<PollResult<Cursor>>;
}

export const MIN_INTERVAL_SECONDS = 30;

/** Settings every source has: how often it is polled. */
export const baseConfig = z.object({
  intervalSeconds: z
    .number()
    .int()
    .min(MIN_INTERVAL_SECONDS)
    .max(7 * 24 * 3600)
    .optional(),
});

/** Sealed credentials, by name; see `config.ts` for sealing them. */
export const sealedSecrets = <const Names extends string>(names: readonly Names[]) =>
  z.object(
    Object.fromEntries(names.map((name) => [name, z.string().min(1).optional()])) as Record<
      Names,
      z.ZodOptional<z.ZodString>
    >,
  );

/** An http(s) address without credentials in it. */
export const httpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'must be an http(s) address, e.g. https://mastodon.social')
  .transform((value) => value.replace(/\/+$/, ''));
