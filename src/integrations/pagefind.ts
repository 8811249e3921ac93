import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { indexDocuments } from '../lib/search/index-documents';
import { encodeRecord, recordsInOneFile, SEARCH_RECORDS_FILE, searchRecordFile, type PublishedRecord } from '../lib/search/sections';
import { loadedCorpus } from '../loaders/astro-loaders';

/**
 * The size Pagefind aims at for each index chunk (about that many bytes gzipped; its default is 20,000).
 * A query downloads the chunk of each token it asks for, so a two-pair query costs two chunks: 5 KB
 * chunks keep a first query to about half the bytes of the default's, for some 12 bytes more of
 * Pagefind's page list per extra chunk. Pagefind reads it from its environment; the name says
 * "unstable", so tests/site/search-index.test.ts checks that the chunks are that small.
 */
const INDEX_CHUNK_SIZE = 5000;

/** Fails the build with everything Pagefind reported. */
function check(step: string, errors: string[]) {
  if (errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n  ${errors.join('\n  ')}`);
}

/** The URL of a page in Pagefind's data of it: a `.pf_fragment` file is "pagefind_dcd" and JSON, gzipped. */
function fragmentUrl(file: Buffer): string {
  return (JSON.parse(gunzipSync(file).subarray('pagefind_dcd'.length).toString('utf8')) as { url: string }).url;
}

/** Writes the search records, by Pagefind's id of their pages: in one file, or one file each (sections.ts). */
async function writeSearchRecords(outDir: string, records: Record<string, PublishedRecord>, oneFile: boolean) {
  const path = (file: string) => join(outDir, file);
  if (oneFile) {
    await mkdir(dirname(path(SEARCH_RECORDS_FILE)), { recursive: true });
    await writeFile(path(SEARCH_RECORDS_FILE), JSON.stringify(records));
    return;
  }
  await mkdir(dirname(path(searchRecordFile('page'))), { recursive: true });
  for (const [pagefindId, record] of Object.entries(records)) await writeFile(path(searchRecordFile(pagefindId)), JSON.stringify(record));
}

/**
 * Builds the search index at the end of `astro build`, through Pagefind's Node API, into
 * `<outDir>/pagefind/`. It indexes each document's searchable text from the content itself
 * (tokenized so that any Chinese substring is found; see lib/search/normalize.ts), not the
 * rendered pages, so navigation and buttons never reach the index; and publishes the documents'
 * search records (lib/search/sections.ts) beside it.
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
        const corpus = loadedCorpus();
        process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(INDEX_CHUNK_SIZE);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
        try {
          check('start', errors);
          const documents = indexDocuments(corpus, base);
          for (const document of documents) {
            const added = await index!.addHTMLFile({ url: document.url, content: document.html });
            check(`index ${document.url}`, added.errors);
          }
          const written = await index!.writeFiles({ outputPath: `${outDir}/pagefind` });
          check('write the index', written.errors);
          // Each record is published under Pagefind's id of its page (the name of the page's fragment file),
          // so the search page finds a result's record without Pagefind's own data of the page.
          const recordsByUrl = new Map(documents.map((document) => [document.url, document.record]));
          const fragments = (await readdir(`${outDir}/pagefind/fragment`)).filter((name) => name.endsWith('.pf_fragment'));
          const records: Record<string, PublishedRecord> = {};
          for (const name of fragments) {
            const url = fragmentUrl(await readFile(`${outDir}/pagefind/fragment/${name}`));
            const record = recordsByUrl.get(url);
            if (!record) throw new Error(`Pagefind indexed a page that is neither a document nor the overview: ${url}`);
            recordsByUrl.delete(url);
            records[name.replace(/\.pf_fragment$/, '')] = encodeRecord(record);
          }
          if (recordsByUrl.size > 0) throw new Error(`Pagefind wrote no page for: ${[...recordsByUrl.keys()].join(', ')}`);
          await writeSearchRecords(outDir, records, recordsInOneFile(corpus.policies.length));
          // The search page uses Pagefind's JS API; its ready-made UI bundles would only be dead weight.
          for (const bundle of ['pagefind-ui', 'pagefind-modular-ui', 'pagefind-component-ui', 'pagefind-highlight']) {
            for (const extension of ['js', 'css']) await rm(`${outDir}/pagefind/${bundle}.${extension}`, { force: true });
          }
          logger.info(`indexed ${corpus.policies.length} documents and the overview into ${outDir}pagefind/`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
