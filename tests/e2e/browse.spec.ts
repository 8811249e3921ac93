import { expect, test } from '@playwright/test';

test.describe('browsing by year, issuing body and topic', () => {
  test('a year page lists that year and links to its neighbours', async ({ page }) => {
    await page.goto('/years/2023/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('2023年的镁产业政策');
    await expect(page.locator('main article[data-policy]')).toHaveCount(5);
    await page.getByRole('link', { name: '2024年 →' }).click();
    await expect(page).toHaveURL(/\/years\/2024\/$/);
    await expect(page.getByRole('link', { name: '← 2023年' })).toBeVisible();
  });

  test('the ministries index counts led and co-issued documents', { tag: '@every-view' }, async ({ page }) => {
    await page.goto('/ministries/');
    const miit = page.getByRole('region', { name: '发文机关列表' }).getByRole('row', { name: /^工业和信息化部/ });
    await expect(miit).toBeVisible();
    await expect(page.getByRole('heading', { name: '谁与谁联合发文' })).toBeVisible();
    await expect(page.locator('svg[role="group"]')).toBeVisible();
    await miit.getByRole('link', { name: '工业和信息化部' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('工业和信息化部');
    await expect(page.getByText('Ministry of Industry and Information Technology (MIIT)')).toBeVisible();
    await expect(page.getByRole('heading', { name: '牵头发布' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '共同发文的机关' })).toBeVisible();
  });

  test('a topic page quotes its clauses and links to each one in its document', { tag: '@every-view' }, async ({ page }) => {
    await page.goto('/topics/');
    await page.getByRole('link', { name: '产能调控（限制类、淘汰类）' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('产能调控（限制类、淘汰类）');
    const clauseLink = page.getByRole('link', { name: /有色金属业淘汰类/ });
    await clauseLink.click();
    await expect(page).toHaveURL(/\/policies\/2023-industrial-structure-catalogue\/#eliminated-facilities$/);
    await expect(page.locator('#eliminated-facilities')).toBeInViewport();
  });

  test('the policy page links to previous and next documents and to related ones', async ({ page }) => {
    await page.goto('/policies/2022-industrial-carbon-peak/');
    await expect(page.getByRole('link', { name: /上一份：工业能效提升行动计划/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /下一份：鼓励外商投资产业目录/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: '相关文件' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '面包屑导航' })).toContainText('2022年');
  });

  test('the about page explains sources, corrections, citation and licence', async ({ page }) => {
    await page.goto('/about/');
    for (const heading of ['资料来源', '核对方法与更正', '如何引用', '数据许可']) {
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    }
    await expect(page.locator('main')).toContainText('工信部发改委');
  });

  test('an unknown address gets the 404 page with search and the timeline', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
    await expect(page.locator('main').getByRole('searchbox')).toBeVisible();
    await expect(page.getByRole('link', { name: '按时间线浏览全部政策文件' })).toBeVisible();
  });
});

test.describe('timeline filters', () => {
  test('with JavaScript, filters work in place and the URL keeps the state', { tag: '@every-view' }, async ({ page }) => {
    await page.goto('/');
    const entries = page.locator('[data-timeline] article[data-policy]');
    await expect(entries).toHaveCount(13);
    await page.getByRole('button', { name: /^2023年/ }).click();
    await expect(page).toHaveURL(/\?year=2023$/);
    await expect(entries.locator('visible=true')).toHaveCount(5);
    await page.getByText('按发文机关').click();
    await page.getByRole('button', { name: /^商务部/ }).click();
    await expect(page).toHaveURL(/\?year=2023&ministry=mofcom$/);
    await expect(entries.locator('visible=true')).toHaveCount(2);
    await expect(page.getByRole('status').filter({ hasText: '显示' })).toHaveText('显示 2 份，共 13 份文件');

    // The shared URL restores the same view.
    await page.goto('/?year=2023&ministry=mofcom');
    await expect(entries.locator('visible=true')).toHaveCount(2);
    await expect(page.getByRole('button', { name: /^商务部/ })).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(entries.locator('visible=true')).toHaveCount(13);
  });

  test('values that are not options are ignored, and shown nowhere', async ({ page }) => {
    await page.goto('/?topic=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&year=1999');
    await expect(page.locator('[data-timeline] article[data-policy]').locator('visible=true')).toHaveCount(13);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('filters are links to the year, ministry and topic pages', { tag: '@every-view' }, async ({ page }) => {
      await page.goto('/');
      await page.getByRole('link', { name: /^2022年\s*5$/ }).click();
      await expect(page).toHaveURL(/\/years\/2022\/$/);
      await expect(page.locator('main article[data-policy]')).toHaveCount(5);
    });
  });
});
