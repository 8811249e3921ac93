import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/lib/link-check';
import { distDir } from '../../scripts/lib/dist';
import { testSites } from '../../scripts/lib/test-sites';

describe('links of the built site', () => {
  it('every internal link, asset and #fragment resolves', () => {
    const { pages, links, broken } = checkLinks({ distDir, site: testSites.site.site });
    console.log(`link walker: ${pages} pages, ${links} internal links and assets, ${broken.length} broken`);
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(pages);
  });
});
