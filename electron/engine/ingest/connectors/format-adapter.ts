import { collectBatches } from '../formats/batches';
import type { FormatParser, ParsedMention, Reject } from '../formats/types';

/**
 * Runs a file format's parser over one API page, so a polled post and an imported one are mapped
 * by the very same code (same ids, same text cleaning). The formats keep their record mappers
 * private; an API page is exactly the JSON document their parsers read, so this costs one
 * re-serialisation of at most a hundred posts. `offset` continues record numbers across pages.
 */
export async function mapPage(
  format: FormatParser,
  page: unknown,
  label: string,
  offset: number,
  fetchedAt: number,
): Promise<{ mentions: ParsedMention[]; rejects: Reject[] }> {
  const parsed = await collectBatches(
    format.parse(Buffer.from(JSON.stringify(page), 'utf8'), { fileName: label, fetchedAt }),
  );
  return {
    mentions: parsed.mentions,
    rejects: parsed.rejects.map((reject) => ({ ...reject, recordNo: reject.recordNo + offset })),
  };
}
