import type { APIRoute } from 'astro';
import { fileResponse } from '../lib/open-data/published';
import { robotsTxt } from '../lib/site/pages';
import { absoluteUrl, dataPath, feedPath, sitemapPath } from '../lib/site/urls';

/** Allows every crawler; names the sitemap (only when SITE is set: the line wants an absolute URL) and the feed. */
export const GET: APIRoute = ({ site }) =>
  fileResponse(
    robotsTxt(site ? absoluteUrl(sitemapPath(), site) : undefined, absoluteUrl(feedPath(), site), absoluteUrl(dataPath(''), site)),
    'text/plain; charset=utf-8',
  );
