import { expect, test } from '@playwright/test';

const clausePage = '/policies/2023-nonferrous-stable-growth/international-markets/';
const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

test('a clause page shows the clause and links to it in the full document', async ({ page }) => {
  await page.goto(clausePage);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('拓展国际市场');
  await expect(page.locator('blockquote')).toContainText('鼓励镁制品等深加工产品出口');
  await page.getByRole('link', { name: '在全文中查看本条 →' }).click();
  await expect(page).toHaveURL(/\/policies\/2023-nonferrous-stable-growth\/#international-markets$/);
  await expect(page.locator('#international-markets')).toBeInViewport();
});

test('the neighbouring clauses are linked', async ({ page }) => {
  await page.goto('/policies/2023-nonferrous-stable-growth/leading-enterprises/');
  await expect(page.getByRole('link', { name: /上一条：加强重点产品保供稳价/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /下一条：支持重大项目建设/ })).toBeVisible();
});

test('引用 gives a GB/T 7714 citation naming the clause, with today as the access date, and copies it', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto('/policies/2023-nonferrous-stable-growth/');
  await page.getByRole('link', { name: '引用与二维码：拓展国际市场' }).click();
  await expect(page).toHaveURL(new RegExp(`${clausePage}#cite$`));
  const gbt = page.locator('#citation-gbt');
  await expect(gbt).toBeVisible();
  const expected = `工业和信息化部, 国家发展和改革委员会, 财政部, 等. 七部门关于印发《有色金属行业稳增长工作方案》的通知: 工信部联原〔2023〕130号, “拓展国际市场”条[EB/OL]. (2023-08-25)[${today()}]. ${baseURL}${clausePage}. （已被替代，自2025年8月28日起）`;
  await expect(gbt).toHaveText(expected);
  await page.getByRole('button', { name: '复制：GB/T 7714 格式引文' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  await expect(page.locator('#citation-plain')).toContainText('“拓展国际市场”条。中国镁产业政策文库');
});

test('a document page offers a citation of the whole document', async ({ page }) => {
  await page.goto('/policies/2024-energy-saving-action-plan/');
  await page.getByText('引用本文件').click();
  await expect(page.locator('#citation-gbt')).toContainText('国务院. 国务院关于印发《2024—2025年节能降碳行动方案》的通知: 国发〔2024〕12号[EB/OL]. (2024-05-29)');
});

test('the QR code encodes the clause URL, drawn on demand', { tag: '@every-view' }, async ({ page, baseURL }) => {
  await page.goto(clausePage);
  const qr = page.locator('[data-qr-target] svg');
  await expect(qr).toHaveCount(0);
  await page.getByText('二维码（手机扫码阅读）').click();
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAttribute('aria-label', `二维码：${baseURL}${clausePage}`);
});

test('分享 uses the system share sheet where the browser has one', { tag: '@every-view' }, async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'share', {
      value: (data: ShareData) => {
        (window as unknown as { shared: ShareData }).shared = data;
        return Promise.resolve();
      },
    });
  });
  await page.goto('/policies/2023-nonferrous-stable-growth/');
  await page.getByRole('button', { name: '分享：拓展国际市场' }).click();
  const shared = await page.evaluate(() => (window as unknown as { shared: ShareData }).shared);
  expect(shared).toEqual({ title: '有色金属行业稳增长工作方案：拓展国际市场', url: `${baseURL}/policies/2023-nonferrous-stable-growth/#international-markets` });
});

test('without a share sheet, only 复制链接 is offered', { tag: '@every-view' }, async ({ page }) => {
  await page.addInitScript(() => {
    delete (Navigator.prototype as { share?: unknown }).share;
  });
  await page.goto('/policies/2023-nonferrous-stable-growth/');
  await expect(page.getByRole('button', { name: '分享：拓展国际市场' })).toBeHidden();
  await expect(page.locator('#international-markets').getByRole('button', { name: '复制链接：拓展国际市场' })).toBeVisible();
});
