import type { APIRoute } from 'astro';
import { getCorpus } from '../../lib/content/corpus';
import { jsonResponse, publishedData } from '../../lib/open-data/published';

/** Every topic, with its documents and clauses. */
export const GET: APIRoute = async ({ site }) => jsonResponse(publishedData(await getCorpus(), site).topics);
