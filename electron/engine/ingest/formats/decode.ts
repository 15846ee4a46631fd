import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { ImportInput } from './types';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | (string & {});

export interface DetectedEncoding {
  encoding: Encoding;
  bom: boolean;
}

/**
 * What the bytes most likely are: a byte-order mark decides; otherwise UTF-8 if the bytes are valid
 * UTF-8, else Windows-1252 (what Excel on a Dutch or English Windows writes as "CSV").
 * Pass `complete: false` for a sample cut from a longer file: a character cut in half at the end is
 * not held against UTF-8.
 */
export function detectEncoding(bytes: Uint8Array, complete = true): DetectedEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const tail = complete ? 0 : 3;
  for (let cut = 0; cut <= Math.min(tail, bytes.length); cut++) {
    if (isUtf8(bytes.subarray(0, bytes.length - cut))) return { encoding: 'utf-8', bom: false };
  }
  return { encoding: 'windows-1252', bom: false };
}

export function isKnownEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}

/** Decodes a whole file; a byte-order mark is dropped. */
export function decodeText(bytes: Buffer, encoding?: Encoding): string {
  return iconv.decode(bytes, encoding ?? detectEncoding(bytes).encoding);
}

async function* chunksOf(input: ImportInput): AsyncIterable<Buffer> {
  if (Buffer.isBuffer(input)) {
    yield input;
    return;
  }
  for await (const chunk of input) yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

export async function readAll(input: ImportInput): Promise<Buffer> {
  if (Buffer.isBuffer(input)) return input;
  const parts: Buffer[] = [];
  for await (const chunk of chunksOf(input)) parts.push(chunk);
  return Buffer.concat(parts);
}

/** The first bytes of an input (to detect encoding and layout) and the input again from the start. */
export interface PeekedInput {
  head: Buffer;
  /** True when `head` is the whole file. */
  complete: boolean;
  chunks: AsyncIterable<Buffer>;
}

export async function peek(input: ImportInput, size = 64 * 1024): Promise<PeekedInput> {
  if (Buffer.isBuffer(input)) {
    return { head: input.subarray(0, size), complete: input.length <= size, chunks: chunksOf(input) };
  }
  const iterator = chunksOf(input)[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    length += next.value.length;
  }
  async function* replay(): AsyncIterable<Buffer> {
    yield* seen;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: Buffer.concat(seen).subarray(0, size), complete: done, chunks: replay() };
}

/** Decodes chunk by chunk, so a character split across two chunks comes out whole. */
export async function* decodeChunks(chunks: AsyncIterable<Buffer>, encoding: Encoding): AsyncIterable<string> {
  const decoder = iconv.getDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
