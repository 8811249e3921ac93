import { z } from 'astro/zod';
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { ministrySchema } from '../schemas/ministry';
import { overviewSchema } from '../schemas/overview';
import { policySchema } from '../schemas/policy';
import { topicSchema } from '../schemas/topic';
import { loadCorpus, type Corpus } from './load-corpus';

/** The content folder, relative to the project root; `CONTENT_DIR` points a build at another corpus. */
export const contentDir = process.env.CONTENT_DIR ?? 'content';

// Registries keep their file order (the store sorts by id), so the loader records each entry's position.
const position = { order: z.number().int() };

const schemas = {
  ministries: ministrySchema.extend(position),
  topics: topicSchema.extend(position),
  policies: policySchema(),
  overview: overviewSchema,
};

type Part = keyof typeof schemas;

/** Entries of one collection, as the store wants them. */
function entriesOf(corpus: Corpus, part: Part): { id: string; data: Record<string, unknown>; filePath?: string }[] {
  switch (part) {
    case 'ministries':
      return corpus.ministries.map((ministry, order) => ({ id: ministry.id, data: { ...ministry, order }, filePath: `${contentDir}/ministries.yaml` }));
    case 'topics':
      return corpus.topics.map((topic, order) => ({ id: topic.id, data: { ...topic, order }, filePath: `${contentDir}/topics.yaml` }));
    case 'policies':
      return corpus.policies.map(({ id, data, filePath }) => ({ id, data, filePath }));
    case 'overview':
      return [{ id: 'overview', data: corpus.overview, filePath: `${contentDir}/overview.mdx` }];
  }
}

// The build's integrations run in the same process but import this module apart from the content
// layer, so the loaded corpus is kept where both see it: one slot of the process.
const LOADED = Symbol.for('mg-policy.loaded-corpus');
const slot = globalThis as { [LOADED]?: Corpus };

/** The validated corpus, read once per build (and again after a content change in dev). */
function corpusAt(root: string): Corpus {
  slot[LOADED] ??= loadCorpus(root, contentDir);
  return slot[LOADED];
}

/** The corpus the content loader read and validated for this build, for the steps after the pages (the search index). */
export function loadedCorpus(): Corpus {
  const corpus = slot[LOADED];
  if (!corpus) throw new Error('the content loader has not run: the corpus is read by the content layer before anything else');
  return corpus;
}

/**
 * A loader for one part of the corpus. The whole corpus is validated together, so a reference
 * to an unknown ministry, topic or passage fails the build whichever collection loads first.
 */
export function corpusLoader(part: Part): Loader {
  return {
    name: `corpus-${part}`,
    schema: schemas[part],
    load: async (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      const sync = () => {
        context.store.clear();
        for (const entry of entriesOf(corpusAt(root), part)) {
          context.store.set({ ...entry, digest: context.generateDigest(entry.data) });
        }
      };
      sync();
      context.watcher?.on('change', (path) => {
        if (path.startsWith(`${root}/${contentDir}/`.replace(/\/+/g, '/'))) {
          delete slot[LOADED];
          try {
            sync();
          } catch (error) {
            context.logger.error((error as Error).message);
          }
        }
      });
    },
  };
}
