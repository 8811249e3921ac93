import { describe, expect, it } from 'vitest';
import { clausePath, overviewPath, policyPageOf, policyPath } from '../../src/lib/site/urls';

describe('policyPageOf', () => {
  it('reads back the document and clause of the paths policyPath and clausePath write', () => {
    expect(policyPageOf(policyPath('2023-nonferrous-stable-growth', '/'))).toEqual({ policyId: '2023-nonferrous-stable-growth' });
    expect(policyPageOf(clausePath('2023-nonferrous-stable-growth', 'international-markets', '/'))).toEqual({
      policyId: '2023-nonferrous-stable-growth',
      clauseId: 'international-markets',
    });
  });

  it('names nothing for another page, an anchor or a deeper path', () => {
    for (const path of [overviewPath(undefined, '/'), '/policies/', '/policies/a/#b', '/policies/a/b/c/', '/mg-policy/policies/a/']) {
      expect(policyPageOf(path), path).toBeUndefined();
    }
  });
});
