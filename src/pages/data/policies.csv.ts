import type { APIRoute } from 'astro';
import { getCorpus } from '../../lib/content/corpus';
import { csvTable } from '../../lib/open-data/csv';
import { policyColumns } from '../../lib/open-data/csv-columns';
import { CSV_TYPE, fileResponse, publishedData } from '../../lib/open-data/published';

/** One row per document. */
export const GET: APIRoute = async ({ site }) => fileResponse(csvTable(policyColumns, publishedData(await getCorpus(), site).policies.policies), CSV_TYPE);
