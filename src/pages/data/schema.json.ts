import type { APIRoute } from 'astro';
import { dataSchema } from '../../lib/data-schema';
import { dataFiles } from '../../lib/open-data';
import { jsonResponse } from '../../lib/published-data';
import { absoluteUrl, dataPath } from '../../lib/urls';

/** The JSON Schema of policies.json, ministries.json and topics.json. */
export const GET: APIRoute = ({ site }) =>
  jsonResponse(
    dataSchema({ absolute: Boolean(site), id: absoluteUrl(dataPath(dataFiles.schema), site) }),
    'application/schema+json; charset=utf-8',
  );
