/**
 * A share card as a palette PNG. A card is drawn in a few colours on one background, so each of its
 * pixels is the background, one of the colours, or an anti-aliased edge between the background and
 * one colour. Sixteen colours hold it: the background and a few steps towards each colour. Stored as
 * 4 bits a pixel, the card takes about a third of the bytes of the full-colour PNG and looks the same.
 * Imports nothing of the site, so that a worker thread runs it as it is (draw-card.ts).
 */
import { crc32, deflateSync } from 'node:zlib';

/** Red, green, blue (0–255). */
export type Rgb = readonly [number, number, number];

/** A colour the card is drawn in, and how many steps from the background to it the palette holds (the last step is the colour itself). */
export interface Ramp {
  color: string;
  steps: number;
}

/** The colours of a card: the background and the ramps towards each colour drawn on it. */
export interface CardColors {
  background: string;
  ramps: Ramp[];
}

/**
 * How far (in RGB units) a pixel may lie from every blend of the background with one colour and
 * still be a card pixel. Anti-aliasing rounds each channel on its own, which strays a few units
 * from the blend; a pixel further away is a colour the palette does not foresee.
 */
const OFF_RAMP_TOLERANCE = 12;

export function hexColor(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1], 16), parseInt(match[2], 16), parseInt(match[3], 16)];
}

/** The background, then for each ramp its steps from the background towards its colour. */
export function paletteOf({ background, ramps }: CardColors): Rgb[] {
  const page = hexColor(background);
  const entries: Rgb[] = [page];
  for (const { color, steps } of ramps) {
    const ink = hexColor(color);
    for (let step = 1; step <= steps; step++) {
      entries.push(page.map((channel, index) => Math.round(channel + ((ink[index] - channel) * step) / steps)) as unknown as Rgb);
    }
  }
  if (entries.length > 256) throw new Error(`a palette holds at most 256 colours, not ${entries.length}`);
  return entries;
}

const squared = (a: Rgb, b: Rgb) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;

/** Distance from a colour to the straight line of blends between the background and a colour. */
function distanceToBlend(pixel: Rgb, page: Rgb, ink: Rgb): number {
  const direction = [ink[0] - page[0], ink[1] - page[1], ink[2] - page[2]];
  const length = direction[0] ** 2 + direction[1] ** 2 + direction[2] ** 2;
  const along = length === 0 ? 0 : Math.min(1, Math.max(0, ((pixel[0] - page[0]) * direction[0] + (pixel[1] - page[1]) * direction[1] + (pixel[2] - page[2]) * direction[2]) / length));
  return Math.sqrt(squared(pixel, [page[0] + along * direction[0], page[1] + along * direction[1], page[2] + along * direction[2]]));
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const framed = Buffer.alloc(typeAndData.length + 8);
  framed.writeUInt32BE(data.length, 0);
  typeAndData.copy(framed, 4);
  framed.writeUInt32BE(crc32(typeAndData) >>> 0, framed.length - 4);
  return framed;
}

/**
 * zlib's effort. On the site's cards level 7 takes 40 % of the time of level 8 for 3 % more bytes,
 * and level 9 three times the time of 8 for half a percent fewer: a large collection draws tens of
 * thousands of cards, so the build's time weighs more than those bytes.
 */
export const DEFLATE_LEVEL = 7;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The picture (opaque RGBA rows, as resvg renders them) as a PNG of the card's palette, each pixel
 * the nearest colour of it; undefined when a pixel is not a card pixel (see OFF_RAMP_TOLERANCE) or
 * not opaque, and the picture needs its full colours.
 */
export function palettePng(rgba: Uint8Array, width: number, height: number, colors: CardColors, level = DEFLATE_LEVEL): Buffer | undefined {
  const palette = paletteOf(colors);
  const page = hexColor(colors.background);
  const inks = colors.ramps.map((ramp) => hexColor(ramp.color));
  const bits = palette.length <= 2 ? 1 : palette.length <= 4 ? 2 : palette.length <= 16 ? 4 : 8;
  const perByte = 8 / bits;
  const rowBytes = Math.ceil(width / perByte);
  // A pixel read as one number (its four bytes), so that runs of one colour cost a comparison each.
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  // The palette index of each colour met, or -1 for a colour that is no card pixel.
  const indexOf = new Map<number, number>();
  const classify = (pixel: number): number => {
    const at = pixel * 4;
    const color: Rgb = [rgba[at], rgba[at + 1], rgba[at + 2]];
    if (rgba[at + 3] !== 255 || Math.min(...inks.map((ink) => distanceToBlend(color, page, ink))) > OFF_RAMP_TOLERANCE) return -1;
    let nearest = 0;
    for (let candidate = 1; candidate < palette.length; candidate++) if (squared(color, palette[candidate]) < squared(color, palette[nearest])) nearest = candidate;
    return nearest;
  };
  // Each row: filter type 0 (none, the best for palette pictures), then the packed indexes.
  const rows = Buffer.alloc((rowBytes + 1) * height);
  let previous = -1;
  let index = 0;
  for (let y = 0; y < height; y++) {
    let at = y * (rowBytes + 1) + 1;
    let byte = 0;
    let filled = 0;
    for (let x = 0, pixel = y * width; x < width; x++, pixel++) {
      const value = pixels[pixel];
      if (value !== previous) {
        let known = indexOf.get(value);
        if (known === undefined) indexOf.set(value, (known = classify(pixel)));
        if (known < 0) return undefined;
        index = known;
        previous = value;
      }
      byte = (byte << bits) | index;
      if (++filled === perByte) {
        rows[at++] = byte;
        byte = 0;
        filled = 0;
      }
    }
    if (filled > 0) rows[at] = byte << (bits * (perByte - filled));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bits;
  header[9] = 3; // colour type 3: indexed
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(palette.flat())),
    chunk('IDAT', deflateSync(rows, { level })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
