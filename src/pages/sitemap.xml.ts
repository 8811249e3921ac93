import type { APIRoute } from 'astro';
import { getCorpus } from '../lib/content/corpus';
import { fileResponse, publishedPagePaths } from '../lib/open-data/published';
import { sitemapIndexXml, sitemapParts, sitemapXml } from '../lib/site/pages';
import { absoluteUrl, sitemapPartPath } from '../lib/site/urls';

/** Every HTML page of the site (the list is in src/lib/site/pages.ts); past the protocol's limit, the index of the parts. */
export const GET: APIRoute = async ({ site }) => {
  const parts = sitemapParts(publishedPagePaths(await getCorpus()));
  const xml =
    parts.length === 1
      ? sitemapXml(parts[0].map((path) => absoluteUrl(path, site)), Boolean(site))
      : sitemapIndexXml(parts.map((_, index) => absoluteUrl(sitemapPartPath(index + 1), site)));
  return fileResponse(xml, 'application/xml; charset=utf-8');
};
