import { describe, expect, it } from 'vitest';
import { gbt7714Citation, plainCitation, type CitableDocument } from '../../src/lib/share/citation';

const sixBodies: CitableDocument = {
  officialTitle: '工业和信息化部等六部门关于印发工业能效提升行动计划的通知',
  documentNumber: '工信部联节〔2022〕76号',
  published: '2022-06-29',
  issuerNames: ['工业和信息化部', '国家发展和改革委员会', '财政部', '生态环境部', '国务院国有资产监督管理委员会', '国家市场监督管理总局'],
  issuersComplete: true,
};
const url = 'https://example.org/policies/2022-industrial-energy-efficiency/';

describe('citations', () => {
  it('follows GB/T 7714-2015 for an online policy document', () => {
    expect(gbt7714Citation(sixBodies, url, '2026-11-29')).toBe(
      '工业和信息化部, 国家发展和改革委员会, 财政部, 等. 工业和信息化部等六部门关于印发工业能效提升行动计划的通知: 工信部联节〔2022〕76号[EB/OL]. (2022-06-29)[2026-11-29]. https://example.org/policies/2022-industrial-energy-efficiency/.',
    );
  });

  it('names the clause when citing a clause', () => {
    const citation = gbt7714Citation(sixBodies, `${url}#energy-efficiency-retrofit`, '2026-11-29', { heading: '推进重点行业节能提效改造升级' });
    expect(citation).toContain('工信部联节〔2022〕76号, “推进重点行业节能提效改造升级”条[EB/OL]');
    expect(citation).toContain('#energy-efficiency-retrofit.');
  });

  it('lists up to three bodies in full, and marks an incomplete list with 等', () => {
    const state: CitableDocument = { officialTitle: '国务院关于印发《2024—2025年节能降碳行动方案》的通知', documentNumber: '国发〔2024〕12号', published: '2024-05-29', issuerNames: ['国务院'], issuersComplete: true };
    expect(gbt7714Citation(state, url, '2026-11-29')).toMatch(/^国务院\. /);
    expect(gbt7714Citation({ ...state, issuersComplete: false }, url, '2026-11-29')).toMatch(/^国务院, 等\. /);
  });

  it('falls back to the report month when no exact date is known', () => {
    const undated: CitableDocument = { officialTitle: '《建材行业稳增长工作方案》', reportDate: '2023-08', issuerNames: ['工业和信息化部'], issuersComplete: false };
    expect(gbt7714Citation(undated, url, '2026-11-29')).toContain('(2023-08)');
    expect(plainCitation(undated, url, '2026-11-29')).toContain('2023年8月');
  });

  it('gives a plain form in running text', () => {
    expect(plainCitation(sixBodies, url, '2026-11-29', { heading: '推进重点行业节能提效改造升级' })).toBe(
      '工业和信息化部、国家发展和改革委员会、财政部等：《工业和信息化部等六部门关于印发工业能效提升行动计划的通知》（工信部联节〔2022〕76号），2022年6月29日，“推进重点行业节能提效改造升级”条。中国镁产业政策文库，https://example.org/policies/2022-industrial-energy-efficiency/，访问日期：2026年11月29日。',
    );
  });
});
