import { describe, expect, it } from 'vitest';
import { DOCUMENT_NUMBER_FORM, documentNumberProblem, documentNumberYear } from '../../src/schemas/document-number';

describe('documentNumberProblem', () => {
  it('accepts the standard forms, every real one included', () => {
    for (const value of ['工信部联原〔2023〕130号', '国发〔2024〕12号', '国科发区〔2022〕25号', '发改环资〔2023〕178号', '国家发展改革委令第7号', '国办发〔2023〕1号']) {
      expect(documentNumberProblem(value), value).toBeUndefined();
    }
  });

  it('names full-width digits and what to write instead', () => {
    expect(documentNumberProblem('工信部联原〔２０２３〕130号')).toBe('full-width digits: write 2023 for ２０２３');
    expect(documentNumberProblem('工信部联原〔２０２３〕１３０号')).toBe('full-width digits: write 2023 for ２０２３, 130 for １３０');
    expect(documentNumberProblem('国家发展改革委令第７号')).toBe('full-width digits: write 7 for ７');
  });

  it('names each traditional character and its simplified form', () => {
    expect(documentNumberProblem('工信部联原〔2023〕130號')).toBe('traditional 號: write 号');
    expect(documentNumberProblem('工信部聯原〔2023〕130號')).toBe('traditional 聯: write 联; traditional 號: write 号');
  });

  it('gives the bracket message for wrong brackets, square ones included', () => {
    for (const value of ['工信部联原﹝2023﹞130号', '工信部联原[2023]130号', '工信部联原［2023］130号', '工信部联原(2023)130号', '工信部联原【2023】130号', '工信部联原2023130号']) {
      expect(documentNumberProblem(value), value).toBe(DOCUMENT_NUMBER_FORM);
    }
  });

  it('names markup, spaces, a serial number 0 and a leading zero', () => {
    expect(documentNumberProblem('<b>工信部联原〔2023〕130号</b>')).toMatch(/^has the markup character "<"/);
    expect(documentNumberProblem('**工信部联原〔2023〕130号**')).toMatch(/^has the markup character "\*"/);
    expect(documentNumberProblem('{工信部联原〔2023〕130号}')).toMatch(/^has the markup character "\{"/);
    expect(documentNumberProblem('[工信部联原〔2023〕130号](https://www.gov.cn/)')).toMatch(/^has the markup character "\["/);
    expect(documentNumberProblem('工信部联原 〔2023〕130号')).toMatch(/^has a space/);
    expect(documentNumberProblem('工信部联原〔2023〕0号')).toMatch(/^the serial number is 0;/);
    expect(documentNumberProblem('工信部联原〔2023〕030号')).toBe('the serial number 030 has a leading zero; write 30');
  });
});

describe('documentNumberYear', () => {
  it('reads the year of a standard number; an order number has none', () => {
    expect(documentNumberYear('工信部联原〔2023〕130号')).toBe(2023);
    expect(documentNumberYear('工信部联原〔0000〕130号')).toBe(0);
    expect(documentNumberYear('国家发展改革委令第7号')).toBeUndefined();
  });
});
