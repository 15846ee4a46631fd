import type { Channel } from '../../../../shared/domain/mention';
import { WatchpostError } from '../../../../shared/api/result';
import { DEFAULT_BATCH_SIZE } from './batches';
import type { ParseOptions } from './types';

/** The one error a parser throws: the file as a whole cannot be read as this format. */
export function unreadable(fileName: string, why: string): WatchpostError {
  return new WatchpostError('invalid_input', `${fileName}: ${why}`);
}

export interface CommonOptions {
  fileName: string;
  fetchedAt: number;
  batchSize: number;
  timeZone: string;
  channel: Channel;
}

export function commonOptions(options: ParseOptions): CommonOptions {
  const timeZone = options.timeZone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new WatchpostError(
      'invalid_input',
      `unknown time zone '${timeZone}' (use an IANA name such as Europe/Amsterdam)`,
    );
  }
  return {
    fileName: options.fileName,
    fetchedAt: options.fetchedAt ?? Date.now(),
    batchSize: Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE),
    timeZone,
    channel: options.channel ?? 'file',
  };
}
