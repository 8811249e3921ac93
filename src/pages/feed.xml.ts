import type { APIRoute } from 'astro';
import { getCorpus } from '../lib/content/corpus';
import { atomFeed } from '../lib/open-data/feed';
import { fileResponse, publishedData } from '../lib/open-data/published';
import { absoluteUrl, feedPath, homePath, indexPath, ministryPath } from '../lib/site/urls';

/** Atom feed of the newest documents, newest first. */
export const GET: APIRoute = async ({ site }) => {
  const data = publishedData(await getCorpus(), site);
  const url = (path: string) => absoluteUrl(path, site);
  const feed = atomFeed({
    policies: data.policies.policies,
    feedUrl: url(feedPath()),
    homeUrl: url(homePath()),
    ministryUrl: (id) => url(ministryPath(id)),
    topicsUrl: url(indexPath('topics')),
    absolute: Boolean(site),
    updated: data.policies.generated,
  });
  return fileResponse(feed, 'application/atom+xml; charset=utf-8');
};
