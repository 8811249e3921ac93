import { expect, test, type Page } from '@playwright/test';
import { pageOfEachKind as pages } from './page-of-each-kind';

/** What a page did that it must not: requests to another origin, CSP violations, script errors. */
interface Watch {
  foreign: string[];
  problems: string[];
}

/** Records, from now on, the page's requests to other origins, CSP violations and script errors. */
function watch(page: Page, baseURL: string): Watch {
  const origin = new URL(baseURL).origin;
  const seen: Watch = { foreign: [], problems: [] };
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) seen.foreign.push(url);
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) seen.problems.push(message.text());
  });
  page.on('pageerror', (error) => seen.problems.push(error.message));
  return seen;
}

/** Opens a page and waits until its network is quiet, so that a late request is seen too. */
async function open(page: Page, path: string, seen: Watch) {
  seen.foreign.length = 0;
  seen.problems.length = 0;
  await page.goto(path);
  await page.waitForLoadState('networkidle');
}

// One browser page walks them all: a new page per address cost more than the checks.
test('no page of any kind requests anything from another origin or breaks its policy', async ({ page, baseURL }) => {
  test.setTimeout(pages.length * 10_000);
  const seen = watch(page, baseURL!);
  for (const path of pages) {
    await test.step(path, async () => {
      await open(page, path, seen);
      if (path.startsWith('/search/')) await expect(page.locator('[data-search-status]')).toHaveText(/^找到/);
      expect(seen.foreign, path).toEqual([]);
      expect(seen.problems, path).toEqual([]);
      const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(policy, path).toContain("default-src 'self'");
      expect(policy, path).not.toContain('unsafe-inline');
      expect(policy, path).not.toMatch(/'unsafe-eval'/);
    });
  }
});

test('search under the Content-Security-Policy runs its WebAssembly and finds results', async ({ page, baseURL }) => {
  const seen = watch(page, baseURL!);
  await open(page, '/search/?q=镁合金', seen);
  await expect(page.locator('[data-search-status]')).toHaveText(/^找到 \d+ 份文件/);
  expect(seen.problems).toEqual([]);
});

test('a broken or hostile #fragment leaves the page intact', async ({ page, baseURL }) => {
  const seen = watch(page, baseURL!);
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  for (const fragment of ['#no-such-clause', '#%E0%A4%A', '#<img src=x onerror=alert(1)>', '#"><script>alert(1)</script>']) {
    await open(page, `/policies/2023-nonferrous-stable-growth/?hl=镁${fragment}`, seen);
    expect(seen.problems, fragment).toEqual([]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('有色金属行业稳增长工作方案');
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  }
  expect(dialogs).toBe(0);
});
