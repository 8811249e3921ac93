import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { periodText, statusPhrase } from '../../src/lib/content/status';
import { entryUpdated } from '../../src/lib/open-data/feed';
import { buildOpenData } from '../../src/lib/open-data/records';
import { citableDocument, gbt7714Citation, plainCitation } from '../../src/lib/share/citation';
import { policyCard, clauseCard } from '../../src/lib/share/image';
import { loadCorpus } from '../../src/loaders/load-corpus';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const corpus = loadCorpus(projectRoot, 'content');
const policies = corpus.policies.map((entry) => ({ id: entry.id, ...entry.data }));
const byId = (id: string) => policies.find((policy) => policy.id === id)!;
const ministries = new Map(corpus.ministries.map((ministry) => [ministry.id, ministry]));
const name = (id: string) => ministries.get(id)!.name;

describe('status and period as readers see them', () => {
  it('writes a replaced status with the day it took effect', () => {
    expect(statusPhrase({ state: 'replaced', since: '2025-08-28' })).toBe('已被替代（2025年8月28日起）');
    expect(statusPhrase({ state: 'period-ended', since: '2026-01' })).toBe('实施期已结束');
    expect(periodText(undefined)).toBe('未见公开记录');
    expect(periodText({ unknown: '未见公开记录' })).toBe('未见公开记录');
  });

  it('says in both citations that a replaced document was replaced, and only then', () => {
    const replaced = citableDocument(byId('2023-nonferrous-stable-growth'), name);
    expect(gbt7714Citation(replaced, 'https://example.org/p/', '2026-12-03')).toMatch(/https:\/\/example\.org\/p\/\. （已被替代，自2025年8月28日起）$/);
    expect(plainCitation(replaced, 'https://example.org/p/', '2026-12-03')).toContain('2023年8月25日（已被替代，自2025年8月28日起）。');
    const inForce = citableDocument(byId('2023-phosphorus-resources'), name);
    expect(gbt7714Citation(inForce, 'https://example.org/p/', '2026-12-03')).not.toContain('替代');
    expect(plainCitation(inForce, 'https://example.org/p/', '2026-12-03')).not.toContain('替代');
  });

  it('flags a replaced document on its share cards', () => {
    const policy = byId('2022-foreign-investment-catalogue');
    const issuers = policy.issuers.map((id) => ministries.get(id)!);
    expect(policyCard(policy, issuers, '/p/').notice).toBe('已被替代（2026年2月1日起）');
    expect(clauseCard(policy, policy.clauses[0], '/p/c/').notice).toBe('已被替代（2026年2月1日起）');
    expect(policyCard(byId('2023-phosphorus-resources'), [], '/p/').notice).toBeUndefined();
  });

  it("dates a feed entry's update by the later of its date and the day its status took effect", () => {
    const data = buildOpenData({ policies, ministries, topics: corpus.topics, site: undefined, generated: '2026-12-03T00:00:00Z' });
    const record = (id: string) => data.policies.policies.find((policy) => policy.id === id)!;
    expect(entryUpdated(record('2023-nonferrous-stable-growth'))).toBe('2025-08-28T00:00:00+08:00');
    expect(entryUpdated(record('2024-energy-saving-action-plan'))).toBe('2026-01-01T00:00:00+08:00');
    expect(entryUpdated(record('2023-phosphorus-resources'))).toBe('2024-01-03T00:00:00+08:00');
  });

  it('publishes the successor record with its issuers, and the period', () => {
    const data = buildOpenData({ policies, ministries, topics: corpus.topics, site: undefined, generated: '2026-12-03T00:00:00Z' });
    const building = data.policies.policies.find((policy) => policy.id === '2023-building-materials-stable-growth')!;
    expect(building.status.successor).toMatchObject({ documentNumber: '未见公开记录', date: '2025-09-24', dateKind: 'published' });
    expect(building.status.successor!.issuers.map((issuer) => issuer.id)).toEqual(['miit', 'mnr', 'mee', 'mohurd', 'mwr', 'mara']);
    expect(building.period).toMatchObject({ text: '2023—2024年', source: 'record' });
    const catalogue = data.policies.policies.find((policy) => policy.id === '2023-industrial-structure-catalogue')!;
    expect(catalogue.period.text).toBeNull();
    expect(catalogue.period.basis).toMatch(/未见/);
  });
});
