import type { Overview } from '../../schemas/overview';
import type { Policy } from '../../schemas/policy';
import { anchorPath, excerptAnchor, overviewPath } from '../site/urls';

/** One line of a page's outline (本页条款): an element of the page, by its id. */
export interface OutlineEntry {
  /** The id of the element on the page the entry leads to. */
  id: string;
  label: string;
  /** What the entry is: a clause, a narrative passage, or a part of the page. */
  kind: 'clause' | 'passage' | 'section';
  /** The entry's permanent address (a locked anchor), for its copy-link control; parts of the page without one have none. */
  permalink?: string;
  /** The document and clause a clause entry puts in the reader's collection (加入引用夹). */
  collect?: { policyId: string; clauseId: string };
  children: OutlineEntry[];
}

/** The outline of a document page: its clauses under 相关内容, then the report's narrative passages. */
export function policyOutline(policy: Policy & { id: string }): OutlineEntry[] {
  const passage = (id: string, label: string): OutlineEntry => ({ id, label, kind: 'passage', permalink: anchorPath(policy.id, id), children: [] });
  const [onlyPassage] = policy.narrative;
  const narrative =
    policy.narrative.length === 1
      ? passage(onlyPassage.id, '报告正文的论述')
      : { id: 'narrative', label: '报告正文的论述', kind: 'section' as const, children: policy.narrative.map((item, index) => passage(item.id, `第${index + 1}段`)) };
  const clauses: OutlineEntry = {
    id: 'clauses',
    label: '相关内容',
    kind: 'section',
    children: policy.clauses.map((clause) => ({ id: clause.id, label: clause.heading, kind: 'clause', permalink: anchorPath(policy.id, clause.id), collect: { policyId: policy.id, clauseId: clause.id }, children: [] })),
  };
  return [...(policy.clauses.length > 0 ? [clauses] : []), narrative];
}

/** The outline of /overview/: each thematic section with the documents it quotes, then Table 1. */
export function overviewOutline(overview: Overview, titleOf: (policyId: string) => string): OutlineEntry[] {
  const sections = overview.sections.map(
    (section): OutlineEntry => ({
      id: section.id,
      // A section's heading is its lead sentence; the outline drops the colon that leads into the quotes.
      label: section.heading.replace(/[：:]$/, ''),
      kind: 'section',
      permalink: overviewPath(section.id),
      children: section.excerpts.map((excerpt) => {
        const id = excerptAnchor(excerpt.policy, excerpt.passage);
        return { id, label: titleOf(excerpt.policy), kind: 'passage', permalink: overviewPath(id), children: [] };
      }),
    }),
  );
  return [...sections, { id: 'table-1', label: '表1　我国镁产业相关政策', kind: 'section', children: [] }];
}

/** Every entry of an outline, parents before their children (the page's order). */
export function outlineEntries(outline: OutlineEntry[]): OutlineEntry[] {
  return outline.flatMap((entry) => [entry, ...outlineEntries(entry.children)]);
}
