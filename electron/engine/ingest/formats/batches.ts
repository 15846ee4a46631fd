import type { ParsedBatch, ParsedMention, Reject } from './types';
import { rejectReason, type RejectReason } from './reject-reason';
import { errorText } from './values';

export const DEFAULT_BATCH_SIZE = 1000;

/** Collects mentions and rejects into batches, so big files flow through the pipeline in chunks. */
export class BatchCollector {
  private mentions: ParsedMention[] = [];
  private rejects: Reject[] = [];
  private recordsRead = 0;

  constructor(private readonly size: number = DEFAULT_BATCH_SIZE) {}

  add(mention: ParsedMention): void {
    this.mentions.push(mention);
    this.recordsRead += 1;
  }

  reject(recordNo: number, raw: string, why: RejectReason): void {
    this.rejects.push({ recordNo, raw, reason: why.reason, code: why.code, params: why.params });
    this.recordsRead += 1;
  }

  get full(): boolean {
    return this.mentions.length + this.rejects.length >= this.size;
  }

  get empty(): boolean {
    return this.mentions.length + this.rejects.length === 0;
  }

  take(): ParsedBatch {
    const batch = { mentions: this.mentions, rejects: this.rejects, recordsRead: this.recordsRead };
    this.mentions = [];
    this.rejects = [];
    return batch;
  }
}

/** Batches a list of per-record outcomes: the shape of every format that reads its whole file. */
export function* batchesOf<T>(
  records: readonly T[],
  size: number | undefined,
  convert: (record: T, recordNo: number, out: BatchCollector) => void,
): Generator<ParsedBatch> {
  const out = new BatchCollector(size);
  for (const [index, record] of records.entries()) {
    try {
      convert(record, index + 1, out);
    } catch (err) {
      // A shape nobody foresaw must cost one record, never the whole file.
      const place = { unit: 'record', no: index + 1 } as const;
      const detail = errorText(err);
      out.reject(
        index + 1,
        JSON.stringify(record) ?? String(record),
        rejectReason('unreadable', place, `record ${index + 1} could not be read: ${detail}`, { detail }),
      );
    }
    if (out.full) yield out.take();
  }
  if (!out.empty) yield out.take();
}

/** Reads a whole parse into memory: for small files, previews and tests. */
export async function collectBatches(
  batches: AsyncIterable<ParsedBatch>,
): Promise<{ mentions: ParsedMention[]; rejects: Reject[]; batches: number }> {
  const result = { mentions: [] as ParsedMention[], rejects: [] as Reject[], batches: 0 };
  for await (const batch of batches) {
    result.mentions.push(...batch.mentions);
    result.rejects.push(...batch.rejects);
    result.batches += 1;
  }
  return result;
}
