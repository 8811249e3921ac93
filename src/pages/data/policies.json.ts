import type { APIRoute } from 'astro';
import { jsonResponse, publishedData } from '../../lib/open-data/published';

/** Every document with its metadata, clauses and narrative passages. */
export const GET: APIRoute = async ({ site }) => jsonResponse((await publishedData(site)).policies);
