import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus, lookup, type PolicyDoc } from '../../../lib/content/corpus';
import { policyCard, renderShareImage, shareImageCacheDir, sharePathLabel } from '../../../lib/share/image';
import { policyPath } from '../../../lib/site/urls';
import type { Ministry } from '../../../schemas/ministry';

/** The share image of each document: `/og/policies/<id>.png` (see shareImagePath). */
export const getStaticPaths = (async () => {
  const { policies, ministries } = await getCorpus();
  return policies.map((policy) => ({
    params: { id: policy.id },
    props: { policy, issuers: policy.issuers.map((id) => lookup(ministries, id)) },
  }));
}) satisfies GetStaticPaths;

interface Props {
  policy: PolicyDoc;
  issuers: Ministry[];
}

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const card = policyCard(props.policy, props.issuers, sharePathLabel(policyPath(props.policy.id), site));
  const png = await renderShareImage(card, { cacheDir: shareImageCacheDir });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
