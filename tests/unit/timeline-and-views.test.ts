import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth } from '../../src/lib/content/dates';
import { compareChronologically, timelineMonth } from '../../src/lib/content/timeline';
import { LISTED_IN_FULL, clauseCount, clausesOnTopic, coIssuers, groupByYear, ministryRoles, neighbouringYears, newestListed, relatedPolicies, shortName, yearsOf } from '../../src/lib/content/views';
import { loadCorpus } from '../../src/loaders/load-corpus';

const corpus = loadCorpus(process.cwd());
const policies = corpus.policies.map(({ id, data }) => ({ id, ...data })).sort(compareChronologically);
const byId = (id: string) => policies.find((policy) => policy.id === id)!;

describe('dates', () => {
  it('writes months and days the Chinese way, without leading zeros', () => {
    expect(formatMonth('2023-08')).toBe('2023年8月');
    expect(formatDate('2024-01-03')).toBe('2024年1月3日');
  });
});

describe('timeline order', () => {
  it('uses the report date, else the signed date', () => {
    expect(timelineMonth(byId('2023-nonferrous-stable-growth'))).toBe('2023-08');
    expect(timelineMonth(byId('2022-industrial-carbon-peak'))).toBe('2022-07');
  });

  it('places the narrative-only document between Table 1 rows 3 and 4', () => {
    const ids = policies.map((policy) => policy.id);
    expect(ids.indexOf('2022-industrial-carbon-peak')).toBe(ids.indexOf('2022-industrial-energy-efficiency') + 1);
    expect(ids.indexOf('2022-foreign-investment-catalogue')).toBe(ids.indexOf('2022-industrial-carbon-peak') + 1);
  });

  it('keeps Table 1 order otherwise', () => {
    const rows = policies.map((policy) => policy.tableRow).filter((row) => row !== undefined);
    expect(rows).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe('views', () => {
  it('groups by year and lists the years', () => {
    expect(yearsOf(policies)).toEqual(['2021', '2022', '2023', '2024']);
    expect(groupByYear(policies).map((group) => [group.year, group.policies.length])).toEqual([
      ['2021', 1],
      ['2022', 5],
      ['2023', 5],
      ['2024', 2],
    ]);
    expect(neighbouringYears(['2021', '2022', '2023'], '2022')).toEqual({ previous: '2021', next: '2023' });
    expect(neighbouringYears(['2021', '2022'], '2021')).toEqual({ previous: undefined, next: '2022' });
  });

  it('separates the documents a body led from those it co-issued', () => {
    const miit = ministryRoles(policies, 'miit');
    expect(miit.led.map((policy) => policy.id)).toContain('2023-nonferrous-stable-growth');
    expect(miit.coIssued.map((policy) => policy.id)).toContain('2023-equipment-renewal-recycling');
    expect(miit.led.some((policy) => miit.coIssued.includes(policy))).toBe(false);
  });

  it('counts co-issuers, most frequent first', () => {
    const partners = coIssuers(policies, 'mofcom');
    expect(partners[0]).toEqual({ id: 'ndrc', count: 3 });
    expect(partners.map((partner) => partner.id)).not.toContain('mofcom');
  });

  it('collects the clauses on a topic, by document, in time order', () => {
    const groups = clausesOnTopic(policies, 'capacity-control');
    expect(groups.map((group) => group.policy.id)).toEqual(['2022-nonferrous-carbon-peak', '2023-industrial-structure-catalogue', '2024-energy-saving-action-plan']);
    expect(groups[1].clauses.map((clause) => clause.id)).toEqual(['restricted-projects', 'eliminated-facilities']);
    expect(clauseCount(groups)).toBe(4);
    expect(clauseCount([])).toBe(0);
  });

  it('relates documents by shared topics, most shared first', () => {
    const related = relatedPolicies(policies, policies.indexOf(byId('2024-energy-saving-action-plan')));
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(4);
    for (let index = 1; index < related.length; index += 1) {
      expect(related[index - 1].sharedTopics.length).toBeGreaterThanOrEqual(related[index].sharedTopics.length);
    }
    expect(related.map((item) => item.policy.id)).not.toContain('2024-energy-saving-action-plan');
  });

  it('prefers the first short name', () => {
    expect(shortName({ name: '国家发展和改革委员会', shortNames: ['国家发展改革委', '发改委'] })).toBe('国家发展改革委');
    expect(shortName({ name: '财政部', shortNames: [] })).toBe('财政部');
  });
});

describe('listing pages', () => {
  it('list every document of a small collection', () => {
    expect(newestListed(policies)).toEqual({ listed: policies, omitted: 0 });
  });

  it(`list the newest ${LISTED_IN_FULL} of a large one, in the order given, and count the rest`, () => {
    const many = Array.from({ length: LISTED_IN_FULL + 7 }, (_, index) => index);
    const { listed, omitted } = newestListed(many);
    expect(listed).toEqual(many.slice(7));
    expect(omitted).toBe(7);
  });
});
