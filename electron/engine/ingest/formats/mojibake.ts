import { isUtf8 } from 'node:buffer';

/**
 * Facebook's exports write each UTF-8 byte as its own `\u00XX` escape, so "ø" arrives as "Ã¸".
 * A string whose characters all fit in one byte and whose bytes form valid multi-byte UTF-8 is
 * decoded again; anything else (real Latin-1 text such as "café") is left alone.
 */
export function repairMojibake(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\u0080-\u00ff]/.test(text) || /[^\u0000-\u00ff]/.test(text)) return text;
  const bytes = Buffer.from(text, 'latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : text;
}

/** Repairs every string in a parsed JSON value, keys included. */
export function repairMojibakeDeep(value: unknown): unknown {
  if (typeof value === 'string') return repairMojibake(value);
  if (Array.isArray(value)) return value.map(repairMojibakeDeep);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [repairMojibake(key), repairMojibakeDeep(inner)]),
    );
  }
  return value;
}
