import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../../../lib/content/corpus';
import { clauseCard, drawShareImagesAhead, renderShareImage, shareImageCacheDir, sharePathLabel, type ClauseCard } from '../../../../lib/share/image';
import { anchorPath } from '../../../../lib/site/urls';

/** The share image of each clause: `/og/policies/<id>/<clause-id>.png` (see shareImagePath). */
export const getStaticPaths = (async () => {
  const { policies } = await getCorpus();
  const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
  const paths = policies.flatMap((policy) =>
    policy.clauses.map((clause) => ({
      params: { id: policy.id, clause: clause.id },
      props: { card: clauseCard(policy, clause, sharePathLabel(anchorPath(policy.id, clause.id), site)) },
    })),
  );
  // A build draws every card on the worker threads while it writes the pages before them.
  if (import.meta.env.PROD) drawShareImagesAhead(paths.map((path) => path.props.card), { cacheDir: shareImageCacheDir });
  return paths;
}) satisfies GetStaticPaths;

interface Props {
  card: ClauseCard;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const png = await renderShareImage(props.card, { cacheDir: shareImageCacheDir });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
