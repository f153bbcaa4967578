// The static bundle (`cargo xtask dist`) on a plain static server under a sub-path, with no API:
// the in-browser demo backend, hash routing, localStorage persistence, and embed.html.
// `cargo xtask test` serves it and passes its URL in IMS_STATIC_URL.
import { test, expect } from './fixtures.js';

const STATIC = process.env.IMS_STATIC_URL ?? 'http://127.0.0.1:8300/some/sub/path/';
const PROJECT_B = '0b1e494e2660441a957313163095fe5c';
const SAVED_KEY = 'ims.demo.v1';

/** Opens an app route (`/images/new`, `/?tab=private`) of the static console. */
const open = (page, route = '/') => page.goto(`${STATIC}#${route}`);

const rowNames = (page) => page.locator('[data-testid=image-row] [data-col=name]').allTextContents();

async function createImage(page, name) {
  await page.getByRole('link', { name: 'New image' }).click();
  await page.locator('#field-name').fill(name);
  await page.locator('#field-__os_version').fill('Ubuntu 14.04 server 64bit');
  await page.getByTestId('create').click();
  await expect(page.getByTestId('detail-title')).toHaveText(name);
  return decodeURIComponent(new URL(page.url()).hash.replace('#/images/', ''));
}

test('under a sub-path with no API: list, filter, create, edit; a reload keeps it all, a reset restores the seed', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  const seed = await rowNames(page);

  await page.getByTestId('filter-bar').getByLabel('Platform').selectOption('Ubuntu');
  await page.getByTestId('apply-filters').click();
  await expect(page).toHaveURL(/\/some\/sub\/path\/#\/\?.*__platform=Ubuntu/);
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  expect((await rowNames(page)).every((n) => n.startsWith('Ubuntu'))).toBe(true);

  const name = `static-${Date.now()}`;
  const id = await createImage(page, name);
  expect(new URL(page.url()).pathname).toBe(new URL(STATIC).pathname);
  await expect(page.locator('dd[data-attr=__platform]')).toHaveText('Ubuntu');
  await page.getByTestId('edit').click();
  await page.locator('#field-name').fill(`${name}-renamed`);
  await page.getByTestId('save').click();
  await expect(page.getByTestId('detail-title')).toHaveText(`${name}-renamed`);

  await page.reload();
  await expect(page.getByTestId('detail-title')).toHaveText(`${name}-renamed`);
  await open(page, '/?tab=private&limit=500');
  await expect(page.locator(`[data-testid=image-row][data-id="${id}"]`)).toBeVisible();

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByTestId('demo-reset').click();
  await expect(page.locator(`[data-testid=image-row][data-id="${id}"]`)).toHaveCount(0);
  await open(page, '/');
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  expect(await rowNames(page)).toEqual(seed);
  await page.reload();
  await open(page, `/images/${id}`);
  await expect(page.getByTestId('error-status')).toHaveText('404');
});

test('the static bundle offers the in-browser demo or an endpoint in Settings', async ({ page }) => {
  await open(page, '/settings');
  const demo = page.getByRole('radio', { name: /In-browser demo/ });
  await expect(demo).toBeVisible();
  await expect(demo).toBeChecked();
  await expect(page.getByLabel('API endpoint', { exact: true })).toBeDisabled();
  await page.getByRole('radio', { name: /endpoint/i }).check();
  await expect(page.getByLabel('API endpoint', { exact: true })).toBeEnabled();
});

test('one person plays both sides of sharing with demo projects A and B', async ({ page }) => {
  await open(page);
  const name = `demo-share-${Date.now()}`;
  const id = await createImage(page, name);
  await page.getByLabel(/Share with projects/).fill(PROJECT_B);
  await page.getByTestId('share-submit').click();
  await expect(page.getByTestId('share-outcome')).toHaveAttribute('data-ok', 'true');

  await page.getByTestId('demo-project').selectOption(PROJECT_B);
  await expect(page.getByTestId('pending-badge')).toBeVisible();
  await open(page, '/shared-with-me?status=pending');
  const pending = page.locator(`[data-testid=inbox-row][data-id="${id}"]`);
  await pending.getByTestId('accept').click();
  await expect(pending).toHaveCount(0);
  await open(page, '/?tab=shared');
  await expect(page.getByRole('link', { name })).toBeVisible();
  // As B, the accepted image opens like any other.
  await open(page, `/images/${id}`);
  await expect(page.getByTestId('detail-title')).toHaveText(name);

  await page.getByTestId('demo-project').selectOption({ label: 'Project A' });
  await open(page, `/images/${id}`);
  await expect(page.locator(`[data-testid=member-row][data-member="${PROJECT_B}"]`)).toContainText('Accepted');
});

test('two tabs of the demo keep each other\'s changes', async ({ context }) => {
  const [one, two] = [await context.newPage(), await context.newPage()];
  for (const page of [one, two]) {
    await open(page);
    await expect(page.getByTestId('image-row').first()).toBeVisible();
  }
  const first = await createImage(one, `tab-one-${Date.now()}`);
  const second = await createImage(two, `tab-two-${Date.now()}`);
  for (const page of [one, two]) {
    await open(page, '/?tab=private&limit=500');
    await expect(page.locator(`[data-testid=image-row][data-id="${first}"]`)).toBeVisible();
    await expect(page.locator(`[data-testid=image-row][data-id="${second}"]`)).toBeVisible();
  }
});

test('corrupt saved data is replaced by a fresh seed, with a notice', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  const seed = await rowNames(page);
  await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"catalog":{"images":'), SAVED_KEY);
  await page.reload();
  await expect(page.getByTestId('demo-notice')).toContainText('could not be used');
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  expect(await rowNames(page)).toEqual(seed);
  await page.getByTestId('demo-notice').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('demo-notice')).toHaveCount(0);
  // The fresh seed was saved: the next start is quiet.
  await page.reload();
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  await expect(page.getByTestId('demo-notice')).toHaveCount(0);
});

test('data of an older version is replaced, with a notice naming the version', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  await page.evaluate((key) => {
    localStorage.removeItem(key);
    localStorage.setItem('ims.demo.v0', '[]');
  }, SAVED_KEY);
  await page.reload();
  await expect(page.getByTestId('demo-notice')).toContainText('version 0');
  expect(await page.evaluate(() => localStorage.getItem('ims.demo.v0'))).toBeNull();
});

test('a browser that keeps no data still runs the demo, and says changes last only until the page closes', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await open(page);
  await expect(page.getByTestId('demo-notice')).toContainText('does not let the demo keep data');
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  const name = `in-memory-${Date.now()}`;
  const id = await createImage(page, name);
  await open(page, '/?tab=private&limit=500');
  await expect(page.locator(`[data-testid=image-row][data-id="${id}"]`)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('demo-notice')).toBeVisible();
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  await expect(page.locator(`[data-testid=image-row][data-id="${id}"]`)).toHaveCount(0);
});

test('embed.html: the console mounts in the host section, keeps out of the host styles, and takes its options', async ({ page }) => {
  await page.goto(`${STATIC}embed.html`);
  const host = page.getByTestId('console-host');
  const root = host.locator('.ims-console');
  await expect(root.getByTestId('image-row').first()).toBeVisible();
  await expect(page.locator('.ims-console')).toHaveCount(1);

  // The host page's own elements keep the host's styles.
  await expect(page.getByTestId('host-heading')).toHaveCSS('font-family', /Georgia/);
  await expect(page.getByTestId('host-heading')).toHaveCSS('color', 'rgb(138, 75, 8)');
  await expect(page.getByTestId('host-button')).toHaveCSS('background-color', 'rgb(138, 75, 8)');
  await expect(page.getByTestId('host-header')).toHaveCSS('background-color', 'rgb(59, 47, 30)');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(251, 247, 239)');
  // The host's element rules do not reach into the console.
  await expect(root.locator('h1').first()).not.toHaveCSS('font-family', /Georgia/);
  await expect(root.locator('table').first()).not.toHaveCSS('border-top-style', 'double');
  await expect(root.getByTestId('apply-filters')).not.toHaveCSS('border-radius', '0px');

  // Language and theme from the options; the accent from the host's custom property.
  await expect(root).toHaveAttribute('lang', 'zh-CN');
  await expect(root.getByRole('link', { name: '创建镜像' })).toBeVisible();
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect(root).toHaveCSS('background-color', 'rgb(18, 21, 27)');
  await expect(root.getByTestId('image-link').first()).toHaveCSS('color', 'rgb(224, 160, 80)');

  // Routing stays in the hash: the host page's path is untouched.
  await root.getByTestId('image-link').first().click();
  await expect(root.getByTestId('detail-title')).toBeVisible();
  expect(new URL(page.url()).pathname).toMatch(/\/embed\.html$/);
  expect(new URL(page.url()).hash).toMatch(/^#\/images\//);
  await page.goBack();
  await expect(root.getByTestId('image-row').first()).toBeVisible();
  // The host's own fragment links are the host's: the console stays on its page.
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page).toHaveURL(/#overview$/);
  await expect(root.getByTestId('image-row').first()).toBeVisible();

  // Unmounting removes the console and leaves the host working; mounting again brings it back.
  await page.getByTestId('host-button').click();
  await expect(page.locator('.ims-console')).toHaveCount(0);
  await page.getByTestId('host-heading').click();
  await page.getByTestId('host-button').click();
  await expect(root.getByTestId('image-row').first()).toBeVisible();
});

test('a host page mounts the console against the API, with a token function the console asks per request', async ({ page, request }) => {
  const api = process.env.IMS_BASE_URL ?? 'http://127.0.0.1:8080';
  const name = `embedded-b-${Date.now()}`;
  const made = await request.post('/v2/images', { headers: { 'X-Auth-Token': 'demo-token-b' }, data: { name } });
  expect(made.status()).toBe(201);
  // tests/e2e/pages/host-with-api.html, served by the static server at /fixtures/: another
  // origin than the API, so the requests are CORS requests with the token from the function.
  const hostPage = new URL(`/fixtures/host-with-api.html?api=${encodeURIComponent(api)}`, STATIC).href;
  await page.goto(`${hostPage}#/?tab=private&limit=500`);
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  expect(await page.evaluate(() => window.tokenCalls)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.badOptionError)).toContain('routing');
  await expect(page.locator('.ims-console')).toHaveCount(1);
  await page.getByRole('link', { name }).click();
  await expect(page.getByTestId('detail-title')).toHaveText(name);
});
