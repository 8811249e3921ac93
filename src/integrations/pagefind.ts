import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as pagefind from 'pagefind';
import { indexDocuments } from '../lib/search/index-documents';
import { contentDir } from '../loaders/astro-loaders';
import { loadCorpus } from '../loaders/corpus';

/** Fails the build with everything Pagefind reported. */
function check(step: string, errors: string[]) {
  if (errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n  ${errors.join('\n  ')}`);
}

/**
 * Builds the search index at the end of `astro build`, through Pagefind's Node API, into
 * `<outDir>/pagefind/`. It indexes each document's searchable text from the content itself
 * (tokenized so that any Chinese substring is found; see lib/search/normalize.ts), not the
 * rendered pages, so navigation and buttons never reach the index; and writes each document's
 * search record (lib/search/index-documents.ts) to `<outDir>/search/records/`.
 */
export function pagefindIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'mg-policy:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const corpus = loadCorpus(process.cwd(), contentDir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
        try {
          check('start', errors);
          for (const document of indexDocuments(corpus, base)) {
            const added = await index!.addHTMLFile({ url: document.url, content: document.html });
            check(`index ${document.url}`, added.errors);
            const recordFile = `${outDir}/${document.recordFile}`;
            await mkdir(dirname(recordFile), { recursive: true });
            await writeFile(recordFile, JSON.stringify(document.record));
          }
          const written = await index!.writeFiles({ outputPath: `${outDir}/pagefind` });
          check('write the index', written.errors);
          // The search page uses Pagefind's JS API; its ready-made UI bundles would only be dead weight.
          for (const bundle of ['pagefind-ui', 'pagefind-modular-ui', 'pagefind-component-ui', 'pagefind-highlight']) {
            for (const extension of ['js', 'css']) await rm(`${outDir}/pagefind/${bundle}.${extension}`, { force: true });
          }
          logger.info(`indexed ${corpus.policies.length} documents into ${outDir}pagefind/`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
