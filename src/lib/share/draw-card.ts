/**
 * Drawing one share card: its object tree → SVG (satori, text as outlines) → pixels (resvg) → a
 * palette PNG (palette-png.ts). It imports nothing of the site but that file (with its extension),
 * so that Node runs it as it is in a worker thread (draw-worker.ts) as well as in the build's thread.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import satori, { type Font } from 'satori';
import { palettePng, type CardColors } from './palette-png.ts';

/** A satori element: a React-like `{ type, props }` object (no JSX needed). */
export interface Box {
  type: string;
  props: { style?: Record<string, string | number>; children?: Box | string | (Box | string)[] };
}

/** A font file a card's text needs: the family name satori knows it by, its weight and where it is. */
export interface FontFile {
  name: string;
  weight: 400 | 700;
  path: string;
}

/** Everything that shapes a card's pixels, as plain data (it crosses to a worker thread). */
export interface DrawJob {
  tree: Box;
  width: number;
  height: number;
  fonts: FontFile[];
  colors: CardColors;
}

/** A drawn card, or the characters of its text that no font passed in draws. */
export type Drawn = { png: Uint8Array } | { missing: string[] };

/**
 * Every font file this thread has met, in one list that grows. Satori parses the fonts of a list
 * once and keeps them by the list's identity, so cards that share the list share the parsing;
 * a list per card would parse its fonts again for most cards. A character is in one subset file
 * of the font (glyphs alike in every file that has it), so the longer list draws the same picture.
 */
let fonts: Font[] = [];
const fontsMet = new Set<string>();

/** The fonts to draw a job with (read at once, so that cards drawn side by side never see the list half grown). */
function fontsOf(job: DrawJob): Font[] {
  const added = job.fonts.filter((font) => !fontsMet.has(font.path));
  if (added.length > 0) {
    for (const font of added) fontsMet.add(font.path);
    fonts = [...fonts, ...added.map(({ name, weight, path }) => ({ name, weight, style: 'normal' as const, data: readFileSync(path) }))];
  }
  return fonts;
}

export function resvgOptions(job: DrawJob): ResvgRenderOptions {
  return { fitTo: { mode: 'original' }, background: job.colors.background, font: { loadSystemFonts: false } };
}

/** The card as SVG, or the characters no font of the job draws. */
export async function cardSvg(job: DrawJob): Promise<{ svg: string } | { missing: string[] }> {
  const missing = new Set<string>();
  const svg = await satori(job.tree, {
    width: job.width,
    height: job.height,
    fonts: fontsOf(job),
    // Called for a run of text that no font passed in can draw.
    loadAdditionalAsset: async (_language, segment) => {
      for (const char of segment) if (char.trim()) missing.add(char);
      return [];
    },
  });
  return missing.size > 0 ? { missing: [...missing] } : { svg };
}

/** Draws the card as a PNG: in the card's palette, or in full colour if a pixel falls outside it. */
export async function drawCard(job: DrawJob): Promise<Drawn> {
  const drawn = await cardSvg(job);
  if ('missing' in drawn) return drawn;
  const image = new Resvg(drawn.svg, resvgOptions(job)).render();
  return { png: palettePng(image.pixels, image.width, image.height, job.colors) ?? image.asPng() };
}
