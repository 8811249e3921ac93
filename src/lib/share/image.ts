/**
 * Share images (Open Graph cards, 1200×630 PNG) for documents and clauses, drawn at build time:
 * what a card says → an object tree, drawn by draw-card.ts (satori, resvg) as a 16-colour PNG
 * (palette-png.ts), set in Noto Sans SC (font.ts), on worker threads during a build (card-pool.ts).
 * A character the font lacks is drawn in a form it has (glyphs.ts); anything else fails the
 * build, naming the document, the field and the character.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { cardPool } from './card-pool';
import { cardSvg, drawCard, resvgOptions, type Box, type DrawJob, type Drawn } from './draw-card';
import { fontFilesFor } from './font';
import { DEFLATE_LEVEL, type CardColors } from './palette-png';
import { describeChar, drawableText, MISSING_CHARACTER, MissingGlyphError } from './glyphs';
import type { Ministry } from '../../schemas/ministry';
import type { Policy } from '../../schemas/policy';
import { formatMonth } from '../content/dates';
import { timelineMonth } from '../content/timeline';
import { shortName } from '../content/views';
import { SITE_NAME } from '../site/identity';
import { anchorPath, policyPath } from '../site/urls';
import { statusPhrase } from '../content/status';

/** The image size every chat app and social site expects. */
export const SHARE_IMAGE_WIDTH = 1200;
/** See SHARE_IMAGE_WIDTH. */
export const SHARE_IMAGE_HEIGHT = 630;

/** The site's name, drawn at the top of every card. */

/** Whose card it is, for messages: the document, and the clause of a clause's card. */
export interface CardSource {
  policyId: string;
  clauseId?: string;
}

/** What a document's card says. */
export interface PolicyCard {
  kind: 'policy';
  source?: CardSource;
  /** The document's short title. */
  title: string;
  /** 发文字号 · date · issuers, already joined. */
  meta: string;
  /** What a reader must know first, e.g. that the document has been replaced (statusNotice). */
  notice?: string;
  /** Where the document lives on the site. */
  path: string;
}

/** What a clause's card says. */
export interface ClauseCard {
  kind: 'clause';
  source?: CardSource;
  /** The title of the document the clause belongs to. */
  documentTitle: string;
  heading: string;
  text: string;
  /** What a reader must know first, e.g. that the document has been replaced (statusNotice). */
  notice?: string;
  /** Where the clause lives on the site. */
  path: string;
}

/** Either card. */
export type ShareCard = PolicyCard | ClauseCard;

/** Options of renderShareImage. */
export interface RenderOptions {
  /** A folder to keep finished PNGs in, by a hash of everything that shapes them; a rebuild then skips unchanged cards. */
  cacheDir?: string;
}

// Colours of the site (src/styles/global.css, light theme).
const colors = { page: '#fbfaf7', ink: '#1c1b19', muted: '#57534e', line: '#e2ddd3', accent: '#9f1d20' };

/**
 * The card's palette: the page and steps towards each colour drawn on it, 16 in all (4 bits a pixel).
 * Most steps go to the ink of the headline and the quoted text, whose edges are most of the card;
 * the grey line is drawn solid.
 */
export const cardColors: CardColors = {
  background: colors.page,
  ramps: [
    { color: colors.ink, steps: 7 },
    { color: colors.muted, steps: 4 },
    { color: colors.accent, steps: 3 },
    { color: colors.line, steps: 1 },
  ],
};

// The width text is set in: the image less 80px margins.
const CONTENT_WIDTH = SHARE_IMAGE_WIDTH - 2 * 80;

/**
 * Headline setting: half-width CJK punctuation (OpenType `halt`), so that “十四五” or 〔2023〕 sit tight, and
 * lines of even length (no lone character on the last line) when the text fits in its lines; text that will be
 * clipped is wrapped greedily instead, as balancing it would spread it over more, shorter lines before the clip.
 */
function headline(content: string, fontSize: number, lines: number): Style {
  // Width in ems: CJK characters are 1em, other characters about half (a generous guess).
  const ems = [...content].reduce((sum, char) => sum + (char.codePointAt(0)! >= 0x2e80 ? 1 : 0.6), 0);
  const fits = ems * fontSize <= lines * CONTENT_WIDTH * 0.9;
  return { fontFeatureSettings: '"halt"', ...(fits ? { textWrap: 'balance' } : {}) };
}

export type { Box };

type Style = Record<string, string | number>;

function div(style: Style, children?: Box['props']['children']): Box {
  return { type: 'div', props: { style: { display: 'flex', ...style }, children } };
}

/**
 * Text boxes: `display: block` so that line clamping applies. Satori clamps a block by `lineClamp`
 * alone: `overflow: hidden` would add a clip and a mask, each drawn by resvg as a layer of its own,
 * to text already cut to its lines. `minHeight: 0` lets a clamped box give up its last line's
 * spacing when the card is full, as it could when it clipped.
 */
function text(style: Style, content: string, lines?: number): Box {
  const clamp: Style = lines ? { lineClamp: lines, minHeight: 0 } : {};
  return { type: 'div', props: { style: { display: 'block', ...clamp, ...style }, children: content } };
}

/** A bar of solid colour: a rule drawn as a box, not as a CSS border (which satori draws as a clipped, masked stroke). */
function bar(color: string, size: { width: number } | { height: number }): Box {
  return div({ ...size, flexShrink: 0, backgroundColor: color });
}

function header(label: string): Box {
  return div({ alignItems: 'center', justifyContent: 'space-between' }, [
    div({ alignItems: 'center' }, [
      div({ width: 16, height: 40, backgroundColor: colors.accent, marginRight: 18 }),
      text({ fontSize: 34, fontWeight: 700, color: colors.accent, letterSpacing: 2 }, SITE_NAME),
    ]),
    text({ fontSize: 26, color: colors.muted, letterSpacing: 2 }, label),
  ]);
}

function footer(path: string): Box {
  return div({ flexDirection: 'column' }, [bar(colors.line, { height: 2 }), text({ marginTop: 22, fontSize: 24, color: colors.muted, whiteSpace: 'nowrap' }, path, 1)]);
}

function frame(label: string, body: Box[], path: string): Box {
  return div({ width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT, flexDirection: 'column', backgroundColor: colors.page, color: colors.ink }, [
    bar(colors.accent, { height: 12 }),
    div(
      { flexGrow: 1, minHeight: 0, flexDirection: 'column', padding: `48px ${(SHARE_IMAGE_WIDTH - CONTENT_WIDTH) / 2}px 44px` },
      [header(label), div({ flexDirection: 'column', flexGrow: 1, justifyContent: 'center', minHeight: 0 }, body), footer(path)],
    ),
  ]);
}

/** The object tree of a card; exported for tests. */
export function shareImageTree(card: ShareCard): Box {
  if (card.kind === 'policy') {
    return frame(
      '政策文件',
      [
        text({ ...headline(card.title, 68, 3), fontSize: 68, fontWeight: 700, lineHeight: 1.3, color: colors.ink }, card.title, 3),
        text({ fontSize: 30, lineHeight: 1.5, color: colors.muted, marginTop: 28, fontFeatureSettings: '"halt"' }, card.meta, 2),
        ...(card.notice ? [text({ fontSize: 30, lineHeight: 1.5, color: colors.accent, fontWeight: 700, marginTop: 12 }, card.notice, 1)] : []),
      ],
      card.path,
    );
  }
  return frame(
    '条款',
    [
      text({ fontSize: 28, lineHeight: 1.4, color: colors.muted, whiteSpace: 'nowrap', fontFeatureSettings: '"halt"' }, `《${card.documentTitle}》${card.notice ? `（${card.notice}）` : ''}`, 1),
      text({ ...headline(card.heading, 52, 2), fontSize: 52, fontWeight: 700, lineHeight: 1.3, color: colors.ink, marginTop: 14 }, card.heading, 2),
      div({ marginTop: 24 }, [bar(colors.accent, { width: 6 }), div({ paddingLeft: 24 }, [text({ fontSize: 32, lineHeight: 1.6, color: colors.ink }, card.text, 4)])]),
    ],
    card.path,
  );
}

/** Names the card in messages: the document and clause when known, else its address. */
function cardName(card: ShareCard): string {
  const { source } = card;
  if (!source) return `the share image of ${card.path}`;
  return `the share image of policy "${source.policyId}"${source.clauseId ? `, clause "${source.clauseId}"` : ''}`;
}

/** What each text of a card is, in the words of the content. */
const fieldNames: Record<string, string> = {
  title: 'title',
  meta: 'documentNumber / date / issuers (the line under the title)',
  documentTitle: 'title',
  heading: 'clause heading',
  text: 'clause text',
  notice: 'status (status.state / status.since)',
  path: 'address (the footer)',
};

/**
 * The card with every text made drawable (see drawableText). Throws MissingGlyphError naming the
 * document, the field and each character that cannot be drawn; reports substitutions that lose
 * a character (〓) through `warn`.
 */
export function drawableCard<Card extends ShareCard>(card: Card, warn: (message: string) => void = console.warn): Card {
  const drawable: Record<string, unknown> = { ...card };
  const problems: string[] = [];
  for (const [field, value] of Object.entries(card)) {
    if (typeof value !== 'string' || field === 'kind') continue;
    const result = drawableText(value);
    drawable[field] = result.text;
    const name = fieldNames[field] ?? field;
    if (result.undrawable.length > 0) problems.push(`  ${name}: ${result.undrawable.map(describeChar).join(', ')}`);
    const lost = result.substituted.filter((item) => item.drawn === MISSING_CHARACTER);
    if (lost.length > 0) warn(`${cardName(card)}: ${name}: Noto Sans SC has no glyph for ${lost.map((item) => describeChar(item.char)).join(', ')}; the card draws ${MISSING_CHARACTER} instead`);
  }
  if (problems.length > 0) {
    throw new MissingGlyphError(
      `Cannot draw ${cardName(card)}: Noto Sans SC has no glyph for these characters, and no fallback draws them:\n${problems.join('\n')}\n` +
        `  (sub- and superscripts are drawn as plain characters, zero-width and other format characters are left out and Chinese characters the font lacks are drawn as ${MISSING_CHARACTER}; write the character differently in the content, or add a font that has it in src/lib/share/font.ts)`,
    );
  }
  return drawable as Card;
}

const require = createRequire(import.meta.url);

// ---- rendering ----

/** All the text of a tree, plus the ellipsis that line clamping may add. */
function treeText(tree: Box): string {
  const collect = (box: Box | string | undefined): string =>
    box === undefined ? '' : typeof box === 'string' ? box : [box.props.children].flat().map(collect).join('');
  return collect(tree) + '…';
}

/** What draw-card.ts needs to draw a tree: the size, the font files of its text, the palette. */
function drawJob(tree: Box): DrawJob {
  return { tree, width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT, fonts: fontFilesFor(treeText(tree)), colors: cardColors };
}

/** Draws an object tree as SVG with the font subsets its text needs; throws MissingGlyphError for a character the font lacks. */
export async function renderSvg(tree: Box): Promise<string> {
  const drawn = await cardSvg(drawJob(tree));
  if ('missing' in drawn) throw missingGlyphs(drawn.missing);
  return drawn.svg;
}

const missingGlyphs = (chars: string[], card?: ShareCard) =>
  new MissingGlyphError(`${card ? `Cannot draw ${cardName(card)}: ` : ''}Noto Sans SC has no glyph for ${chars.map(describeChar).join(', ')}`);

let versions: string | undefined;

/** The versions of the packages that draw a card: part of the cache key. */
function toolVersions(): string {
  versions ??= ['satori', '@resvg/resvg-js', '@fontsource/noto-sans-sc']
    .map((name) => {
      const entry = require.resolve(name);
      let dir = dirname(entry);
      for (;;) {
        try {
          const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
          if (manifest.name === name) return `${name}@${manifest.version}`;
        } catch {
          // no package.json at this level
        }
        if (dirname(dir) === dir) throw new Error(`cannot find the version of ${name}`);
        dir = dirname(dir);
      }
    })
    .join(' ');
  return versions;
}

/** How a card is stored: part of the cache key, so that a change of encoding draws every card again. */
const ENCODING = `palette-png deflate-${DEFLATE_LEVEL}`;

/** Where a card is kept in the cache: a hash of everything that shapes its pixels (text, layout, colours, font files, options, tool versions). */
function cacheFile(cacheDir: string, job: DrawJob): string {
  const fonts = job.fonts.map((font) => `${font.name} ${font.weight} ${basename(font.path)}`);
  const key = createHash('sha256')
    .update(JSON.stringify({ tree: job.tree, fonts, colors: job.colors, resvg: resvgOptions(job), encoding: ENCODING, versions: toolVersions() }))
    .digest('hex');
  return join(cacheDir, `${key}.png`);
}

async function writeCached(file: string, png: Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(partial, png);
  await rename(partial, file);
}

/** The PNG of a drawing, or the build's message naming the card and the characters it cannot draw. */
function pngOf(drawn: Drawn, card: ShareCard): Uint8Array {
  if ('missing' in drawn) throw missingGlyphs(drawn.missing, card);
  return drawn.png;
}

/**
 * Draws the cards on the worker threads (card-pool.ts) into the cache, those not there yet, and
 * resolves each to its file in the cache. A card whose text cannot be drawn throws at once
 * (MissingGlyphError, naming the document, the field and the character), before anything is drawn.
 */
export function drawShareImages(cards: ShareCard[], cacheDir: string): Promise<string>[] {
  const jobs = cards.map((card) => ({ card, job: shareImageJob(card) }));
  const pool = cardPool();
  return jobs.map(({ card, job }) => {
    const file = cacheFile(cacheDir, job);
    if (existsSync(file)) return Promise.resolve(file);
    const drawn = pool.draw(job).then(async (drawing) => {
      await writeCached(file, pngOf(drawing, card));
      return file;
    });
    // Its error is reported when the build waits for the card; until then it is no unhandled rejection.
    drawn.catch(() => {});
    return drawn;
  });
}

/** What draw-card.ts needs to draw a card (its text made drawable); exported for tests. */
export function shareImageJob(card: ShareCard): DrawJob {
  return drawJob(shareImageTree(drawableCard(card)));
}

/** Renders a card as a 1200×630 PNG; characters the font lacks are drawn as drawableCard says, or fail with MissingGlyphError. */
export async function renderShareImage(card: ShareCard, options: RenderOptions = {}): Promise<Buffer> {
  const job = shareImageJob(card);
  if (!options.cacheDir) return Buffer.from(pngOf(await drawCard(job), card));
  const file = cacheFile(options.cacheDir, job);
  try {
    return await readFile(file);
  } catch {
    // not drawn yet
  }
  const png = pngOf(await drawCard(job), card);
  await writeCached(file, png);
  return Buffer.from(png);
}

// ---- cards from the corpus ----

/** Where the build keeps finished share images between runs (a cache: safe to delete). */
export const shareImageCacheDir = join(process.cwd(), 'node_modules', '.cache', 'share-images');

/** The address printed on a card: host and path when the site's origin is known, else the path. */
export function sharePathLabel(path: string, site: URL | undefined): string {
  if (!site) return path;
  const url = new URL(path, site);
  return `${url.host}${decodeURI(url.pathname)}${url.hash}`;
}

const chineseDigits = '零一二三四五六七八九';

/** 7 → 七, 12 → 十二, 23 → 二十三 (counts of issuing bodies). */
export function chineseNumber(n: number): string {
  if (n < 10) return chineseDigits[n];
  if (n < 20) return `十${n % 10 ? chineseDigits[n % 10] : ''}`;
  if (n < 100) return `${chineseDigits[Math.floor(n / 10)]}十${n % 10 ? chineseDigits[n % 10] : ''}`;
  return String(n);
}

/** The issuers in short: up to three by name, else "工信部等七部门"; a list known to be partial ends in 等. */
export function issuersLine(issuers: Ministry[], complete: boolean): string {
  const names = issuers.map(shortName);
  if (names.length <= 3) return names.join('、') + (complete ? '' : '等');
  return complete ? `${names[0]}等${chineseNumber(names.length)}部门` : `${names[0]}等部门`;
}

/** What a card says of a document's status: only a replaced document is flagged (已被替代, with the day it took effect). */
export function statusNotice(policy: Pick<Policy, 'status'>): { notice?: string } {
  return policy.status.state === 'replaced' ? { notice: statusPhrase(policy.status) } : {};
}

/** A document's card: title, then 发文字号 · month · issuers, then whether it was replaced. The document's id, when given, names it in messages. */
export function policyCard(policy: Policy & { id?: string }, issuers: Ministry[], path: string): PolicyCard {
  const meta = [policy.documentNumber, formatMonth(timelineMonth(policy)), issuersLine(issuers, policy.issuersComplete)].filter(Boolean).join(' · ');
  return { kind: 'policy', title: policy.title, meta, ...statusNotice(policy), path, ...(policy.id ? { source: { policyId: policy.id } } : {}) };
}

/** A share image: whose it is (its URL: shareImagePath) and what its card says. */
export interface ShareImage {
  policyId: string;
  clauseId?: string;
  card: ShareCard;
}

/** Every share image of the site: one per document and one per clause, in that order; `base` and `site` as the build's. */
export function shareImages(policies: (Policy & { id: string })[], issuer: (id: string) => Ministry, site: URL | undefined, base?: string): ShareImage[] {
  return policies.flatMap((policy) => [
    { policyId: policy.id, card: policyCard(policy, policy.issuers.map(issuer), sharePathLabel(policyPath(policy.id, base), site)) },
    ...policy.clauses.map((clause) => ({ policyId: policy.id, clauseId: clause.id, card: clauseCard(policy, clause, sharePathLabel(anchorPath(policy.id, clause.id, base), site)) })),
  ]);
}

/** A clause's card. */
export function clauseCard(policy: Policy & { id?: string }, clause: Policy['clauses'][number], path: string): ClauseCard {
  const source = policy.id ? { source: { policyId: policy.id, clauseId: clause.id } } : {};
  return { kind: 'clause', documentTitle: policy.title, heading: clause.heading, text: clause.text, ...statusNotice(policy), path, ...source };
}
