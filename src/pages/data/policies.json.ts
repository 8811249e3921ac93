import type { APIRoute } from 'astro';
import { getCorpus } from '../../lib/content/corpus';
import { jsonResponse, publishedData } from '../../lib/open-data/published';

/** Every document with its metadata, clauses and narrative passages. */
export const GET: APIRoute = async ({ site }) => jsonResponse(publishedData(await getCorpus(), site).policies);
