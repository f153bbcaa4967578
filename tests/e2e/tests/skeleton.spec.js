import { test, expect, signIn, artifacts, TOKENS } from './fixtures.js';

test('the console lists images that come from the server database', async ({ page, request }) => {
  const api = await request.get('/v2/cloudimages?__imagetype=gold', { headers: { 'X-Auth-Token': TOKENS.a } });
  expect(api.status()).toBe(200);
  const { images } = await api.json();
  expect(images.length).toBeGreaterThan(60);

  await signIn(page);
  const rows = page.getByTestId('image-row');
  await expect(rows).toHaveCount(images.length);
  await expect(rows.first().locator('[data-col="name"]')).toHaveText(images[0].name);
  await page.getByRole('tab', { name: 'Private' }).click();
  await expect(page.getByRole('cell', { name: 'web-frontend-golden' })).toBeVisible();
  await page.screenshot({ path: `${artifacts}/skeleton-list.png`, fullPage: false });
});

test('a deep link is answered by the console, not by a server 404', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response.status()).toBe(200);
  await expect(page.getByTestId('not-found')).toBeVisible();
});

test('a token the server refuses leads back to sign-in with the reason', async ({ page }) => {
  await signIn(page, 'not-a-token');
  await expect(page.getByTestId('sign-in-rejected')).toBeVisible();
  // A plain sign-in page: none of the list's tabs, filters or toolbar around a refused token.
  await expect(page.getByRole('tab')).toHaveCount(0);
  await expect(page.getByTestId('quick-filter')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Images', exact: true })).toBeHidden();
  await page.getByLabel(/token/i).fill(TOKENS.b);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByRole('tab', { name: 'Private' }).click();
  await expect(page.getByRole('cell', { name: 'ci-runner' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'web-frontend-golden' })).toHaveCount(0);
});

test('the console ims-server serves has no in-browser demo: Settings offers only the endpoint', async ({ page }) => {
  await page.goto('/settings');
  await expect(page.getByLabel('API endpoint', { exact: true })).toBeVisible();
  await expect(page.getByLabel('API endpoint', { exact: true })).toBeEnabled();
  await expect(page.getByText('In-browser demo')).toHaveCount(0);
  await expect(page.getByTestId('demo-controls')).toHaveCount(0);
});
