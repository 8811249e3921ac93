/**
 * Checks every internal link, asset and #fragment of a built site.
 * Usage: npx tsx scripts/check-links.ts [--dist dist] [--base /] [--site https://example.org]
 */
import { parseArgs } from 'node:util';
import { checkLinks } from './lib/link-check';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, base: { type: 'string', default: '/' }, site: { type: 'string' } } });
const { pages, links, broken } = checkLinks({ distDir: values.dist, base: values.base, site: values.site });
for (const link of broken) console.error(`${link.page} → ${link.target}: ${link.reason}`);
console.log(`${pages} pages, ${links} internal links and assets checked, ${broken.length} broken`);
process.exit(broken.length > 0 ? 1 : 0);
