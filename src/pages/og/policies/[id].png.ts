import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus, lookup } from '../../../lib/content/corpus';
import { drawShareImagesAhead, policyCard, renderShareImage, shareImageCacheDir, sharePathLabel, type PolicyCard } from '../../../lib/share/image';
import { policyPath } from '../../../lib/site/urls';

/** The share image of each document: `/og/policies/<id>.png` (see shareImagePath). */
export const getStaticPaths = (async () => {
  const { policies, ministries } = await getCorpus();
  const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
  const paths = policies.map((policy) => ({
    params: { id: policy.id },
    props: { card: policyCard(policy, policy.issuers.map((id) => lookup(ministries, id)), sharePathLabel(policyPath(policy.id), site)) },
  }));
  // A build draws every card on the worker threads while it writes the pages before them.
  if (import.meta.env.PROD) drawShareImagesAhead(paths.map((path) => path.props.card), { cacheDir: shareImageCacheDir });
  return paths;
}) satisfies GetStaticPaths;

interface Props {
  card: PolicyCard;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const png = await renderShareImage(props.card, { cacheDir: shareImageCacheDir });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
