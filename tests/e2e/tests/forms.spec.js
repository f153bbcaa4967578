import { test, expect, signIn, TOKENS } from './fixtures.js';

const api = (request, method, path, data, headers = {}) =>
  request.fetch(path, { method, headers: { 'X-Auth-Token': TOKENS.a, ...headers }, data });

async function createImage(request, data) {
  const r = await api(request, 'POST', '/v2/images', data);
  expect(r.status()).toBe(201);
  return (await r.json()).id;
}

test('create with tags and a custom property; it lists as private with derived OS fields', async ({ page, request }) => {
  const name = `created-${Date.now()}`;
  await signIn(page);
  await page.goto('/images/new');
  await page.locator('#field-name').fill(name);
  await page.locator('#field-__os_version').fill('Ubuntu 14.04 server 64bit');
  await expect(page.getByTestId('derived-os')).toContainText('Linux · Ubuntu · 64-bit');
  await page.locator('#field-min_disk').fill('1');
  await expect(page.getByTestId('warnings')).toContainText('recommend 40 to 1024');
  for (const tag of ['test', 'image']) {
    await page.getByTestId('new-tag').fill(tag);
    await page.getByTestId('new-tag').press('Enter');
  }
  await page.getByTestId('property-add').click();
  await page.getByTestId('property-key').fill('aaaa');
  await page.getByTestId('property-value').fill('11111');
  await expect(page.getByTestId('preview-head')).toHaveText('POST /v2/images');
  await expect(page.getByTestId('preview-headers')).toContainText('X-Auth-Token: <token>');
  await expect(page.getByTestId('preview-body')).toContainText('"aaaa": "11111"');
  await page.getByTestId('create').click();
  await expect(page.getByTestId('detail-title')).toHaveText(name);
  await expect(page.locator('dd[data-attr=__platform]')).toHaveText('Ubuntu');
  await expect(page.locator('dd[data-attr=__os_type]')).toHaveText('Linux');
  await page.goto('/?tab=private&limit=500');
  await expect(page.getByRole('link', { name })).toBeVisible();
  const list = await (await api(request, 'GET', `/v2/cloudimages?name=${name}`)).json();
  expect(list.images[0].tags).toEqual(['test', 'image']);
  expect(list.images[0].aaaa).toBe('11111');
});

test('a 256-character name is blocked in the browser and refused by the API with the same code', async ({ page, request }) => {
  await signIn(page);
  await page.goto('/images/new');
  await page.locator('#field-name').fill('x'.repeat(256));
  await expect(page.getByTestId('field-error').first()).toContainText('At most 255 characters');
  await expect(page.getByTestId('create')).toBeDisabled();
  await page.locator('#field-name').fill('x'.repeat(255));
  await expect(page.getByTestId('field-error')).toHaveCount(0);
  const r = await api(request, 'POST', '/v2/images', { name: 'x'.repeat(256) });
  expect(r.status()).toBe(400);
  const body = await r.json();
  expect(body.error.code).toBe('IMS.0011');
  expect(body.error.details[0]).toMatchObject({ field: 'name', code: 'too_long' });
});

for (const media of ['v2.1', 'v2.0']) {
  test(`edit name, add and remove properties through the ${media} patch`, async ({ page, request }) => {
    const id = await createImage(request, { name: `edit-${media}-${Date.now()}`, keep: '1', drop: '2' });
    await signIn(page);
    await page.goto(`/images/${id}/edit`);
    await expect(page.getByTestId('no-changes')).toBeVisible();
    await expect(page.getByTestId('save')).toBeDisabled();
    await page.locator('#field-name').fill(`renamed-${media}`);
    await expect(page.getByTestId('property-key').nth(0)).toHaveValue('drop');
    await page.getByTestId('property-remove').nth(0).click();
    await expect(page.getByTestId('property-key')).toHaveCount(1);
    await page.getByTestId('property-add').click();
    await page.getByTestId('property-key').last().fill('added');
    await page.getByTestId('property-value').last().fill('yes');
    await page.getByTestId('media-type').selectOption(media);
    const body = page.getByTestId('preview-body');
    if (media === 'v2.1') {
      await expect(body).toContainText('"op": "replace"');
    } else {
      await expect(body).toContainText('"replace": "/name"');
      await expect(body).not.toContainText('"op"');
    }
    await expect(page.getByTestId('preview-headers')).toContainText(`application/openstack-images-${media}-json-patch`);
    await page.getByTestId('save').click();
    await expect(page.getByTestId('detail-title')).toHaveText(`renamed-${media}`);
    const copy = await (await api(request, 'GET', `/v2/images/${id}`)).json();
    expect(copy.name).toBe(`renamed-${media}`);
    expect(copy.added).toBe('yes');
    expect(copy.keep).toBe('1');
    expect(copy.drop).toBeUndefined();
  });
}

test('deleting a protected image is refused, and a batch delete reports each image', async ({ page, request }) => {
  const stamp = Date.now();
  const guarded = await createImage(request, { name: `guarded-${stamp}`, protected: true });
  const ids = [];
  for (const n of [1, 2, 3]) ids.push(await createImage(request, { name: `batch-del-${n}-${stamp}` }));
  await signIn(page);
  await page.goto(`/images/${guarded}`);
  await page.getByTestId('delete').click();
  await expect(page.getByTestId('delete-refused')).toContainText('Protected images cannot be deleted.');
  await expect(page.getByTestId('confirm-delete')).toBeDisabled();
  const r = await api(request, 'DELETE', `/v2/images/${guarded}`);
  expect(r.status()).toBe(403);

  await page.goto('/?tab=private&limit=500');
  for (const id of ids) await page.locator(`[data-testid=image-row][data-id="${id}"] input[type=checkbox]`).check();
  await page.getByTestId('delete-selected').click();
  await expect(page.getByTestId('delete-name')).toHaveCount(3);
  await page.getByTestId('confirm-delete').click();
  await expect(page.locator('[data-testid=delete-outcome][data-ok=true]')).toHaveCount(3);
  for (const id of ids) expect((await api(request, 'GET', `/v2/images/${id}`)).status()).toBe(404);
});

test('leaving a changed form asks first', async ({ page }) => {
  await signIn(page);
  await page.goto('/images/new');
  await page.locator('#field-name').fill('half-done');
  let asked = 0;
  page.on('dialog', (d) => { asked += 1; d.dismiss(); });
  await page.getByRole('link', { name: 'Images', exact: true }).click();
  await expect(page).toHaveURL(/\/images\/new/);
  expect(asked).toBe(1);
});

test('Back from a changed form asks first; staying keeps the draft, leaving goes back', async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  await page.getByRole('link', { name: 'New image', exact: true }).click();
  await page.locator('#field-name').fill('half-done');
  const answers = [false, true];
  let asked = 0;
  page.on('dialog', (d) => { asked += 1; if (answers.shift()) d.accept(); else d.dismiss(); });
  await page.goBack();
  await expect.poll(() => asked).toBe(1);
  await expect(page).toHaveURL(/\/images\/new/);
  await expect(page.locator('#field-name')).toHaveValue('half-done');
  await page.goBack();
  await expect.poll(() => asked).toBe(2);
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  await expect(page).not.toHaveURL(/\/images\/new/);
});
