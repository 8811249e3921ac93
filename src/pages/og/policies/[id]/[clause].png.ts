import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus, lookup } from '../../../../lib/content/corpus';
import { renderShareImage, shareImageCacheDir, shareImages, type ShareCard } from '../../../../lib/share/image';

/**
 * The share image of each clause, `/og/policies/<id>/<clause-id>.png` (see shareImagePath), drawn
 * when `astro dev` is asked for it. A build lists none here: src/integrations/share-images.ts
 * writes every share image, drawn on worker threads while the pages render.
 */
export const getStaticPaths = (async () => {
  if (import.meta.env.PROD) return [];
  const { policies, ministries } = await getCorpus();
  const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
  return shareImages(policies, (id) => lookup(ministries, id), site).flatMap(({ policyId, clauseId, card }) =>
    clauseId === undefined ? [] : [{ params: { id: policyId, clause: clauseId }, props: { card } }],
  );
}) satisfies GetStaticPaths;

interface Props {
  card: ShareCard;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const png = await renderShareImage(props.card, { cacheDir: shareImageCacheDir });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
