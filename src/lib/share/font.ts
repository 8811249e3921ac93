/**
 * Noto Sans SC, the font of the share images, from the `@fontsource/noto-sans-sc` npm package (SIL
 * OFL 1.1): which characters it draws, and the few subset files a card's text needs (each read once).
 * No system font and no network is used.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontFile } from './draw-card';
import { woffCodePoints } from './woff-cmap';

/** The font family a card is set in. */
export const FAMILY = 'Noto Sans SC';

type Weight = 400 | 700;

const require = createRequire(import.meta.url);
const fontDir = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));

interface Subset {
  /** The part of the file name: "119", "latin", … */
  name: string;
  ranges: [number, number][];
  /** The characters the file has glyphs for (read when first asked): a range may promise more than the file holds. */
  glyphs?: Set<number>;
}

let subsets: Subset[] | undefined;

/** The font's subsets from its unicode.json; the numbered CJK slices first, the most common characters (highest number) first. */
function fontSubsets(): Subset[] {
  if (subsets) return subsets;
  const table = JSON.parse(readFileSync(join(fontDir, 'unicode.json'), 'utf8')) as Record<string, string>;
  subsets = Object.entries(table)
    .map(([key, value]) => ({
      name: key.replace(/^\[(\d+)\]$/, '$1'),
      ranges: value.split(',').map((range): [number, number] => {
        const [from, to] = range.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(from, 16), parseInt(to ?? from, 16)];
      }),
    }))
    .sort((a, b) => (Number(b.name) || -1) - (Number(a.name) || -1));
  return subsets;
}

const covers = (subset: Subset, code: number) => subset.ranges.some(([from, to]) => code >= from && code <= to);

/** Whether the subset's file has a glyph for the character (the regular and the bold files have the same characters). */
function hasGlyphIn(subset: Subset, code: number): boolean {
  if (!covers(subset, code)) return false;
  subset.glyphs ??= woffCodePoints(readFileSync(fontFilePath(subset.name, 400)));
  return subset.glyphs.has(code);
}

/** The first subset (most common characters first) with a glyph for the character. */
function subsetFor(code: number): Subset | undefined {
  return fontSubsets().find((candidate) => hasGlyphIn(candidate, code));
}

/** Whether Noto Sans SC draws the character (spaces and control characters take no glyph). */
export function hasGlyph(char: string): boolean {
  const code = char.codePointAt(0)!;
  return code <= 0x20 || subsetFor(code) !== undefined;
}

/** The subset files that together hold a glyph for each character of `content` that has one. */
export function fontSubsetsFor(content: string): string[] {
  const chosen: Subset[] = [];
  for (const char of new Set(content)) {
    const code = char.codePointAt(0)!;
    if (code <= 0x20 || chosen.some((subset) => hasGlyphIn(subset, code))) continue;
    const subset = subsetFor(code);
    if (subset) chosen.push(subset);
  }
  return chosen.map((subset) => subset.name);
}

function fontFilePath(subset: string, weight: Weight): string {
  return join(fontDir, 'files', `noto-sans-sc-${subset}-${weight}-normal.woff`);
}

/** The faces (regular and bold, one family per subset) that draw `content`, as files. */
export function fontFilesFor(content: string): FontFile[] {
  const weights: Weight[] = [700, 400];
  // One family per slice: satori picks one face per family and weight, then falls back family by family.
  return weights.flatMap((weight) => fontSubsetsFor(content).map((name) => ({ name: `${FAMILY} ${name}`, weight, path: fontFilePath(name, weight) })));
}
