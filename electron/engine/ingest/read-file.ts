import { createReadStream } from 'node:fs';

/** Streams a file in 256 KB chunks, telling `onBytes` how much each chunk held (an import's progress). */
export async function* readCounting(file: string, onBytes: (bytes: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
    onBytes((chunk as Buffer).length);
    yield chunk as Buffer;
  }
}
