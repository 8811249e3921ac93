import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fontSubsetsFor } from '../../src/lib/share/font';
import { MISSING_CHARACTER, MissingGlyphError, drawableText } from '../../src/lib/share/glyphs';
import {
  clauseCard,
  issuersLine,
  policyCard,
  renderShareImage,
  renderSvg,
  sharePathLabel,
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

/** The pixels of an 8-bit RGB or RGBA PNG (what resvg writes), as a function of x and y giving [r, g, b]. */
function pngPixels(png: Buffer): (x: number, y: number) => [number, number, number] {
  const { width, height } = pngSize(png);
  const [depth, colorType, , , interlace] = png.subarray(24, 29);
  expect({ depth, interlace }).toEqual({ depth: 8, interlace: 0 });
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : Number.NaN;
  expect(channels, `colour type ${colorType}`).not.toBeNaN();
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const value = raw[y * (stride + 1) + 1 + i];
      const left = i >= channels ? pixels[y * stride + i - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i] : 0;
      const upLeft = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels] : 0;
      const paeth = () => {
        const estimate = left + up - upLeft;
        const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
        return a <= b && a <= c ? left : b <= c ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, filter === 4 ? paeth() : 0][filter];
      pixels[y * stride + i] = (value + predictor) & 0xff;
    }
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
