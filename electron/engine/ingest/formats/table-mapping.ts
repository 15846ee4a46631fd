import { unreadable } from './options';
import type { FieldMapping } from './types';
import { MAPPABLE_FIELDS } from './types';

/** Refuses, before reading a single row, a mapping that cannot produce any mention. */
export function checkMapping(
  mapping: FieldMapping,
  columns: readonly string[],
  fileName: string,
  noun: 'column' | 'field',
): void {
  const list = columns.length > 0 ? columns.map((c) => `'${c}'`).join(', ') : '(none)';
  for (const field of ['text', 'createdAt'] as const) {
    if (!mapping[field]) {
      const what = field === 'text' ? 'the text' : 'the time';
      throw unreadable(fileName, `no ${noun} is mapped to ${what} of a mention; pick one of ${list}`);
    }
  }
  for (const [field, column] of Object.entries(mapping)) {
    if (!(MAPPABLE_FIELDS as readonly string[]).includes(field))
      throw unreadable(fileName, `the mapping names an unknown field '${field}'`);
    // JSON records differ per line, so a path absent from the sample may still exist further on.
    if (noun === 'column' && column !== undefined && !columns.includes(column)) {
      throw unreadable(fileName, `the mapping uses ${noun} '${column}' for ${field}, but the file has ${list}`);
    }
  }
}
