import type { APIRoute } from 'astro';
import { getCorpus } from '../../lib/content/corpus';
import { jsonResponse, publishedData } from '../../lib/open-data/published';

/** Every issuing body, with the documents it led and co-issued. */
export const GET: APIRoute = async ({ site }) => jsonResponse(publishedData(await getCorpus(), site).ministries);
