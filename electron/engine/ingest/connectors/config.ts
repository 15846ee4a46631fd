import { WatchpostError } from '../../../../shared/api/result';
import type { SecretBox } from '../../secrets/secret-box';
import { SourceError } from './errors';
import type { Connector } from './types';

type Secrets = Record<string, string | undefined>;

/**
 * Settings as the settings form sends them. Secrets arrive in plain text here and nowhere else:
 * a string sets (or replaces) a credential, `null` removes it, leaving it out keeps the stored one.
 */
export type SourceConfigInput = Record<string, unknown> & { secrets?: Record<string, string | null | undefined> };

/**
 * Validates the settings for a source of this kind and seals its credentials, giving the config to
 * store in `sources.config`. Pass the stored config as `previous` when editing, so an unchanged
 * credential does not have to be typed again.
 */
export function sealSourceConfig<Config>(
  connector: Connector<Config>,
  input: SourceConfigInput,
  box: SecretBox,
  previous?: { secrets?: Secrets } | null,
): Config {
  const secrets: Secrets = { ...previous?.secrets };
  for (const [name, value] of Object.entries(input.secrets ?? {})) {
    if (!connector.secretFields.includes(name)) {
      throw new WatchpostError('invalid_input', `a ${connector.kind} source has no credential called '${name}'`);
    }
    if (value === null || value === '') delete secrets[name];
    else if (value !== undefined) secrets[name] = box.seal(value.trim());
  }
  const parsed = connector.configSchema.safeParse({ ...input, secrets });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`);
    throw new WatchpostError(
      'invalid_input',
      `the ${connector.kind} source's settings are not valid: ${problems.join('; ')}`,
    );
  }
  return parsed.data;
}

/** The config as the settings screen may show it: which credentials are set, never their text. */
export function publicSourceConfig(config: Record<string, unknown>): Record<string, unknown> {
  const secrets = (config.secrets ?? {}) as Secrets;
  return {
    ...config,
    secrets: Object.fromEntries(Object.entries(secrets).map(([name, sealed]) => [name, Boolean(sealed)])),
  };
}

/** Opens one sealed credential for a poll; a missing or unreadable one is a settings problem. */
export function openSecret(box: SecretBox, secrets: Secrets | undefined, name: string, what: string): string {
  const sealed = secrets?.[name];
  if (!sealed) throw new SourceError('config', `no ${what} is set: add it in the source's settings`);
  try {
    return box.open(sealed);
  } catch (err) {
    throw new SourceError(
      'config',
      `the stored ${what} cannot be used: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

/** Like openSecret, for credentials a source may go without (e.g. a token on a public timeline). */
export function openOptionalSecret(
  box: SecretBox,
  secrets: Secrets | undefined,
  name: string,
  what: string,
): string | null {
  return secrets?.[name] ? openSecret(box, secrets, name, what) : null;
}
