import type { AstroIntegration } from 'astro';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cardThreads } from '../lib/share/card-pool';
import { drawShareImages, shareImageCacheDir, shareImages } from '../lib/share/image';
import { shareImageFile } from '../lib/site/urls';
import { loadedCorpus } from '../loaders/astro-loaders';

/**
 * The share images of a build (src/lib/share/image.ts). As the build starts, every card is queued
 * on the worker threads (card-pool.ts), so that the cards are drawn while Astro bundles and renders
 * the pages on its own thread; when the pages are done, each is written to `<outDir>/og/…`
 * (shareImageFile). A card whose text cannot be drawn fails the build before any page is rendered.
 * `astro dev` draws a card when asked for it (src/pages/og/).
 */
export function shareImagesIntegration(): AstroIntegration {
  let site: URL | undefined;
  let base = '/';
  let drawing: { file: string; drawn: Promise<string> }[] = [];
  return {
    name: 'mg-policy:share-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        base = config.base;
      },
      'astro:build:start': ({ logger }) => {
        const corpus = loadedCorpus();
        const ministries = new Map(corpus.ministries.map((ministry) => [ministry.id, ministry]));
        const issuer = (id: string) => {
          const ministry = ministries.get(id);
          if (!ministry) throw new Error(`unknown issuing body "${id}"`);
          return ministry;
        };
        const images = shareImages(corpus.policies.map(({ id, data }) => ({ ...data, id })), issuer, site, base);
        const drawn = drawShareImages(images.map((image) => image.card), shareImageCacheDir);
        drawing = images.map((image, index) => ({ file: shareImageFile(image.policyId, image.clauseId), drawn: drawn[index] }));
        logger.info(`drawing ${images.length} share images on ${cardThreads()} worker threads while the pages are built`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        for (const { file, drawn } of drawing) {
          const target = join(outDir, file);
          await mkdir(dirname(target), { recursive: true });
          await copyFile(await drawn, target);
        }
        logger.info(`wrote ${drawing.length} share images into ${outDir}og/`);
      },
    },
  };
}
