import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { openReference, tryIt } from '../pages/api-page';
import { createApplication, subscribeFromCatalog } from '../pages/apps-pages';
import { signUp, uniqueEmail } from '../pages/auth-pages';
import { E2E_STACK } from '../support/stack';

// What the API page costs before a reader asks for the reference (target: under 400 KB of JavaScript, as `next
// start` serves it, compressed), and that Scalar renders as its library designed it once it is open.
const JS_BUDGET_BYTES = 400_000;

// Scalar renders its sections progressively; on a busy two-core machine that took tens of seconds.
test.beforeEach(() => test.slow());
const RENDERED = { timeout: 45_000 };

test('the API page transfers under 400 KB of JavaScript until the reference is opened, which then loads Scalar', async ({ page }) => {
  await page.goto('/apis/api_weather_v1');
  await expect(page.getByRole('button', { name: 'Show the API reference' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const jsBytes = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\.js(\?|$)/.test(e.name))
        .reduce((sum, e) => sum + (e as PerformanceResourceTiming).transferSize, 0),
    );
  const before = await jsBytes();
  console.log(`API page JavaScript before the reference: ${before} bytes transferred`);
  expect(before).toBeGreaterThan(0);
  expect(before).toBeLessThan(JS_BUDGET_BYTES);
  expect(await page.locator('.scalar-app').count()).toBe(0);

  await openReference(page);
  await page.waitForLoadState('networkidle');
  // The measurement sees Scalar's download: the budget above is not met by counting nothing.
  expect(await jsBytes()).toBeGreaterThan(before + 500_000);
});

test("the portal's stylesheets change nothing inside the Scalar reference", async ({ page }) => {
  await page.goto('/apis/api_weather_v1');
  const docs = await openReference(page);
  // Scalar renders sections below the fold only once they scroll into view; the introduction is always there.
  await expect(docs.getByRole('heading', { name: 'Weather', level: 1 })).toBeVisible(RENDERED);
  // Computed styles of Scalar's subtree with every stylesheet on, then with only Scalar's own: the same, apart from
  // the two properties the portal sets on purpose (its system fonts, and no full-viewport minimum height).
  const differences = await page.evaluate(() => {
    const props = ['border-top-color', 'border-top-width', 'border-top-style', 'border-bottom-color', 'border-top-left-radius', 'margin-top', 'margin-left', 'padding-top', 'padding-left', 'display', 'font-size', 'font-weight', 'line-height', 'color', 'background-color', 'gap', 'list-style-type', 'vertical-align', 'white-space'];
    const elements = [...document.querySelectorAll('.scalar-app, .scalar-app *')];
    const snapshot = () => elements.map((el) => props.map((p) => getComputedStyle(el).getPropertyValue(p)));
    const withPortal = snapshot();
    const sheets = [...document.styleSheets];
    const isScalar = (s: CSSStyleSheet) => [...s.cssRules].some((r) => r.cssText.includes('--scalar-loaded-api-reference'));
    const others = sheets.filter((s) => !isScalar(s));
    if (others.length === sheets.length) return ['Scalar stylesheet not found'];
    for (const s of others) s.disabled = true;
    const alone = snapshot();
    for (const s of others) s.disabled = false;
    const out: string[] = [];
    elements.forEach((el, i) => {
      props.forEach((p, j) => {
        const a = withPortal[i]?.[j];
        const b = alone[i]?.[j];
        if (a !== b && out.length < 15) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 3).join('.')} ${p}: ${a} (Scalar alone: ${b})`);
      });
    });
    return out;
  });
  expect(differences).toEqual([]);
});

test('the page has one try-it console and one main landmark when the reference is open', async ({ page }) => {
  await page.goto('/apis/api_weather_v1');
  const docs = await openReference(page);
  await expect(docs.getByRole('heading', { name: 'Weather', level: 1 })).toBeVisible(RENDERED);
  await expect(docs.getByRole('button', { name: /Test Request/i })).toHaveCount(0);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByTestId('try-it')).toHaveCount(1);
});

test('try-it fills path parameters and the example body, clears the last answer on a new operation, and copies a working curl', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: E2E_STACK.portalUrl });
  await signUp(page, { name: 'Pat Params', email: uniqueEmail('pat'), password: 'a long enough password' });
  await createApplication(page, 'Echo tester');
  await subscribeFromCatalog(page, 'Echo', 'Echo tester', 'Bronze');

  const console = tryIt(page);
  await console.createTryItKey();
  await console.chooseOperation(/POST \/\{path\}/);
  await expect(console.panel.getByLabel('path (required)')).toHaveValue('hello');
  await expect(console.panel.getByLabel('Body (JSON)')).toHaveValue('{\n  "message": "Hello through the gateway"\n}');
  await console.panel.getByLabel('path (required)').fill('greetings');

  // The key reaches the sidecar by sync within a second or so; until then the gateway answers 401.
  await expect
    .poll(async () => {
      const answer = page.waitForResponse((r) => r.url().startsWith(E2E_STACK.gatewayUrl) && r.request().method() === 'POST');
      await console.send();
      return (await answer).status();
    })
    .toBe(200);
  // The gateway forwards the path below the API's context; the backend sees it without the version.
  const body = console.panel.getByTestId('try-body');
  await expect(body).toContainText('"path": "/echo/greetings"');
  await expect(body).toContainText('"bodyBytes": 44');

  await console.panel.getByRole('button', { name: 'Copy as curl' }).click();
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toContain(`curl '${E2E_STACK.gatewayUrl}/echo/v1/greetings'`);
  // Pasted into a shell, the command makes the same call and gets the same answer.
  const answer = JSON.parse(execFileSync('sh', ['-c', `${curl} --silent --fail`], { encoding: 'utf8' }));
  expect(answer).toMatchObject({ method: 'POST', path: '/echo/greetings', bodyBytes: 44 });

  await console.chooseOperation(/GET \/\{path\}/);
  await expect(console.panel.getByTestId('try-response')).toHaveCount(0);
  await expect(console.panel.getByLabel('path (required)')).toHaveValue('hello');
});
