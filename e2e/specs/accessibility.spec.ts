import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { openReference } from '../pages/api-page';
import { signIn } from '../pages/auth-pages';

// axe on every kind of page a developer, a publisher and an admin works in, in both themes: no critical and no
// serious violation of WCAG 2.1 A/AA, including inside the embedded Scalar reference.
const THEMES = ['light', 'dark'] as const;
const ADMIN_PAGES = ['/admin/gateways', '/admin/environments', '/admin/tiers', '/admin/users', '/admin/usage', '/admin/audit', '/admin/settings'];

async function useTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  // The same storage key the theme toggle writes; the boot script applies it before the first paint.
  await page.addInitScript((t) => window.localStorage.setItem('gatehouse:theme', t), theme);
}

/** Waits until the page has settled (no skeleton left), then lists every critical or serious violation. */
async function seriousViolations(page: Page, what: string): Promise<string[]> {
  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  await expect(page.locator('h1').first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${what} (${theme}): ${v.impact} ${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`).join('; ')}`);
  return serious;
}

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  expect(await seriousViolations(page, what)).toEqual([]);
}

for (const theme of THEMES) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      // axe walks every node of the page; with Scalar open that is thousands, slow on a busy two-core machine.
      test.slow();
      await useTheme(page, theme);
    });

    test('the catalog has no critical or serious accessibility violation', async ({ page }) => {
      await page.goto('/');
      // The page is in the theme asked for, so the dark run cannot silently test the light theme.
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoSeriousViolations(page, 'catalog');
    });

    test('the API page with its reference open has no critical or serious accessibility violation', async ({ page }) => {
      await page.goto('/apis/api_weather_v1');
      await openReference(page);
      await expect(page.getByTestId('api-docs').getByRole('heading', { name: 'Weather', level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page, 'API page');
    });

    test('the application page has no critical or serious accessibility violation', async ({ page }) => {
      await signIn(page, 'subscriber@gatehouse.local', 'gatehouse-subscriber');
      await page.getByRole('link', { name: /Demo app/ }).first().click();
      await expect(page).toHaveURL(/\/apps\/[^/]+$/);
      await expectNoSeriousViolations(page, 'application page');
    });

    test('the publisher API page has no critical or serious accessibility violation', async ({ page }) => {
      await signIn(page, 'publisher@gatehouse.local', 'gatehouse-publisher');
      const found: string[] = [];
      for (const path of ['/publisher', '/publisher/apis/api_weather_v1', '/publisher/approvals']) {
        await page.goto(path);
        found.push(...(await seriousViolations(page, path)));
      }
      expect(found).toEqual([]);
    });

    test('the admin pages have no critical or serious accessibility violation', async ({ page }) => {
      await signIn(page, 'admin@gatehouse.local', 'gatehouse-admin');
      const found: string[] = [];
      for (const path of ADMIN_PAGES) {
        await page.goto(path);
        found.push(...(await seriousViolations(page, path)));
      }
      expect(found).toEqual([]);
    });
  });
}
