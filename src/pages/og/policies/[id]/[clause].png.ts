import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus, type PolicyDoc } from '../../../../lib/content/corpus';
import { clauseCard, renderShareImage, shareImageCacheDir, sharePathLabel } from '../../../../lib/share/image';
import { anchorPath } from '../../../../lib/site/urls';
import type { Clause } from '../../../../schemas/policy';

/** The share image of each clause: `/og/policies/<id>/<clause-id>.png` (see shareImagePath). */
export const getStaticPaths = (async () => {
  const { policies } = await getCorpus();
  return policies.flatMap((policy) =>
    policy.clauses.map((clause) => ({ params: { id: policy.id, clause: clause.id }, props: { policy, clause } })),
  );
}) satisfies GetStaticPaths;

interface Props {
  policy: PolicyDoc;
  clause: Clause;
}

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const card = clauseCard(props.policy, props.clause, sharePathLabel(anchorPath(props.policy.id, props.clause.id), site));
  const png = await renderShareImage(card, { cacheDir: shareImageCacheDir });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
