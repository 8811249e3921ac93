import { expect, test } from '@playwright/test';

test('a #clause deep link scrolls to the clause and highlights it', { tag: '@every-view' }, async ({ page }) => {
  await page.goto('/policies/2023-nonferrous-stable-growth/#international-markets');
  const clause = page.locator('#international-markets');
  await expect(clause).toBeInViewport();
  const background = (selector: string) => page.locator(selector).evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await background('#international-markets')).not.toBe(await background('#supply-capacity'));
});

test('复制链接 copies the clause URL and says so to screen readers', { tag: '@every-view' }, async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto('/policies/2023-nonferrous-stable-growth/');
  await page.locator('#international-markets').getByRole('button', { name: '复制链接：拓展国际市场' }).click();
  const expected = `${baseURL}/policies/2023-nonferrous-stable-growth/#international-markets`;
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  await expect(page.getByRole('status').filter({ hasText: '已复制链接' })).toHaveText(`已复制链接：${expected}`);
});

test('the theme toggle overrides the system and is remembered', { tag: '@every-view' }, async ({ page }) => {
  await page.goto('/');
  const toggle = page.getByRole('button', { name: /外观/ });
  const pageColour = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await toggle.click(); // 浅色
  await expect(toggle).toContainText('浅色');
  const light = await pageColour();
  await toggle.click(); // 深色
  await expect(toggle).toContainText('深色');
  const dark = await pageColour();
  expect(dark).not.toBe(light);
  await page.goto('/overview/');
  expect(await pageColour()).toBe(dark);
  await expect(page.getByRole('button', { name: /外观/ })).toContainText('深色');
});

test('the whole site works by keyboard: skip link, navigation, filters', { tag: '@every-view' }, async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main-content$/);

  // Reach the first year filter by Tab alone and toggle it with the keyboard.
  const yearButton = page.getByRole('button', { name: /^2024年/ });
  for (let presses = 0; presses < 40 && !(await yearButton.evaluate((element) => element === document.activeElement)); presses += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(yearButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(yearButton).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(yearButton).toHaveAttribute('aria-pressed', 'false');
});

test('a policy page prints cleanly, each clause with its URL', async ({ page }) => {
  await page.goto('/policies/2023-industrial-structure-catalogue/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header nav')).toBeHidden();
  await expect(page.getByRole('button', { name: /复制链接/ }).first()).toBeHidden();
  const printedUrl = await page.locator('#restricted-projects').evaluate((element) => getComputedStyle(element, '::after').content);
  expect(printedUrl).toContain('/policies/2023-industrial-structure-catalogue/#restricted-projects');
  expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
});
