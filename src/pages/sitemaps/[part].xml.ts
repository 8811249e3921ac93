import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../lib/content/corpus';
import { fileResponse, publishedPagePaths } from '../../lib/open-data/published';
import { sitemapParts, sitemapXml } from '../../lib/site/pages';
import { absoluteUrl } from '../../lib/site/urls';

/** The parts of a sitemap too large for one file: none while every page fits in /sitemap.xml. */
export const getStaticPaths = (async () => {
  const parts = sitemapParts(publishedPagePaths(await getCorpus()));
  return parts.length === 1 ? [] : parts.map((paths, index) => ({ params: { part: String(index + 1) }, props: { paths } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ paths: string[] }> = ({ props, site }) =>
  fileResponse(sitemapXml(props.paths.map((path) => absoluteUrl(path, site)), Boolean(site)), 'application/xml; charset=utf-8');
