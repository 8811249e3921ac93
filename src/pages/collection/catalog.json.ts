import type { APIRoute } from 'astro';
import { checkShareCodes, type Catalog } from '../../lib/collection/catalog';
import { getCorpus, lookup } from '../../lib/content/corpus';
import { getMovedItemKeys } from '../../lib/content/redirects';
import { citableDocument } from '../../lib/share/citation';

/** Every document and clause a collection can hold, as the collection page lists and cites it (src/lib/collection/catalog.ts). */
export const GET: APIRoute = async () => {
  const { policies, ministries } = await getCorpus();
  const catalog: Catalog = {
    documents: Object.fromEntries(
      policies.map((policy) => [
        policy.id,
        {
          title: policy.title,
          ...citableDocument(policy, (id) => lookup(ministries, id).name),
          clauses: Object.fromEntries(policy.clauses.map((clause) => [clause.id, { heading: clause.heading, text: clause.text }])),
        },
      ]),
    ),
    moved: getMovedItemKeys(),
  };
  checkShareCodes(catalog);
  return new Response(JSON.stringify(catalog), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
