import type { FieldMapping, FormatId, ImportPreview, MappingPreset } from '../../../../shared/api/imports';
import type { Channel } from '../../../../shared/domain/mention';

/** What the operator chose in the wizard; anything left out is what the engine detects or suggests. */
export interface ReadChoices {
  format?: FormatId;
  mapping?: FieldMapping;
  channel?: Channel;
  timeZone: string;
  accountHandle: string;
}

/** Formats whose files do not say whose posts they are: the wizard asks for the account. */
export const NEEDS_ACCOUNT: readonly FormatId[] = ['x-archive', 'facebook'];

export function isTable(format: FormatId | null | undefined): format is 'csv' | 'json' | 'ndjson' {
  return format === 'csv' || format === 'json' || format === 'ndjson';
}

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Zones offered for times written without one; the machine's own first. */
export function timeZones(): string[] {
  return [...new Set([localTimeZone(), 'Europe/Amsterdam', 'Europe/Brussels', 'Europe/London', 'UTC'])];
}

/** The request for preview and import: exactly what the preview showed is what gets imported. */
export function readRequest(choices: ReadChoices, preview?: ImportPreview | null) {
  const format = preview?.format ?? choices.format;
  return {
    format,
    mapping: isTable(format) ? (preview?.table?.mapping ?? choices.mapping) : undefined,
    channel: isTable(format) ? choices.channel : undefined,
    timeZone: choices.timeZone,
    // Until the engine has said which format it is, the account goes along; other formats ignore it.
    accountHandle: !format || NEEDS_ACCOUNT.includes(format) ? choices.accountHandle.trim() || undefined : undefined,
  };
}

export function withPreset(choices: ReadChoices, preset: MappingPreset): ReadChoices {
  return {
    ...choices,
    mapping: preset.mapping,
    channel: preset.channel ?? choices.channel,
    timeZone: preset.timeZone ?? choices.timeZone,
  };
}
