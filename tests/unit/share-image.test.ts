import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MissingGlyphError,
  clauseCard,
  fontSubsetsFor,
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

function ministry(id: string, name: string, shortNames: string[] = []): Ministry {
  return { id, name, shortNames, aliases: [], nameEn: id, kind: 'ministry' };
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

  it('refuses a character the font lacks instead of drawing an empty box', async () => {
    // Tibetan is in no slice; Hangul 한 is in a slice's unicode-range but not in its glyphs.
    for (const char of ['ཀ', '한']) {
      const card: ShareCard = { kind: 'policy', title: `镁${char}`, meta: '', path: '/' };
      await expect(renderShareImage(card)).rejects.toThrow(MissingGlyphError);
    }
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
