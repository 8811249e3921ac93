// @ts-check
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './src/integrations/pagefind';

// SITE (the public origin, for canonical URLs) and BASE (a sub-path) let one build serve any static host.
const site = process.env.SITE;
const base = process.env.BASE ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  integrations: [mdx(), pagefindIntegration()],
  vite: {
    plugins: [tailwindcss()],
  },
});
