import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/loaders/load-corpus';
import { builtPages, distDir } from '../../scripts/lib/dist';
import { redirectPageTarget } from '../../src/lib/site/redirects';
import { renderShareImage, shareImageCacheDir, shareImages, SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH } from '../../src/lib/share/image';
import { shareImageFile } from '../../src/lib/site/urls';

// Pages with an address of their own (not 404, not the pages at old addresses that redirect, see content/redirects.yaml).
const pages = builtPages().filter((page) => page.path !== '/404.html' && redirectPageTarget(page.html) === undefined);
const corpus = loadCorpus(process.cwd());

/** The content of a <meta name|property="…"> tag. */
function meta(html: string, key: string): string | undefined {
  const match = new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html);
  return match?.[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

function jsonLdBlocks(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]));
}

describe('every page previews what it points to', () => {
  for (const { path, html } of pages) {
    it(`${path} has title, description, canonical, Open Graph and Twitter tags`, () => {
      const title = /<title>([^<]+)<\/title>/.exec(html)?.[1];
      expect(title).toBeTruthy();
      expect(meta(html, 'description')?.length).toBeGreaterThan(10);
      expect(html).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+"/);
      expect(meta(html, 'og:title')).toBe(title!.replace(/&amp;/g, '&'));
      expect(meta(html, 'og:description')).toBe(meta(html, 'description'));
      expect(meta(html, 'og:url')).toMatch(/^https?:\/\//);
      expect(meta(html, 'twitter:card')).toMatch(/^summary/);
    });
  }
});

describe('clause pages', () => {
  const clausePages = corpus.policies.flatMap(({ id, data }) => data.clauses.map((clause) => ({ id, clause, title: data.title })));

  it('exist for every clause', () => {
    expect(clausePages.length).toBeGreaterThan(0);
    for (const { id, clause } of clausePages) expect(pages.some((page) => page.path === `/policies/${id}/${clause.id}/`)).toBe(true);
  });

  for (const { id, clause, title } of clausePages) {
    it(`/policies/${id}/${clause.id}/ previews the clause and links back into the document`, () => {
      const html = pages.find((page) => page.path === `/policies/${id}/${clause.id}/`)!.html;
      expect(meta(html, 'og:title')).toContain(clause.heading);
      expect(meta(html, 'og:title')).toContain(title);
      expect(meta(html, 'description')!.replace(/\s+/g, '')).toContain(clause.text.replace(/\s+/g, '').slice(0, 30));
      expect(meta(html, 'og:type')).toBe('article');
      const image = meta(html, 'og:image')!;
      expect(image).toMatch(new RegExp(`/og/policies/${id}/${clause.id}\\.png$`));
      expect(existsSync(join(distDir, new URL(image).pathname))).toBe(true);
      expect(html).toContain(`href="/policies/${id}/#${clause.id}"`);
    });
  }
});

describe('share images', () => {
  const ministries = new Map(corpus.ministries.map((ministry) => [ministry.id, ministry]));
  const htmlOf = (path: string) => pages.find((page) => page.path === path)!.html;

  for (const { id, data } of corpus.policies) {
    it(`/policies/${id}/ and each of its clause pages show their own card, as the build draws it`, async () => {
      // The build's origin and base, from the document page's own address.
      const pageUrl = new URL(meta(htmlOf(`/policies/${id}/`), 'og:url')!);
      const base = pageUrl.pathname.replace(/policies\/.*$/, '');
      const images = shareImages([{ ...data, id }], (issuer) => ministries.get(issuer)!, new URL(pageUrl.origin), base);
      expect(images).toHaveLength(1 + data.clauses.length);
      for (const image of images) {
        const html = htmlOf(image.clauseId ? `/policies/${id}/${image.clauseId}/` : `/policies/${id}/`);
        const file = shareImageFile(id, image.clauseId);
        expect(meta(html, 'og:image')).toBe(`${pageUrl.origin}${base}${file}`);
        expect([meta(html, 'og:image:width'), meta(html, 'og:image:height')]).toEqual([String(SHARE_IMAGE_WIDTH), String(SHARE_IMAGE_HEIGHT)]);
        // The very card of this page (what it says is part of the card cache's key).
        const png = readFileSync(join(distDir, file));
        expect(png.equals(await renderShareImage(image.card, { cacheDir: shareImageCacheDir })), file).toBe(true);
      }
    });
  }

  it('no two pages share a card', () => {
    const images = [...new Set(pages.map((page) => meta(page.html, 'og:image')).filter((image) => image?.includes('/og/')))];
    expect(images.length).toBe(corpus.policies.reduce((sum, { data }) => sum + 1 + data.clauses.length, 0));
    const bytes = images.map((image) => readFileSync(join(distDir, new URL(image!).pathname)).toString('base64'));
    expect(new Set(bytes).size).toBe(images.length);
  });
});

describe('structured data', () => {
  for (const { path, html } of pages) {
    it(`${path} has valid JSON-LD with a BreadcrumbList`, () => {
      const blocks = jsonLdBlocks(html);
      const trail = blocks.find((block) => block['@type'] === 'BreadcrumbList') as { itemListElement: { position: number; name: string; item: string }[] };
      expect(trail).toBeDefined();
      expect(trail.itemListElement[0]).toMatchObject({ position: 1, name: '首页' });
      trail.itemListElement.forEach((item, index) => {
        expect(item.position).toBe(index + 1);
        expect(item.item).toMatch(/^https?:\/\//);
      });
    });
  }

  for (const { id, data } of corpus.policies) {
    it(`/policies/${id}/ describes itself as Legislation`, () => {
      const html = pages.find((page) => page.path === `/policies/${id}/`)!.html;
      const legislation = jsonLdBlocks(html).find((block) => block['@type'] === 'Legislation')!;
      expect(legislation).toMatchObject({ '@context': 'https://schema.org', name: data.officialTitle, inLanguage: 'zh-CN' });
      expect(legislation.legislationIdentifier).toBe(data.documentNumber);
      expect((legislation.legislationPassedBy as unknown[]).length).toBe(data.issuers.length);
      expect(String(legislation.url)).toMatch(new RegExp(`^https?://[^/]+/policies/${id}/$`));
      if (data.status.state === 'in-force') expect(legislation.legislationLegalForce).toBe('https://schema.org/InForce');
      if (data.status.state === 'replaced') expect(legislation.legislationLegalForce).toBe('https://schema.org/NotInForce');
    });
  }
});
