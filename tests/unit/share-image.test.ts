import { Resvg } from '@resvg/resvg-js';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fontSubsetsFor } from '../../src/lib/share/font';
import { MISSING_CHARACTER, MissingGlyphError, drawableText } from '../../src/lib/share/glyphs';
import { CardPool, cardThreads } from '../../src/lib/share/card-pool';
import { drawCard, resvgOptions } from '../../src/lib/share/draw-card';
import { palettePng } from '../../src/lib/share/palette-png';
import {
  cardColors,
  clauseCard,
  drawShareImages,
  issuersLine,
  policyCard,
  renderShareImage,
  renderSvg,
  SHARE_IMAGE_HEIGHT,
  SHARE_IMAGE_WIDTH,
  sharePathLabel,
  shareImageJob,
  shareImageTree,
  type ShareCard,
} from '../../src/lib/share/image';
import { shareImagePath } from '../../src/lib/site/urls';
import type { Ministry } from '../../src/schemas/ministry';
import type { Policy } from '../../src/schemas/policy';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which must come first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The chunks of a PNG of the given type, in order. */
function pngChunks(png: Buffer, type: string): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === type) chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return chunks;
}

/**
 * The pixels of a PNG as resvg (8-bit RGB or RGBA) or palette-png.ts (indexed, 1 to 8 bits) writes
 * it, not interlaced, as a function of x and y giving [r, g, b].
 */
function pngPixels(png: Buffer): (x: number, y: number) => [number, number, number] {
  const { width, height } = pngSize(png);
  const [depth, colorType, , , interlace] = png.subarray(24, 29);
  expect(interlace).toBe(0);
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : colorType === 3 ? 1 : Number.NaN;
  expect(channels, `colour type ${colorType}`).not.toBeNaN();
  expect(colorType === 3 ? [1, 2, 4, 8] : [8]).toContain(depth);
  const raw = inflateSync(Buffer.concat(pngChunks(png, 'IDAT')));
  // Filters work on bytes, with the previous pixel's byte (at least one byte back) as "left".
  const bytesPerPixel = Math.max(1, (channels * depth) / 8);
  const stride = Math.ceil((width * channels * depth) / 8);
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const value = raw[y * (stride + 1) + 1 + i];
      const left = i >= bytesPerPixel ? pixels[y * stride + i - bytesPerPixel] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i] : 0;
      const upLeft = y > 0 && i >= bytesPerPixel ? pixels[(y - 1) * stride + i - bytesPerPixel] : 0;
      const paeth = () => {
        const estimate = left + up - upLeft;
        const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
        return a <= b && a <= c ? left : b <= c ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, filter === 4 ? paeth() : 0][filter];
      pixels[y * stride + i] = (value + predictor) & 0xff;
    }
  }
  if (colorType === 3) {
    const palette = pngChunks(png, 'PLTE')[0];
    const perByte = 8 / depth;
    return (x, y) => {
      const byte = pixels[y * stride + Math.floor(x / perByte)];
      const index = (byte >> (8 - depth * (1 + (x % perByte)))) & ((1 << depth) - 1);
      if (index * 3 + 2 >= palette.length) throw new Error(`palette index ${index} at ${x},${y} is past the palette's ${palette.length / 3} colours`);
      return [palette[index * 3], palette[index * 3 + 1], palette[index * 3 + 2]];
    };
  }
  return (x, y) => {
    const at = y * stride + x * channels;
    return [pixels[at], pixels[at + 1], pixels[at + 2]];
  };
}

/** How many pixels of a rectangle are ink (the dark text colour, not the page or the grey lines). */
function inkPixels(png: Buffer, box: { left: number; top: number; right: number; bottom: number }): number {
  const pixel = pngPixels(png);
  let count = 0;
  for (let y = box.top; y < box.bottom; y++) for (let x = box.left; x < box.right; x++) if (pixel(x, y).every((value) => value < 96)) count++;
  return count;
}

/** Where a one-line document title is drawn: the middle of the card, inside the margins. */
const titleArea = { left: 80, top: 200, right: 1120, bottom: 420 };

function ministry(id: string, name: string, shortNames: string[] = []): Ministry {
  return { id, name, shortNames, aliases: [], nameEn: id, abbreviations: [], kind: 'ministry' };
}

const policy: Policy = {
  title: '有色金属行业稳增长工作方案',
  officialTitle: '七部门关于印发《有色金属行业稳增长工作方案》的通知',
  documentNumber: '工信部联原〔2023〕130号',
  reportDate: '2023-08',
  issuers: ['miit', 'ndrc', 'mof', 'mnr', 'mofcom', 'gacc', 'nfsra'],
  issuersComplete: true,
  topics: ['alloys-lightweighting'],
  status: { state: 'unknown', asOf: '2026-11', basis: '测试。' },
  notes: [],
  clauses: [
    {
      id: 'consumption-applications',
      heading: '促进优质产品消费应用',
      topics: ['alloys-lightweighting'],
      text: '促进优质产品消费应用。聚焦铜、铝、硅、镁等，加强上下游对接，扩大材料及产品应用领域、规模及层次；鼓励企业探索开发镁合金建筑模板，并围绕新能源汽车、光伏等需求，加快开发并推广镁合金轮毂等产品；',
    },
  ],
  narrative: [{ id: 'report-narrative', text: '测试。' }],
};

const issuers = [
  ministry('miit', '工业和信息化部', ['工信部']),
  ministry('ndrc', '国家发展和改革委员会', ['国家发展改革委']),
  ministry('mof', '财政部'),
  ministry('mnr', '自然资源部'),
  ministry('mofcom', '商务部'),
  ministry('gacc', '海关总署'),
  ministry('nfsra', '国家粮食和物资储备局', ['国家粮食和储备局']),
];

const documentCard = policyCard(policy, issuers, '/policies/2023-nonferrous-stable-growth/');
const clause = clauseCard(policy, policy.clauses[0], '/policies/2023-nonferrous-stable-growth/#consumption-applications');

describe('share images', () => {
  it('draws a document as a 1200×630 PNG', async () => {
    expect(documentCard.meta).toBe('工信部联原〔2023〕130号 · 2023年8月 · 工信部等七部门');
    const png = await renderShareImage(documentCard);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it('draws a clause as a 1200×630 PNG', async () => {
    const png = await renderShareImage(clause);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it('loads the font slices of every character, across unicode subsets, and draws each glyph', async () => {
    // CJK from several numbered slices, CJK brackets, Latin digits and letters, the middle dot, the ellipsis.
    const text = '镁合金〔2023〕Mg·…《》，鼎';
    const slices = fontSubsetsFor(text);
    expect(slices.length).toBeGreaterThanOrEqual(4);
    // Renders with no missing glyph (renderSvg throws MissingGlyphError otherwise).
    const card: ShareCard = { kind: 'policy', title: text, meta: text, path: '/' };
    const svg = await renderSvg(shareImageTree(card));
    // Text is drawn as outlines, so real glyphs are paths with many points.
    expect(svg).toMatch(/<path[^>]* d="M[^"]{200,}/);
  });

  it('refuses a character neither the font nor a fallback draws, naming the document, the field and the character', async () => {
    // Tibetan is in no slice; Hangul 한 is in a slice's unicode-range but not in its glyphs.
    for (const [char, code] of [['ཀ', 'U+0F40'], ['한', 'U+D55C']]) {
      const card: ShareCard = { ...policyCard({ ...policy, id: '2023-nonferrous-stable-growth', title: `镁${char}` }, issuers, '/') };
      const error = await renderShareImage(card).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MissingGlyphError);
      const message = (error as Error).message;
      expect(message).toContain('policy "2023-nonferrous-stable-growth"');
      expect(message).toContain(`title: "${char}" (${code})`);
      // The message is all there is: no stack trace into the drawing code.
      expect((error as Error).stack).toBe(message);
    }
    const clauseError = (await renderShareImage(
      clauseCard({ ...policy, id: '2023-nonferrous-stable-growth' }, { ...policy.clauses[0], heading: '镁한' }, '/'),
    ).catch((caught: unknown) => caught)) as Error;
    expect(clauseError.message).toContain('policy "2023-nonferrous-stable-growth", clause "consumption-applications"');
    expect(clauseError.message).toContain('clause heading: "한" (U+D55C)');
  });

  describe('characters the font lacks', () => {
    const card = (title: string): ShareCard => ({ kind: 'policy', title, meta: '', path: '/' });

    it('draws a subscript as its plain form (CO₂ as CO2), where the text is', async () => {
      expect(drawableText('CO₂排放').text).toBe('CO2排放');
      const subscript = await renderShareImage(card('CO₂排放'));
      expect(pngSize(subscript)).toEqual({ width: 1200, height: 630 });
      // Not blank where the text is: the title area holds ink, more than without the 2.
      const withTwo = inkPixels(subscript, titleArea);
      const withoutTwo = inkPixels(await renderShareImage(card('CO排放')), titleArea);
      expect(withTwo).toBeGreaterThan(withoutTwo);
      expect(withoutTwo).toBeGreaterThan(1000);
      // The same picture as the plain digit.
      expect(subscript.equals(await renderShareImage(card('CO2排放')))).toBe(true);
      // Other sub- and superscripts and compatibility forms the font lacks.
      expect(drawableText('PM₂.₅ xⁿ Ⅲ').text).toBe('PM2.5 xn III');
    });

    it('draws a CJK Extension B character as 〓, visibly, and says so', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      try {
        expect(drawableText('镁𠀀').text).toBe(`镁${MISSING_CHARACTER}`);
        const extensionB = await renderShareImage({ ...card('镁𠀀合金'), source: { policyId: '2023-x' } });
        expect(extensionB.equals(await renderShareImage(card(`镁${MISSING_CHARACTER}合金`)))).toBe(true);
        expect(inkPixels(extensionB, titleArea)).toBeGreaterThan(inkPixels(await renderShareImage(card('镁合金')), titleArea));
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('policy "2023-x": title: Noto Sans SC has no glyph for "𠀀" (U+20000)'));
      } finally {
        warn.mockRestore();
      }
    });

    it('leaves out invisible characters (zero-width space, word joiner, byte-order mark)', async () => {
      expect(drawableText('镁​合⁠金﻿').text).toBe('镁合金');
      const zeroWidth = await renderShareImage(card('镁​合金'));
      expect(zeroWidth.equals(await renderShareImage(card('镁合金')))).toBe(true);
    });

    it('never touches a character the font has (full-width forms, the ellipsis, the ideographic space)', () => {
      const text = '（２０２３）…　〔2023〕１３０号 m³ ① ㎏ x⁴';
      expect(drawableText(text)).toEqual({ text, substituted: [], undrawable: [] });
    });
  });

  it('draws a different picture for a glyph than for nothing', async () => {
    const blank = await renderShareImage({ kind: 'policy', title: '　', meta: '', path: '/' });
    const magnesium = await renderShareImage({ kind: 'policy', title: '镁', meta: '', path: '/' });
    expect(magnesium.equals(blank)).toBe(false);
    expect(magnesium.length).toBeGreaterThan(blank.length);
  });

  it('cuts long text to its lines inside the margins, and draws it without a clip or a mask (each a layer of its own)', async () => {
    const long = policy.clauses[0].text.repeat(3);
    const address = `/policies/${'a-very-long-document-id-'.repeat(6)}/`;
    const cards: ShareCard[] = [
      { ...documentCard, title: long, meta: long, notice: '已被替代（2024年1月1日起）', path: address },
      { ...clause, documentTitle: long, heading: long, text: long, notice: '已被替代（2024年1月1日起）', path: `${address}#consumption-applications` },
    ];
    for (const card of cards) {
      expect(await renderSvg(shareImageTree(card))).not.toMatch(/ (mask|clip-path)="/);
      const png = await renderShareImage(card);
      expect(inkPixels(png, { left: SHARE_IMAGE_WIDTH - 80, top: 12, right: SHARE_IMAGE_WIDTH, bottom: SHARE_IMAGE_HEIGHT })).toBe(0);
    }
  });

  describe('cache', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'share-image-cache-'));
    afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

    it('keeps one file per content and never serves a stale picture', async () => {
      const first = await renderShareImage(clause, { cacheDir });
      const again = await renderShareImage(clause, { cacheDir });
      expect(again.equals(first)).toBe(true);
      expect(readdirSync(cacheDir)).toHaveLength(1);

      const edited = await renderShareImage({ ...clause, heading: '拓展国际市场' }, { cacheDir });
      expect(edited.equals(first)).toBe(false);
      expect(readdirSync(cacheDir)).toHaveLength(2);
      expect(edited.equals(await renderShareImage({ ...clause, heading: '拓展国际市场' }))).toBe(true);
    });
  });

  describe('size', () => {
    it('stores a card in 16 colours, 4 bits a pixel, a third of the full-colour PNG, and it looks the same', async () => {
      for (const card of [documentCard, clause]) {
        const png = await renderShareImage(card);
        expect(png.subarray(24, 26)).toEqual(Buffer.from([4, 3])); // bit depth 4, colour type 3 (indexed)
        expect(pngChunks(png, 'PLTE')[0].length / 3).toBeLessThanOrEqual(16);
        const fullColour = new Resvg(await renderSvg(shareImageTree(card)), resvgOptions(shareImageJob(card))).render().asPng();
        expect(png.length).toBeLessThan(fullColour.length / 2.5);
        // Pixel by pixel: the same picture but for the shades of anti-aliased edges.
        const [stored, drawn] = [pngPixels(png), pngPixels(fullColour)];
        let total = 0;
        let largest = 0;
        for (let y = 0; y < SHARE_IMAGE_HEIGHT; y++) {
          for (let x = 0; x < SHARE_IMAGE_WIDTH; x++) {
            const [a, b] = [stored(x, y), drawn(x, y)];
            const difference = Math.max(...a.map((value, channel) => Math.abs(value - b[channel])));
            total += difference;
            largest = Math.max(largest, difference);
          }
        }
        expect(largest).toBeLessThanOrEqual(40);
        expect(total / (SHARE_IMAGE_WIDTH * SHARE_IMAGE_HEIGHT)).toBeLessThan(1);
      }
    });

    it('keeps the full colours of a picture the palette does not foresee', async () => {
      const page = [0xfb, 0xfa, 0xf7, 255];
      const picture = (pixel: number[]) => Uint8Array.from([...page, ...pixel, ...page, ...page]);
      // The page and a step of the ink: a palette PNG whose pixels are those colours.
      const card = palettePng(picture([0x1c, 0x1b, 0x19, 255]), 2, 2, cardColors)!;
      expect(pngPixels(card)(1, 0)).toEqual([0x1c, 0x1b, 0x19]);
      expect(pngPixels(card)(0, 1)).toEqual([0xfb, 0xfa, 0xf7]);
      // A blue pixel is no blend of the page with a card colour; a transparent one has no colour alone.
      expect(palettePng(picture([0x20, 0x40, 0xff, 255]), 2, 2, cardColors)).toBeUndefined();
      expect(palettePng(picture([0x1c, 0x1b, 0x19, 128]), 2, 2, cardColors)).toBeUndefined();
      // A card drawn in a colour its palette lacks (here the ink) is stored in full colour (RGB or RGBA).
      const withoutInk = await drawCard({ ...shareImageJob(documentCard), colors: { ...cardColors, ramps: cardColors.ramps.slice(1) } });
      if (!('png' in withoutInk)) throw new Error(`not drawn: ${withoutInk.missing.join('')}`);
      expect([2, 6]).toContain(withoutInk.png[25]);
    });
  });

  describe('on worker threads', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'share-image-ahead-'));
    afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

    it('draws the same picture on a worker thread as in this one', async () => {
      const pool = new CardPool(2);
      const [onWorkers, here] = await Promise.all([Promise.all([documentCard, clause].map((card) => pool.draw(shareImageJob(card)))), Promise.all([renderShareImage(documentCard), renderShareImage(clause)])]);
      expect(onWorkers.map((drawn) => ('png' in drawn ? Buffer.from(drawn.png) : drawn))).toEqual(here);
    });

    it('draws a build’s cards into the cache, the same pictures as in this thread, and refuses at once a card it cannot draw', async () => {
      const files = await Promise.all(drawShareImages([documentCard, clause], cacheDir));
      expect(readFileSync(files[0]).equals(await renderShareImage(documentCard))).toBe(true);
      expect(readFileSync(files[1]).equals(await renderShareImage(clause))).toBe(true);
      expect(readdirSync(cacheDir).filter((name) => name.endsWith('.png'))).toHaveLength(2);
      // Cached: the same files, nothing drawn again.
      expect(await Promise.all(drawShareImages([documentCard, clause], cacheDir))).toEqual(files);
      expect(() => drawShareImages([documentCard, { ...documentCard, title: '镁ཀ', source: { policyId: '2023-x' } }], cacheDir)).toThrow(MissingGlyphError);
    });

    it('uses a worker per core unless SHARE_IMAGE_THREADS says how many', () => {
      expect(cardThreads(undefined)).toBeGreaterThanOrEqual(1);
      expect(cardThreads('0')).toBe(0);
      expect(cardThreads('3')).toBe(3);
      expect(() => cardThreads('two')).toThrow('SHARE_IMAGE_THREADS must be a whole number');
    });
  });

  it('names issuers briefly and prints the address', () => {
    expect(issuersLine(issuers.slice(0, 2), true)).toBe('工信部、国家发展改革委');
    expect(issuersLine(issuers.slice(0, 2), false)).toBe('工信部、国家发展改革委等');
    expect(issuersLine(issuers, true)).toBe('工信部等七部门');
    expect(issuersLine(issuers, false)).toBe('工信部等部门');
    expect(sharePathLabel('/policies/x/#a', undefined)).toBe('/policies/x/#a');
    expect(sharePathLabel('/policies/x/#a', new URL('https://mg.example.org'))).toBe('mg.example.org/policies/x/#a');
  });

  it('has one URL per document and per clause', () => {
    expect(shareImagePath('2023-nonferrous-stable-growth')).toBe('/og/policies/2023-nonferrous-stable-growth.png');
    expect(shareImagePath('2023-nonferrous-stable-growth', 'supply-capacity')).toBe('/og/policies/2023-nonferrous-stable-growth/supply-capacity.png');
  });
});
