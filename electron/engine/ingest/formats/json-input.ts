import { decodeChunks, decodeText, detectEncoding, peek, readAll } from './decode';
import { unreadable } from './options';
import type { ImportInput } from './types';
import { errorText } from './values';
import { rejectReason, type RejectReason } from './reject-reason';

/** JSON.parse's complaint in words a person can find in an editor: "at line 3, column 5". */
export function describeJsonError(err: unknown, text: string): string {
  const message = errorText(err).replace(/, ".*" is not valid JSON$/s, '');
  const at = /at position (\d+)/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return message.replace(/ in JSON at position \d+.*$/, '') + ` at line ${line}, column ${column}`;
}

/** Parses a whole JSON file, or throws the one clear error for the file. */
export function parseJsonDocument(text: string, fileName: string): unknown {
  if (text.trim() === '') throw unreadable(fileName, 'the file is empty');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw unreadable(fileName, `this is not valid JSON: ${describeJsonError(err, text)}`);
  }
}

/** Reads and decodes a whole file (UTF-8, UTF-16 with a byte-order mark, else Windows-1252). */
export async function readText(input: ImportInput): Promise<string> {
  return decodeText(await readAll(input));
}

export interface JsonLine {
  lineNo: number;
  text: string;
}

/** Streams the non-blank lines of a file, numbered as an editor numbers them. */
export async function* readLines(input: ImportInput): AsyncIterable<JsonLine> {
  const peeked = await peek(input);
  const { encoding } = detectEncoding(peeked.head, peeked.complete);
  let pending = '';
  let lineNo = 0;
  for await (const chunk of decodeChunks(peeked.chunks, encoding)) {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      lineNo += 1;
      if (line.trim() !== '') yield { lineNo, text: line.trim() };
    }
  }
  if (pending.trim() !== '') yield { lineNo: lineNo + 1, text: pending.trim() };
}

/** JSON parsed from one line, or the reason it cannot be. */
export function parseJsonLine(line: JsonLine): { value: unknown } | RejectReason {
  try {
    return { value: JSON.parse(line.text) };
  } catch (err) {
    const detail = describeJsonError(err, line.text);
    const reason = `line ${line.lineNo} is not valid JSON: ${detail}`;
    return rejectReason('json_invalid', { unit: 'line', no: line.lineNo }, reason, { detail });
  }
}
