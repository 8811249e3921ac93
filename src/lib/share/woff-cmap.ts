/**
 * The characters a WOFF 1.0 font has glyphs for, read from its `cmap` table (formats 4 and 12,
 * the two that Unicode fonts use). Enough to know before drawing whether a character would come
 * out as an empty box; nothing else of the font is read.
 */
import { inflateSync } from 'node:zlib';

/** The code points that map to a real glyph (not glyph 0, `.notdef`). */
export function woffCodePoints(woff: Buffer): Set<number> {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const cmap = woffTable(woff, 'cmap');
  if (!cmap) throw new Error('the font has no cmap table');
  // Encoding records: prefer full Unicode (format 12), then the Basic Multilingual Plane (format 4).
  const offsets = new Map<string, number>();
  for (let index = 0; index < cmap.readUInt16BE(2); index++) {
    const record = 4 + 8 * index;
    offsets.set(`${cmap.readUInt16BE(record)}/${cmap.readUInt16BE(record + 2)}`, cmap.readUInt32BE(record + 4));
  }
  const offset = ['3/10', '0/4', '0/6', '3/1', '0/3'].map((key) => offsets.get(key)).find((value) => value !== undefined);
  if (offset === undefined) throw new Error('the font has no Unicode cmap subtable');
  const format = cmap.readUInt16BE(offset);
  if (format === 12) return format12(cmap, offset);
  if (format === 4) return format4(cmap, offset);
  throw new Error(`cmap subtable format ${format} is not supported`);
}

/** A table of the font, inflated when stored compressed. */
function woffTable(woff: Buffer, tag: string): Buffer | undefined {
  for (let index = 0; index < woff.readUInt16BE(12); index++) {
    const entry = 44 + 20 * index;
    if (woff.toString('latin1', entry, entry + 4) !== tag) continue;
    const offset = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const data = woff.subarray(offset, offset + compressed);
    return compressed < length ? inflateSync(data) : data;
  }
  return undefined;
}

/** Segmented coverage: groups of consecutive characters with consecutive glyphs. */
function format12(cmap: Buffer, offset: number): Set<number> {
  const codes = new Set<number>();
  const groups = cmap.readUInt32BE(offset + 12);
  for (let group = 0; group < groups; group++) {
    const at = offset + 16 + 12 * group;
    const start = cmap.readUInt32BE(at);
    const end = cmap.readUInt32BE(at + 4);
    const glyph = cmap.readUInt32BE(at + 8);
    for (let code = start; code <= end; code++) if (glyph + code - start !== 0) codes.add(code);
  }
  return codes;
}

/** Segment mapping to delta values: the BMP. */
function format4(cmap: Buffer, offset: number): Set<number> {
  const codes = new Set<number>();
  const segments = cmap.readUInt16BE(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let segment = 0; segment < segments; segment++) {
    const end = cmap.readUInt16BE(ends + 2 * segment);
    const start = cmap.readUInt16BE(starts + 2 * segment);
    const delta = cmap.readInt16BE(deltas + 2 * segment);
    const rangeOffset = cmap.readUInt16BE(rangeOffsets + 2 * segment);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        glyph = cmap.readUInt16BE(rangeOffsets + 2 * segment + rangeOffset + 2 * (code - start));
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) codes.add(code);
    }
  }
  return codes;
}
