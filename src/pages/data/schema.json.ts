import type { APIRoute } from 'astro';
import { dataSchema } from '../../lib/open-data/schema';
import { dataFiles } from '../../lib/open-data/records';
import { jsonResponse } from '../../lib/open-data/published';
import { absoluteUrl, dataPath } from '../../lib/site/urls';

/** The JSON Schema of policies.json, ministries.json and topics.json. */
export const GET: APIRoute = ({ site }) =>
  jsonResponse(
    dataSchema({ absolute: Boolean(site), id: absoluteUrl(dataPath(dataFiles.schema), site) }),
    'application/schema+json; charset=utf-8',
  );
