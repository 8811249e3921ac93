/**
 * Every document page answers "is this still in force?": a status with its basis, the document's
 * period (or 未见公开记录 with the reason), and any successor either linked (on this site) or named
 * as a record with title, date and issuing bodies, each body linked to a page that exists.
 */
import { describe, expect, it } from 'vitest';
import { builtPages, elementIds, visibleText } from '../../scripts/lib/dist';
import { statusLabels } from '../../src/schemas/status-labels';

const pages = builtPages();
const paths = new Set(pages.map((page) => page.path));
const documentPages = pages.filter((page) => /^\/policies\/[^/]+\/$/.test(page.path) && page.html.includes('id="metadata"'));
const aboutIds = elementIds(pages.find((page) => page.path === '/about/')!.html);
const labels = Object.values(statusLabels) as string[];

/** The HTML of the metadata block between one label's <dd> and the next label. */
function field(html: string, attribute: string, until: string): string {
  const start = html.indexOf(attribute);
  expect(start, `${attribute} is missing`).toBeGreaterThan(-1);
  const end = html.indexOf(until, start);
  return html.slice(start, end === -1 ? undefined : end);
}

const text = (html: string) => visibleText(`<div ${html}`).replace(/\s+/g, ' ').trim();
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);

describe('status and period on every document page', () => {
  it('finds the 13 document pages', () => {
    expect(documentPages).toHaveLength(13);
  });

  describe.each(documentPages.map((page) => [page.path, page.html]))('%s', (_path, html) => {
    const status = field(html, 'data-status-detail', '原文链接');
    const period = field(html, 'data-period', 'data-status-detail');
    const badge = /data-status-badge="([a-z-]+)"[^>]*>([^<]+)</.exec(status);
    const basis = /data-status-basis[^>]*>([^<]+)</.exec(status)?.[1].trim() ?? '';

    it('shows a status, linked to what it means, with its basis', () => {
      expect(badge, 'no status badge').not.toBeNull();
      expect(labels).toContain(badge![2].trim());
      expect(status).toContain(`href="/about/#status-${badge![1]}"`);
      expect(aboutIds.has(`status-${badge![1]}`)).toBe(true);
      expect(basis.length, 'the basis is empty').toBeGreaterThan(10);
      expect(text(status)).toMatch(/截至\d{4}年\d{1,2}月/);
    });

    it('is 待核 only with the reason', () => {
      if (badge![1] !== 'unknown') return;
      // The reason: what was found and why it does not settle the status.
      expect(basis).toMatch(/但|因|故/);
      expect(basis).toMatch(/待核/);
    });

    it('shows its period, or 未见公开记录 with the reason', () => {
      const shown = text(period);
      if (shown.includes('未见公开记录')) {
        expect(shown.replace('未见公开记录', '').trim().length, 'no reason why the period is unknown').toBeGreaterThan(10);
      } else {
        expect(shown).toMatch(/\d{4}年|“十[四五]五”/);
        expect(shown).toMatch(/据报告|据公开资料核对/);
      }
    });

    it('names any successor as a linked document or as a record with title, date and issuers', () => {
      const successor = /data-successor="(policy|record)"/.exec(status)?.[1];
      if (badge![1] === 'replaced') expect(successor, 'a replaced document names its successor').toBeDefined();
      if (!successor) return;
      const block = status.slice(status.indexOf('data-successor='));
      if (successor === 'policy') {
        const link = hrefs(block).find((href) => href.startsWith('/policies/'));
        expect(link && paths.has(link), `the successor's link ${link} is not a page of this site`).toBe(true);
        return;
      }
      const shown = text(block);
      expect(shown).toMatch(/《[^》]+》/);
      expect(shown).toMatch(/发文字号\s*(\S+〔\d{4}〕\d+号|未见公开记录)/);
      expect(shown).toMatch(/(成文日期|印发日期|公布日期|日期)\s*(\d{4}年\d{1,2}月(\d{1,2}日)?|未见公开记录)/);
      const issuers = hrefs(block.slice(block.indexOf('data-successor-issuers'))).filter((href) => href.startsWith('/ministries/'));
      expect(issuers.length, 'the successor record lists its issuing bodies').toBeGreaterThan(0);
      for (const href of issuers) expect(paths.has(href), `${href} is not a page of this site`).toBe(true);
    });
  });

  it('lists on a body page the successors it issued that are not on this site', () => {
    const mwr = pages.find((page) => page.path === '/ministries/mwr/')!;
    expect(mwr).toBeDefined();
    const shown = visibleText(mwr.html);
    expect(shown).toContain('《建材行业稳增长工作方案（2025—2026年）》');
    expect(mwr.html).toContain('href="/policies/2023-building-materials-stable-growth/"');
  });

  it('explains on /about/ that a period that has ended is not a repeal', () => {
    const about = visibleText(pages.find((page) => page.path === '/about/')!.html);
    expect(about).toMatch(/规划期结束不等于文件被废止/);
  });
});
