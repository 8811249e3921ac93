import type { APIRoute } from 'astro';
import { jsonResponse, publishedData } from '../../lib/open-data/published';

/** Every issuing body, with the documents it led and co-issued. */
export const GET: APIRoute = async ({ site }) => jsonResponse((await publishedData(site)).ministries);
