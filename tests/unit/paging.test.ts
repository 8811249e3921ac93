import { describe, expect, it } from 'vitest';
import { FIRST_BATCH, moreLabel, PAGE_SIZE, Paging, statusText, STEP_LIMIT, type Progress, type Step } from '../../src/lib/search/paging';

/** A candidate: its id, whether it holds the query (or only its characters), and its score. */
interface Candidate {
  id: number;
  complete: boolean;
  related?: boolean;
  score?: number;
}
const result = (candidate: Candidate) => ({ id: candidate.id, assessment: { complete: candidate.complete, related: candidate.related ?? false, score: candidate.score ?? 0 } });

type Result = ReturnType<typeof result>;
const pagingOf = (list: Candidate[], rank: boolean, firstBatch?: number) => new Paging<Candidate, Result>(list, rank, firstBatch);

/** Runs one step: what its batches showed, in order and together, or undefined when the step did nothing. */
async function stepOf<R extends Result>(paging: Paging<Candidate, R>, check: (batch: Candidate[]) => Promise<R[] | undefined>) {
  const shown: Step<R>[] = [];
  const done: boolean[] = [];
  const ran = await paging.next(check, (batch, last) => {
    shown.push(batch);
    done.push(last);
  });
  return ran ? { shown, done, complete: shown.flatMap((batch) => batch.complete), related: shown.flatMap((batch) => batch.related) } : undefined;
}

/** `count` candidates, holding the query where `holds(index)`, scored by `score(index)`. */
const candidates = (count: number, holds: (index: number) => boolean = () => true, score: (index: number) => number = () => 0): Candidate[] =>
  Array.from({ length: count }, (_, id) => ({ id, complete: holds(id), related: !holds(id), score: score(id) }));

/** A check that records the batches it was asked for. */
function checker() {
  const batches: number[][] = [];
  const check = async (batch: Candidate[]) => {
    batches.push(batch.map((candidate) => candidate.id));
    return batch.map(result);
  };
  return { batches, check };
}

const ids = (results: { id: number }[]) => results.map((item) => item.id);
const progressOf = (paging: Paging<Candidate, Result>, query = '镁'): Progress => ({
  query,
  browsing: false,
  checked: paging.checked,
  unchecked: paging.unchecked,
  complete: paging.complete,
  overview: paging.overview,
  related: paging.related,
});

describe('paging through candidates', () => {
  it(`checks up to ${STEP_LIMIT} candidates at once, ranked together, and counts them exactly`, async () => {
    const paging = pagingOf(candidates(STEP_LIMIT, (index) => index % 3 !== 0, (index) => index), true);
    expect(paging.paged).toBe(false);
    const { batches, check } = checker();
    const step = (await stepOf(paging, check))!;
    expect(batches).toEqual([Array.from({ length: STEP_LIMIT }, (_, index) => index)]);
    expect(ids(step.complete)).toEqual([19, 17, 16, 14, 13, 11, 10, 8, 7, 5, 4, 2, 1]);
    expect(ids(step.related)).toEqual([0, 3, 6, 9, 12, 15, 18]);
    expect(paging.unchecked).toBe(0);
    expect(statusText(progressOf(paging))).toBe('找到 13 份文件，另有 7 份相关结果');
    expect(moreLabel(progressOf(paging))).toBeUndefined();
  });

  it(`checks more candidates a batch of ${PAGE_SIZE} at a time, and stops at a page of complete results`, async () => {
    const paging = pagingOf(candidates(100), true);
    expect(paging.paged).toBe(true);
    const { batches, check } = checker();
    const first = (await stepOf(paging, check))!;
    expect(batches).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);
    expect(first.complete).toHaveLength(PAGE_SIZE);
    expect(paging.unchecked).toBe(90);
  });

  it(`checks more batches, as many candidates as the page still lacks, when the first yields less than a page, and never more than ${STEP_LIMIT} candidates a step`, async () => {
    const paging = pagingOf(candidates(100, (index) => index % 4 === 0), true);
    const { batches, check } = checker();
    const step = (await stepOf(paging, check))!;
    expect(batches.map((batch) => batch.length)).toEqual([PAGE_SIZE, 7, 3]);
    expect(ids(step.complete)).toEqual([0, 4, 8, 12, 16]);
    // Each batch's results are shown as it is checked, below the batches before.
    expect(step.shown.map((batch) => ids(batch.complete))).toEqual([[0, 4, 8], [12, 16], []]);
    expect(paging.checked).toBe(STEP_LIMIT);
  });

  it('ends with every remaining candidate at once when they fit in what the step may still check', async () => {
    const paging = pagingOf(candidates(25, () => false), true);
    const { batches, check } = checker();
    await stepOf(paging, check);
    await stepOf(paging, check);
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
    const paging2 = pagingOf(candidates(35, () => false), true);
    const second = checker();
    await stepOf(paging2, second.check);
    await stepOf(paging2, second.check);
    expect(second.batches.map((batch) => batch.length)).toEqual([10, 10, 15]);
  });

  it('adds each step below the results shown: a later, better result never moves one already seen', async () => {
    const paging = pagingOf(candidates(40, () => true, (index) => index), true);
    const { check } = checker();
    const first = (await stepOf(paging, check))!;
    const second = (await stepOf(paging, check))!;
    expect(ids(first.complete)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(ids(second.complete)).toEqual([19, 18, 17, 16, 15, 14, 13, 12, 11, 10]);
  });

  it("keeps Pagefind's order when sorting by date, and on equal scores", async () => {
    const byDate = pagingOf(candidates(5, () => true, (index) => index), false);
    expect(ids((await stepOf(byDate, checker().check))!.complete)).toEqual([0, 1, 2, 3, 4]);
    const ties = pagingOf(candidates(5, () => true, (index) => (index === 3 ? 1 : 0)), true);
    expect(ids((await stepOf(ties, checker().check))!.complete)).toEqual([3, 0, 1, 2, 4]);
  });

  it('lists every complete candidate exactly once after clicking until none remain', async () => {
    const paging = pagingOf(candidates(313, (index) => index % 7 !== 0, (index) => (index * 37) % 11), true);
    const { check } = checker();
    const shown: number[] = [];
    for (let steps = 0; paging.unchecked > 0 || steps === 0; steps += 1) {
      expect(steps).toBeLessThan(100);
      const step = (await stepOf(paging, check))!;
      shown.push(...ids(step.complete));
    }
    const truth = candidates(313, (index) => index % 7 !== 0).filter((candidate) => candidate.complete);
    expect(shown).toHaveLength(truth.length);
    expect(new Set(shown).size).toBe(truth.length);
    expect(paging.complete).toBe(truth.length);
    expect(statusText(progressOf(paging))).toMatch(new RegExp(`^找到 ${truth.length} 份文件，另有 \\d+ 份相关结果$`));
  });

  it('a batch that fails to load goes back, so the next click checks it', async () => {
    const paging = pagingOf(candidates(30), true);
    await expect(stepOf(paging, () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(paging.unchecked).toBe(30);
    expect(paging.checked).toBe(0);
    const { batches, check } = checker();
    await stepOf(paging, check);
    expect(batches[0][0]).toBe(0);
  });

  it('a step whose answer is no longer wanted adds nothing; a click during a step does nothing', async () => {
    const stale = pagingOf(candidates(30), true);
    expect(await stepOf(stale, async () => undefined)).toBeUndefined();
    expect(stale.complete).toBe(0);

    const paging = pagingOf(candidates(60), true);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = stepOf(paging, async (batch) => {
      await gate;
      return batch.map(result);
    });
    expect(await stepOf(paging, checker().check)).toBeUndefined();
    release();
    expect(ids((await slow)!.complete)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('ruling the candidates out ends the search with nothing found', async () => {
    const paging = pagingOf(candidates(300, () => false), true);
    const step = (await stepOf(paging, async () => {
      paging.ruleOut();
      return [];
    }))!;
    expect(step.complete).toEqual([]);
    expect(paging.unchecked).toBe(0);
    expect(statusText(progressOf(paging, '钛合金'))).toBe('没有找到包含“钛合金”的文件');
    expect(moreLabel(progressOf(paging))).toBeUndefined();
  });

  it(`with a first batch of ${FIRST_BATCH}, shows it first, then checks what the page still lacks`, async () => {
    const paging = pagingOf(candidates(100, () => true, (index) => index), true, FIRST_BATCH);
    const { batches, check } = checker();
    const step = (await stepOf(paging, check))!;
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);
    expect(batches).toEqual([range(0, FIRST_BATCH), range(FIRST_BATCH, PAGE_SIZE)]);
    // Ranked within each batch: a later batch never moves a result shown before it.
    expect(step.shown.map((batch) => ids(batch.complete))).toEqual([range(0, FIRST_BATCH).reverse(), range(FIRST_BATCH, PAGE_SIZE).reverse()]);
    expect(step.done).toEqual([false, true]);
    expect(statusText(progressOf(paging))).toBe('找到约 100 份文件，已显示 10 份');
  });

  it(`with a first batch of ${FIRST_BATCH}, a query no candidate holds costs two rounds: the first batch, then the rest of the step`, async () => {
    const paging = pagingOf(candidates(300, () => false), true, FIRST_BATCH);
    const { batches, check } = checker();
    const step = (await stepOf(paging, check))!;
    expect(batches.map((batch) => batch.length)).toEqual([FIRST_BATCH, STEP_LIMIT - FIRST_BATCH]);
    expect(step.done).toEqual([false, true]);
  });

  it(`with a first batch of ${FIRST_BATCH}, checks a few candidates at once, and the rest of those that fit in the step after the first batch: the count is exact`, async () => {
    const few = pagingOf(candidates(FIRST_BATCH), true, FIRST_BATCH);
    const first = checker();
    await stepOf(few, first.check);
    expect(first.batches.map((batch) => batch.length)).toEqual([FIRST_BATCH]);
    const some = pagingOf(candidates(STEP_LIMIT - 2), true, FIRST_BATCH);
    const second = checker();
    await stepOf(some, second.check);
    expect(second.batches.map((batch) => batch.length)).toEqual([FIRST_BATCH, STEP_LIMIT - 2 - FIRST_BATCH]);
    expect(statusText(progressOf(some))).toBe(`找到 ${STEP_LIMIT - 2} 份文件`);
  });
});

describe('the report overview among the candidates', () => {
  it('is ranked among the complete results but counted apart, and never a related result', async () => {
    const list = [...candidates(3, () => true, (index) => index), { id: 99, complete: true, score: 5 }, { id: 98, complete: false, related: true }];
    const paging = new Paging<Candidate, Result & { overview: boolean }>(list, true);
    const step = (await stepOf(paging, async (batch) => batch.map((candidate) => ({ ...result(candidate), overview: candidate.id >= 98 }))))!;
    expect(ids(step.complete)).toEqual([99, 2, 1, 0]);
    expect(step.related).toEqual([]);
    expect([paging.complete, paging.overview, paging.related]).toEqual([3, true, 0]);
  });
});

describe('the status line', () => {
  const progress = (fields: Partial<Progress>): Progress => ({ query: '镁', browsing: false, checked: 0, unchecked: 0, complete: 0, overview: false, related: 0, ...fields });

  it('states an exact count only once every candidate is checked', () => {
    expect(statusText(progress({ checked: 313, complete: 294 }))).toBe('找到 294 份文件');
    expect(statusText(progress({ checked: 13, complete: 4, related: 2 }))).toBe('找到 4 份文件，另有 2 份相关结果');
    expect(statusText(progress({ checked: 13 }))).toBe('没有找到包含“镁”的文件');
  });

  it('estimates the count while candidates remain unchecked: the confirmed results and the unchecked candidates', () => {
    expect(statusText(progress({ checked: 10, unchecked: 284, complete: 10 }))).toBe('找到约 294 份文件，已显示 10 份');
    expect(statusText(progress({ checked: 20, unchecked: 100, complete: 3, related: 5 }))).toBe('找到约 103 份文件，已显示 3 份');
    expect(moreLabel(progress({ checked: 10, unchecked: 284, complete: 10 }))).toBe('显示更多');
  });

  it('says how many candidates were checked in vain, and offers to look further', () => {
    const vain = progress({ query: '钛合金', checked: 20, unchecked: 117, related: 2 });
    expect(statusText(vain)).toBe('前 20 份候选文件中没有包含“钛合金”的文件');
    expect(moreLabel(vain)).toBe('继续查找');
    expect(statusText({ ...vain, checked: 40, unchecked: 97 })).toBe('前 40 份候选文件中没有包含“钛合金”的文件');
  });

  it('names the report overview apart from the documents, or alone when no document holds the query', () => {
    expect(statusText(progress({ checked: 13, complete: 4, overview: true }))).toBe('找到 4 份文件及报告综述');
    expect(statusText(progress({ checked: 13, complete: 4, overview: true, related: 1 }))).toBe('找到 4 份文件及报告综述，另有 1 份相关结果');
    expect(statusText(progress({ query: '大健康', checked: 2, overview: true }))).toBe('只在报告综述中找到“大健康”');
    expect(statusText(progress({ checked: 10, unchecked: 284, complete: 9, overview: true }))).toBe('找到约 293 份文件，已显示 9 份及报告综述');
    expect(statusText(progress({ query: '储能', checked: 20, unchecked: 30, overview: true }))).toBe('只在报告综述中找到“储能”，还有 30 份候选文件未查看');
  });

  it('counts exactly when browsing, where every candidate is a result', () => {
    expect(statusText(progress({ query: '', browsing: true, checked: 10, unchecked: 52, complete: 10 }))).toBe('找到 62 份文件，已显示 10 份');
    expect(statusText(progress({ query: '', browsing: true, checked: 62, complete: 62 }))).toBe('找到 62 份文件');
    expect(statusText(progress({ query: '', browsing: true }))).toBe('没有找到符合筛选条件的文件');
  });
});
