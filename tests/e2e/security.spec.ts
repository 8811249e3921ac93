import { expect, test, type Page } from '@playwright/test';
import { pageOfEachKind as pages } from './page-of-each-kind';

/** Opens a page while recording requests to other origins, CSP violations and script errors. */
async function openWatched(page: Page, path: string, baseURL: string) {
  const origin = new URL(baseURL).origin;
  const foreign: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  return { foreign, problems };
}

for (const path of pages) {
  test(`${path} requests nothing from another origin and breaks no policy`, async ({ page, baseURL }) => {
    const { foreign, problems } = await openWatched(page, path, baseURL!);
    if (path.startsWith('/search/')) await expect(page.locator('[data-search-status]')).toHaveText(/^找到/);
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toMatch(/'unsafe-eval'/);
  });
}

test('search under the Content-Security-Policy runs its WebAssembly and finds results', async ({ page, baseURL }) => {
  const { problems } = await openWatched(page, '/search/?q=镁合金', baseURL!);
  await expect(page.locator('[data-search-status]')).toHaveText(/^找到 \d+ 份文件/);
  expect(problems).toEqual([]);
});

test('a broken or hostile #fragment leaves the page intact', async ({ page, baseURL }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  for (const fragment of ['#no-such-clause', '#%E0%A4%A', '#<img src=x onerror=alert(1)>', '#"><script>alert(1)</script>']) {
    const { problems } = await openWatched(page, `/policies/2023-nonferrous-stable-growth/?hl=镁${fragment}`, baseURL!);
    expect(problems, fragment).toEqual([]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('有色金属行业稳增长工作方案');
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  }
  expect(dialogs).toBe(0);
});
