import { describe, expect, it } from 'vitest';
import { outlineEntries, overviewOutline, policyOutline } from '../../src/lib/content/outline';
import { loadCorpus } from '../../src/loaders/load-corpus';
import { readUrlLock } from '../../scripts/lib/url-lock';

const corpus = loadCorpus(process.cwd());
const policies = corpus.policies.map(({ id, data }) => ({ id, ...data }));
const byId = (id: string) => policies.find((policy) => policy.id === id)!;
const lockedAnchors = readUrlLock().anchors;

describe('a document page outline (本页条款)', () => {
  it('lists the clauses under 相关内容 in page order, then the narrative passage', () => {
    const outline = policyOutline(byId('2023-nonferrous-stable-growth'));
    expect(outline.map((entry) => [entry.id, entry.label])).toEqual([
      ['clauses', '相关内容'],
      ['report-narrative', '报告正文的论述'],
    ]);
    expect(outline[0].children.map((entry) => entry.label)).toEqual(['提升供给能力', '加强重点产品保供稳价', '培育优质骨干企业', '支持重大项目建设', '促进优质产品消费应用', '拓展国际市场']);
  });

  it('has no 相关内容 group for a document without clauses', () => {
    expect(policyOutline(byId('2022-industrial-carbon-peak')).map((entry) => entry.id)).toEqual(['report-narrative']);
  });

  it('numbers the passages of a document with several', () => {
    const policy = byId('2021-industrial-green-plan');
    const twoPassages = { ...policy, narrative: [...policy.narrative, { id: 'second', text: '第二段。' }] };
    const narrative = policyOutline(twoPassages).at(-1)!;
    expect(narrative.permalink).toBeUndefined();
    expect(narrative.children.map((entry) => [entry.id, entry.label, entry.permalink])).toEqual([
      ['report-narrative', '第1段', '/policies/2021-industrial-green-plan/#report-narrative'],
      ['second', '第2段', '/policies/2021-industrial-green-plan/#second'],
    ]);
  });

  it('gives a copy-link address to exactly the clauses and passages, each a locked anchor', () => {
    for (const policy of policies) {
      const linked = outlineEntries(policyOutline(policy)).filter((entry) => entry.permalink);
      expect(linked.map((entry) => entry.id)).toEqual([...policy.clauses.map((clause) => clause.id), ...policy.narrative.map((passage) => passage.id)]);
      for (const entry of linked) {
        expect(entry.permalink).toBe(`/policies/${policy.id}/#${entry.id}`);
        expect(lockedAnchors[`/policies/${policy.id}/`]).toContain(entry.id);
      }
    }
  });
});

describe('the overview outline', () => {
  const outline = overviewOutline(corpus.overview, (id) => byId(id).title);

  it('lists each thematic section with the documents it quotes, then Table 1', () => {
    expect(outline.map((entry) => entry.label)).toEqual([...corpus.overview.sections.map((section) => section.heading.replace(/：$/, '')), '表1　我国镁产业相关政策']);
    expect(outline[0].children.map((entry) => entry.label)).toEqual(corpus.overview.sections[0].excerpts.map((excerpt) => byId(excerpt.policy).title));
    expect(outlineEntries(outline)).toHaveLength(corpus.overview.sections.length + corpus.overview.sections.reduce((sum, section) => sum + section.excerpts.length, 0) + 1);
  });

  it('links the sections and quoted passages by their locked anchors', () => {
    for (const entry of outlineEntries(outline).filter((item) => item.permalink)) {
      expect(entry.permalink).toBe(`/overview/#${entry.id}`);
      expect(lockedAnchors['/overview/']).toContain(entry.id);
    }
  });
});
