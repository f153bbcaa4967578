import { test, expect, signIn, TOKENS } from './fixtures.js';

const PROJECT_B = '0b1e494e2660441a957313163095fe5c';

async function createImage(request, token, name) {
  const r = await request.post('/v2/images', { headers: { 'X-Auth-Token': token }, data: { name } });
  expect(r.status()).toBe(201);
  return (await r.json()).id;
}

test('A shares, B accepts, A cancels: the image comes and goes for B', async ({ page, browser, request }) => {
  const name = `share-journey-${Date.now()}`;
  const id = await createImage(request, TOKENS.a, name);
  await signIn(page, TOKENS.a);
  await page.goto(`/images/${id}`);
  await expect(page.getByTestId('no-members')).toBeVisible();
  await page.getByLabel(/Share with projects/).fill(PROJECT_B);
  await page.getByTestId('share-submit').click();
  await expect(page.getByTestId('share-outcome')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('member-row')).toHaveCount(1);

  const b = await (await browser.newContext()).newPage();
  await signIn(b, TOKENS.b);
  await expect(b.getByTestId('pending-badge')).toBeVisible();
  await b.goto('/shared-with-me?status=pending');
  const pending = b.locator(`[data-testid=inbox-row][data-id="${id}"]`);
  await expect(pending).toBeVisible();
  await pending.getByTestId('accept').click();
  await expect(pending).toHaveCount(0);
  await b.getByTestId('inbox-tab-accepted').click();
  await expect(b.locator(`[data-testid=inbox-row][data-id="${id}"]`)).toBeVisible();
  await b.goto('/?tab=shared');
  await expect(b.getByRole('link', { name })).toBeVisible();

  await page.reload();
  await expect(page.locator(`[data-testid=member-row][data-member="${PROJECT_B}"]`)).toContainText('Accepted');
  await page.locator(`[data-testid=member-row][data-member="${PROJECT_B}"]`).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('no-members')).toBeVisible();

  await b.reload();
  await expect(b.getByTestId('empty').or(b.getByTestId('image-row').first())).toBeVisible();
  await expect(b.getByRole('link', { name })).toHaveCount(0);
  await b.goto(`/images/${id}`);
  await expect(b.getByTestId('error-status')).toHaveText('404');
});

test('a batch share of two images with three projects reports every pair', async ({ page, request }) => {
  const stamp = Date.now();
  const ids = [await createImage(request, TOKENS.a, `batch-one-${stamp}`), await createImage(request, TOKENS.a, `batch-two-${stamp}`)];
  await signIn(page, TOKENS.a);
  await page.goto('/?tab=private&limit=500');
  for (const id of ids) {
    await page.locator(`[data-testid=image-row][data-id="${id}"] input[type=checkbox]`).check();
  }
  await expect(page.getByTestId('selected-count')).toContainText('2');
  await page.getByTestId('share-selected').click();
  const projects = [PROJECT_B, 'c'.repeat(32), 'd'.repeat(32)];
  await page.getByTestId('batch-share').getByLabel(/Share with projects/).fill(projects.join('\n'));
  await page.getByTestId('batch-share').getByTestId('share-submit').click();
  await expect(page.getByTestId('share-outcome')).toHaveCount(6);
  await expect(page.locator('[data-testid=share-outcome][data-ok=true]')).toHaveCount(6);
  for (const id of ids) {
    const r = await request.get(`/v2/images/${id}/members`, { headers: { 'X-Auth-Token': TOKENS.a } });
    expect((await r.json()).members.map((m) => m.member_id).sort()).toEqual([...projects].sort());
  }
});

test('an encrypted image shows why it cannot be shared and sends nothing', async ({ page }) => {
  await signIn(page, TOKENS.a);
  await page.getByRole('tab', { name: 'Private' }).click();
  await page.getByRole('link', { name: 'encrypted-finance' }).click();
  const shares = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/members')) shares.push(r.url()); });
  await page.getByLabel(/Share with projects/).fill(`${PROJECT_B}, not-a-project`);
  await expect(page.getByTestId('refusal').filter({ hasText: 'Encrypted images cannot be shared.' })).toBeVisible();
  await expect(page.getByTestId('refusal').filter({ hasText: 'not-a-project' })).toBeVisible();
  await expect(page.getByTestId('share-submit')).toBeDisabled();
  await page.getByTestId('share-submit').click({ force: true });
  await page.waitForTimeout(300);
  expect(shares).toEqual([]);
});
