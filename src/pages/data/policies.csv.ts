import type { APIRoute } from 'astro';
import { csvTable } from '../../lib/csv';
import { policyColumns } from '../../lib/open-data';
import { CSV_TYPE, fileResponse, publishedData } from '../../lib/published-data';

/** One row per document. */
export const GET: APIRoute = async ({ site }) => fileResponse(csvTable(policyColumns, (await publishedData(site)).policies.policies), CSV_TYPE);
