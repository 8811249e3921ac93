import { readFileSync } from 'node:fs';
import type { ContentProblem } from './content-error';

/** A content file's text, or why it cannot be read as UTF-8 text (then the file is not parsed at all). */
export type ReadResult = { text: string; problem?: undefined } | { text?: undefined; problem: Omit<ContentProblem, 'file'> };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/**
 * Reads a content file as UTF-8 without byte-order mark. An editor that saves with a BOM or in
 * GBK would otherwise get a misleading error (a missing frontmatter, a bracket, a YAML key).
 */
export function readContentFile(path: string): ReadResult {
  const bytes = readFileSync(path);
  const field = '(encoding)';
  if (startsWith(bytes, UTF8_BOM)) {
    return { problem: { line: 1, field, message: 'the file starts with a UTF-8 byte-order mark: save it as UTF-8 without BOM' } };
  }
  if (UTF16_BOMS.some((bom) => startsWith(bytes, bom))) {
    return { problem: { line: 1, field, message: 'the file is UTF-16: save it as UTF-8' } };
  }
  const valid = validUtf8Length(bytes);
  if (valid < bytes.length) {
    return { problem: { line: lineAt(bytes, valid), field, message: 'the file is not valid UTF-8 (GBK?): save it as UTF-8' } };
  }
  return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The length of the longest prefix that is valid UTF-8 (a character cut off at its end counts as valid). */
function validUtf8Length(bytes: Uint8Array): number {
  const decodes = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  if (decodes(bytes.length)) {
    // The whole file may still end inside a character.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return bytes.length;
    } catch {
      return bytes.length - 1;
    }
  }
  // Validity of a prefix only shrinks as it grows: search for the longest valid one.
  let low = 0;
  let high = bytes.length;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (decodes(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/** The 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}
