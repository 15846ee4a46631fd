import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WatchpostError } from '../../../../shared/api/result';
import { collectBatches } from './batches';
import { FORMATS } from './registry';
import type { FormatParser } from './types';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const reference = path.resolve(process.cwd(), '../shared/reference/social');
const realFiles = [
  ...readdirSync(fixtures).map((file) => path.join(fixtures, file)),
  ...[
    'twitter/tweets.js.excerpt_first6.js',
    'twitter/v1.1_get_status.json',
    'facebook/your_posts_1.json',
    'mastodon/status_example_from_docs.json',
  ].map((file) => path.join(reference, file)),
].map((file) => readFileSync(file));

/** The only acceptable failure: one invalid_input error that names the file. */
async function survives(format: FormatParser, bytes: Buffer): Promise<boolean> {
  try {
    const { mentions, rejects } = await collectBatches(format.parse(bytes, { fileName: 'input.bin', fetchedAt: 0 }));
    return (
      mentions.every((m) => typeof m.text === 'string' && Number.isFinite(m.createdAt)) &&
      rejects.every((r) => r.reason.length > 0)
    );
  } catch (err) {
    if (err instanceof WatchpostError && err.code === 'invalid_input' && err.message.startsWith('input.bin: '))
      return true;
    console.error(format.id, err);
    return false;
  }
}

describe('every format on bad input', () => {
  it.each(FORMATS.map((format) => [format.id, format] as const))(
    '%s never crashes on cut, shuffled or random input',
    async (_id, format) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
            fc.string({ maxLength: 300 }).map((text) => Buffer.from(text)),
            fc
              .tuple(fc.constantFrom(...realFiles), fc.nat(), fc.nat())
              .map(([file, a, b]) =>
                Buffer.concat([file.subarray(0, a % file.length), file.subarray((a + (b % 50)) % file.length)]),
              ),
            fc
              .tuple(fc.constantFrom(...realFiles), fc.nat())
              .map(([file, cut]) => file.subarray(0, cut % (file.length + 1))),
          ),
          (bytes) => survives(format, bytes),
        ),
        { numRuns: 150 },
      );
    },
  );

  it.each(FORMATS.map((format) => [format.id, format] as const))(
    '%s gives JSON of the wrong shape rejects or one clear error',
    async (_id, format) => {
      const odd = [
        'null',
        '42',
        '"tekst"',
        '[null, 1, "x", [], {}]',
        '{"data": null}',
        '{"posts": [null, {"uri": 5}]}',
        '[{"tweet": null}]',
      ];
      for (const text of odd) expect(await survives(format, Buffer.from(text))).toBe(true);
    },
  );
});
