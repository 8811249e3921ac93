import { expect, test } from '@playwright/test';
import urlLock from '../../content/url-lock.json' with { type: 'json' };

// Document pages only (clause pages live one level deeper).
const policyPages = urlLock.pages.filter((path) => /^\/policies\/[^/]+\/$/.test(path));

test('the home page lists every document and links to it', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const links = page.locator('main a[href*="/policies/"]');
  await expect(links).toHaveCount(policyPages.length);
  await links.filter({ hasText: '有色金属行业稳增长工作方案' }).click();
  await expect(page).toHaveURL(/\/policies\/2023-nonferrous-stable-growth\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('有色金属行业稳增长工作方案');
});

// One browser page walks them all: a new page per document cost more than the checks.
test('every document page shows metadata, clauses and the report\'s narrative', async ({ page }) => {
  test.setTimeout(policyPages.length * 10_000);
  for (const path of policyPages) {
    await test.step(path, async () => {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
      const metadata = page.locator('#metadata');
      // The block's own labels (a successor's record inside 状态 repeats some of them).
      for (const label of ['标题', '发文字号', '发文机关', '主题分类', '实施期限', '状态']) {
        await expect(metadata.locator(':scope > dt').filter({ hasText: new RegExp(`^${label}$`) })).toBeVisible();
      }
      await expect(page.locator('#report-narrative')).toBeVisible();
      for (const anchor of urlLock.anchors[path as keyof typeof urlLock.anchors]) {
        await expect(page.locator(`[id="${anchor}"]`)).toBeVisible();
      }
    });
  }
});

test('a #clause deep link lands on that clause', { tag: '@every-view' }, async ({ page }) => {
  await page.goto('/policies/2023-industrial-structure-catalogue/#eliminated-facilities');
  const clause = page.locator('#eliminated-facilities');
  await expect(clause).toBeInViewport();
  await expect(clause).toContainText('有色金属业淘汰类');
  expect(await clause.evaluate((element) => element.matches(':target'))).toBe(true);
});

test('editorial notes sit beside the report value, which stays visible', async ({ page }) => {
  await page.goto('/policies/2022-foreign-investment-catalogue/');
  const notes = page.locator('#notes');
  await expect(notes).toContainText('2022.07');
  await expect(notes).toContainText('商务部');
  // The report's own date and issuer text are still shown.
  await expect(page.locator('#metadata')).toContainText('2022年7月');
  await expect(page.locator('#metadata')).toContainText('国家发展和改革委员会');
});

test('the overview links every quoted passage to its document', async ({ page }) => {
  await page.goto('/overview/');
  await expect(page.locator('#introduction')).toContainText('我国具有显著的资源优势和技术优势。');
  const documentLinks = page.locator('main section a[href$="#report-narrative"]');
  await expect(documentLinks).toHaveCount(13);
  await documentLinks.first().click();
  await expect(page.locator('#report-narrative')).toBeInViewport();
});
