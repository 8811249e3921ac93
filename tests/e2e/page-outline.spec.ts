/**
 * The outline beside a document (本页条款) and Table 1 on a phone. Each test sets the width it is
 * about, so that it runs once (in desktop-light).
 */
import { expect, test, type Locator } from '@playwright/test';

const path = '/policies/2023-nonferrous-stable-growth/';

test('on a wide screen the outline marks the clause being read, follows its links and copies them', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto(path);
  const outline = page.getByRole('navigation', { name: '本页条款' });
  await expect(outline).toBeVisible();
  await expect(outline.getByRole('link')).toHaveText(['相关内容', '提升供给能力', '加强重点产品保供稳价', '培育优质骨干企业', '支持重大项目建设', '促进优质产品消费应用', '拓展国际市场', '报告正文的论述']);
  const marked = outline.locator('[aria-current="true"]');

  // Scrolling by hand: the clause that reaches the top is the one marked.
  await page.locator('#leading-enterprises').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await expect(marked).toHaveText('培育优质骨干企业');
  await page.locator('#consumption-applications').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await expect(marked).toHaveText('促进优质产品消费应用');

  // The outline stays in view as the page scrolls, and its links lead to the clause.
  await expect(outline).toBeInViewport();
  await outline.getByRole('link', { name: '拓展国际市场' }).click();
  await expect(page).toHaveURL(new RegExp(`${path}#international-markets$`));
  await expect(page.locator('#international-markets')).toBeInViewport();
  await expect(marked).toHaveText('拓展国际市场');

  // Each entry copies its permanent link, and says so.
  await outline.getByRole('link', { name: '支持重大项目建设' }).hover();
  await outline.getByRole('button', { name: '复制链接：支持重大项目建设' }).click();
  const expected = `${baseURL}${path}#major-projects`;
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  await expect(page.getByRole('status').filter({ hasText: '已复制链接' })).toHaveText(`已复制链接：${expected}`);
});

test.describe('on a phone, without JavaScript', () => {
  test.use({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });

  test('the outline is a control at the top that opens and leads to the clause', async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('navigation', { name: '本页条款' })).toBeHidden();
    const fold = page.locator('details', { has: page.locator('summary', { hasText: '本页条款' }) });
    const entry = fold.getByRole('link', { name: '拓展国际市场' });
    await expect(fold).toBeInViewport();
    await expect(entry).toBeHidden();
    await fold.locator('summary').click();
    await entry.click();
    await expect(page).toHaveURL(new RegExp(`${path}#international-markets$`));
    await expect(page.locator('#international-markets')).toBeInViewport();
  });
});

/** How many lines an element's text takes. */
const lineCount = (element: Locator) =>
  element.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });

/** At least this many characters fit on a line of any cell: fewer reads as a column of fragments. */
const READABLE_CHARACTERS = 8;

// A phone, the narrowest table, and a wide screen where the outline takes the right-hand column.
for (const width of [375, 800, 1280]) {
  test.describe(`Table 1 at ${width} px`, () => {
    test.use({ viewport: { width, height: 740 } });

    test(`has no column narrower than ${READABLE_CHARACTERS} characters`, async ({ page }) => {
      await page.goto('/overview/#table-1');
      const table = page.locator('#table-1');
      const headings = ['序号', '时间', '文件名称', '主要发文部门', '相关内容'];
      // A table from the md width up; below it, one card per row with the same five labels.
      const shown = width < 768 ? table.locator('[data-table-cards] > li') : table.getByRole('row').filter({ has: page.getByRole('cell') });
      await expect(shown).toHaveCount(12);
      if (width < 768) {
        await expect(table.getByRole('table')).toBeHidden();
        for (const heading of headings) await expect(shown.first().locator('dt', { hasText: heading })).toBeVisible();
      } else {
        await expect(table.getByRole('columnheader')).toHaveText(headings);
      }
      const clauseLinks = shown.locator('ul a');
      // The 21 clauses of the twelve rows.
      await expect(clauseLinks).toHaveCount(21);
      for (const link of await clauseLinks.all()) {
        const characters = [...(await link.innerText())].length;
        expect(await lineCount(link), await link.innerText()).toBeLessThanOrEqual(Math.ceil(characters / READABLE_CHARACTERS));
      }
    });
  });
}
