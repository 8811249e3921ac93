import type { APIRoute } from 'astro';
import { fileResponse, publishedPagePaths } from '../lib/published-data';
import { sitemapXml } from '../lib/site-pages';
import { absoluteUrl } from '../lib/urls';

/** Every HTML page of the site (the list is in lib/site-pages.ts). */
export const GET: APIRoute = async ({ site }) =>
  fileResponse(sitemapXml((await publishedPagePaths()).map((path) => absoluteUrl(path, site)), Boolean(site)), 'application/xml; charset=utf-8');
