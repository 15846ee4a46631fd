import type { LiveSource, SourceKind } from '../../../../shared/api/sources';

/** What a field's problem is; the form shows `sources.form.errors.<key>`. */
export type FieldError = 'required' | 'url' | 'hashtag' | 'channelId' | 'videoId' | 'lang' | 'interval';

export type FormValues = Record<string, string>;

export interface FieldSpec {
  /** The settings key, or a credential's name under `secrets`, or a choice only the form has (`target`). */
  name: string;
  type: 'text' | 'url' | 'select' | 'secret';
  options?: readonly string[];
  /** Shown only when this holds for the current values. */
  when?: (values: FormValues) => boolean;
  required?: boolean;
  check?: (value: string) => FieldError | null;
  /** Only the form knows it: never sent. */
  formOnly?: boolean;
}

const isUrl = (value: string): FieldError | null => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'url';
  } catch {
    return 'url';
  }
};
const matches =
  (pattern: RegExp, error: FieldError) =>
  (value: string): FieldError | null =>
    pattern.test(value) ? null : error;

/** The fields of each kind, in the order the form shows them; the engine checks them again. */
const KIND_FIELDS: Record<SourceKind, readonly FieldSpec[]> = {
  rss: [
    { name: 'url', type: 'url', required: true, check: isUrl },
    { name: 'channel', type: 'select', options: ['rss', 'forum'] },
  ],
  mastodon: [
    { name: 'instance', type: 'url', required: true, check: isUrl },
    { name: 'timeline', type: 'select', options: ['hashtag', 'search', 'account'] },
    {
      name: 'hashtag',
      type: 'text',
      required: true,
      when: (v) => v.timeline === 'hashtag',
      check: matches(/^#?[\p{L}\p{N}_]+$/u, 'hashtag'),
    },
    { name: 'query', type: 'text', required: true, when: (v) => v.timeline === 'search' },
    { name: 'account', type: 'text', required: true, when: (v) => v.timeline === 'account' },
    { name: 'accessToken', type: 'secret' },
  ],
  bluesky: [
    { name: 'query', type: 'text', required: true },
    { name: 'identifier', type: 'text', required: true },
    { name: 'appPassword', type: 'secret', required: true },
    { name: 'lang', type: 'text', check: matches(/^[a-z]{2,3}$/, 'lang') },
    { name: 'service', type: 'url', check: isUrl },
  ],
  youtube: [
    { name: 'target', type: 'select', options: ['channel', 'video'], formOnly: true },
    {
      name: 'channelId',
      type: 'text',
      required: true,
      when: (v) => v.target !== 'video',
      check: matches(/^UC[\w-]{22}$/, 'channelId'),
    },
    {
      name: 'videoId',
      type: 'text',
      required: true,
      when: (v) => v.target === 'video',
      check: matches(/^[\w-]{11}$/, 'videoId'),
    },
    { name: 'apiKey', type: 'secret', required: true },
  ],
  webhook: [],
};

/** Kinds that are polled have an interval; a webhook waits to be called. */
export function isPolled(kind: SourceKind): boolean {
  return kind !== 'webhook';
}

export function visibleFields(kind: SourceKind, values: FormValues): FieldSpec[] {
  return KIND_FIELDS[kind].filter((field) => !field.when || field.when(values));
}

/** The form's starting values: a new source's defaults, or what an existing source has stored. */
export function initialValues(kind: SourceKind, source?: LiveSource): FormValues {
  const values: FormValues = { name: source?.name ?? '', interval: '' };
  for (const field of KIND_FIELDS[kind]) values[field.name] = field.options?.[0] ?? '';
  if (!source) return values;
  const stored = source.settings;
  for (const field of KIND_FIELDS[kind]) {
    const value = stored[field.name];
    if (field.type !== 'secret' && (typeof value === 'string' || typeof value === 'number'))
      values[field.name] = String(value);
  }
  if (kind === 'youtube') values.target = typeof stored.videoId === 'string' ? 'video' : 'channel';
  if (source.intervalSeconds) values.interval = String(Math.round(source.intervalSeconds / 60));
  return values;
}

/** Which credentials an existing source has stored (they are never shown, only whether they are set). */
export function storedSecrets(source?: LiveSource): Record<string, boolean> {
  const secrets = source?.settings.secrets;
  return typeof secrets === 'object' && secrets !== null ? (secrets as Record<string, boolean>) : {};
}

/** Problems per field name; empty when the form may be sent. */
export function validate(
  kind: SourceKind,
  values: FormValues,
  stored: Record<string, boolean> = {},
): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  if (!values.name?.trim()) errors.name = 'required';
  for (const field of visibleFields(kind, values)) {
    const value = values[field.name]?.trim() ?? '';
    if (value === '') {
      const needed =
        field.required || (kind === 'mastodon' && field.name === 'accessToken' && values.timeline === 'search');
      if (needed && !(field.type === 'secret' && stored[field.name])) errors[field.name] = 'required';
    } else {
      const problem = field.check?.(value);
      if (problem) errors[field.name] = problem;
    }
  }
  const interval = values.interval?.trim() ?? '';
  if (isPolled(kind) && interval !== '' && !(/^\d+$/.test(interval) && Number(interval) >= 1))
    errors.interval = 'interval';
  return errors;
}

/** The settings as `sources.add` / `sources.update` take them: typed credentials under `secrets`, the rest plain. */
export function settingsFrom(kind: SourceKind, values: FormValues): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  for (const field of visibleFields(kind, values)) {
    const value = values[field.name]?.trim() ?? '';
    if (field.formOnly || value === '') continue;
    if (field.type === 'secret') secrets[field.name] = value;
    else settings[field.name] = value;
  }
  const interval = values.interval?.trim();
  if (isPolled(kind) && interval) settings.intervalSeconds = Number(interval) * 60;
  if (Object.keys(secrets).length > 0) settings.secrets = secrets;
  return settings;
}
