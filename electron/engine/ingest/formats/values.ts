import { createHash } from 'node:crypto';

/** Lenient readers for JSON from outside: a wrong type reads as "absent", never as a crash. */
export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty string; numbers count too, because exports write ids both ways. */
export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  return null;
}

/** A finite number from a number or a numeric string (X archives write counts as strings). */
export function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** Follows a dotted path (`user.name`, `entities.urls.0.url`). A key that itself contains the dots wins. */
export function getPath(record: unknown, path: string): unknown {
  const object = asObject(record);
  if (object && path in object) return object[path];
  let current: unknown = record;
  for (const key of path.split('.')) {
    if (Array.isArray(current)) current = /^\d+$/.test(key) ? current[Number(key)] : undefined;
    else current = asObject(current)?.[key];
    if (current === undefined) return undefined;
  }
  return current;
}

/** Stable id for records that carry none, so importing the same file twice adds nothing. */
export function contentHash(prefix: string, content: string): string {
  return `${prefix}:${createHash('sha256').update(content).digest('hex').slice(0, 24)}`;
}

/** Shortens outside text for an error message, keeping it on one line. */
export function quote(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const line = text.replace(/\s+/g, ' ');
  return `'${line.length > max ? `${line.slice(0, max)}…` : line}'`;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
