/**
 * The open data, feed and page list of this build, from the corpus the endpoint read (getCorpus()).
 * The endpoints under src/pages/ (data/*, feed.xml, sitemap.xml, robots.txt) all come through here.
 */
import type { Corpus } from '../content/corpus';
import { buildOpenData, type OpenData } from './records';
import { sitePagePaths } from '../site/pages';

/** The JSON files' content for a build whose origin is `site` (Astro's `context.site`). */
export function publishedData({ policies, ministries, topics }: Corpus, site: URL | undefined): OpenData {
  return buildOpenData({ policies, ministries, topics, site });
}

/** The path of every HTML page (404 excepted), from the same corpus the pages use. */
export function publishedPagePaths({ policies, ministries, topics }: Corpus): string[] {
  return sitePagePaths({ policies, ministryIds: ministries.keys(), topicIds: topics.keys() });
}

/** A response with a body and its content type. */
export function fileResponse(body: string, contentType: string): Response {
  return new Response(body, { headers: { 'Content-Type': contentType } });
}

/** JSON as the data files are written: two-space indentation, a final line end. */
export function jsonResponse(value: unknown, contentType = 'application/json; charset=utf-8'): Response {
  return fileResponse(`${JSON.stringify(value, null, 2)}\n`, contentType);
}

export const CSV_TYPE = 'text/csv; charset=utf-8; header=present';
