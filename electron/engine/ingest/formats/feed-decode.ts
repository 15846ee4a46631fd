import iconv from 'iconv-lite';
import { detectEncoding } from './decode';

/** The encoding a feed's first bytes announce: a byte-order mark, the UTF-16/32 shape of `<`, or none. */
function byteShape(b: Buffer): string | null {
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return 'utf-32be';
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return 'utf-32le';
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x00 && b[3] === 0x00) return 'utf-32le';
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0x00 && b[3] === 0x3c) return 'utf-32be';
  if (b[0] === 0x3c && b[1] === 0x00) return 'utf-16le';
  if (b[0] === 0x00 && b[1] === 0x3c) return 'utf-16be';
  return null;
}

/**
 * Decodes a feed file as XML says to (XML 1.0 appendix F): byte-order mark or byte shape first,
 * then the `encoding` of the XML declaration, else UTF-8 when the bytes are valid UTF-8 and
 * Windows-1252 when they are not. An unknown declared encoding falls back the same way.
 */
export function decodeFeed(bytes: Buffer): { text: string; encoding: string } {
  const shape = byteShape(bytes);
  if (shape) return { text: iconv.decode(bytes, shape), encoding: shape };
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(
    bytes.subarray(0, 300).toString('latin1'),
  )?.[1];
  if (declared && iconv.encodingExists(declared) && !/^utf-?(16|32)/i.test(declared)) {
    return { text: iconv.decode(bytes, declared), encoding: declared.toLowerCase() };
  }
  const { encoding } = detectEncoding(bytes);
  return { text: iconv.decode(bytes, encoding), encoding };
}
