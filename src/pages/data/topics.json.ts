import type { APIRoute } from 'astro';
import { jsonResponse, publishedData } from '../../lib/open-data/published';

/** Every topic, with its documents and clauses. */
export const GET: APIRoute = async ({ site }) => jsonResponse((await publishedData(site)).topics);
