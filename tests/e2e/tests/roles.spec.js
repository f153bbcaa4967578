// Owner, consumer and viewer each see only the actions they may take: the console learns the
// caller's project (here from ims-server's /v2/whoami) and asks ims-core for each image's role.
import { test, expect, signIn, TOKENS, artifacts } from './fixtures.js';

const PROJECT_A = 'b912fb4a4c464b568ecfca1071b21b10';
const PROJECT_B = '0b1e494e2660441a957313163095fe5c';

async function sharedImage(request, name) {
  const headers = { 'X-Auth-Token': TOKENS.a };
  const created = await request.post('/v2/images', { headers, data: { name } });
  expect(created.status()).toBe(201);
  const id = (await created.json()).id;
  const shared = await request.post(`/v2/images/${id}/members`, { headers, data: { member: PROJECT_B } });
  expect(shared.status()).toBe(200);
  return id;
}

test('a consumer sees the share with Accept and Reject on the detail page, and no Edit, Delete or Share', async ({ page, request }) => {
  const id = await sharedImage(request, `consumer-view-${Date.now()}`);
  await signIn(page, TOKENS.b);
  await expect(page.getByTestId('caller-project')).toHaveText(PROJECT_B);
  await page.goto(`/images/${id}`);
  await expect(page.getByTestId('my-share-status')).toContainText('Pending');
  for (const action of ['edit', 'delete', 'share-panel', 'share-form', 'make-shared']) {
    await expect(page.getByTestId(action), action).toHaveCount(0);
  }
  await expect(page.getByTestId('not-owner')).toBeVisible();
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('my-share-status')).toContainText('待接受');
  // The API's vocabulary reads as Chinese too, never as raw `queued`, `private` or `false`.
  await expect(page.locator('dd[data-attr=status]')).toHaveText('等待上传');
  await expect(page.locator('dd[data-attr=visibility]')).toHaveText('共享');
  await expect(page.locator('dd[data-attr=protected]')).toHaveText('否');
  await expect(page.locator('dt', { hasText: /^视图$/ })).toHaveCount(0);
  await page.screenshot({ path: `${artifacts}/consumer-detail-zh.png`, fullPage: true });
  await page.getByRole('button', { name: '接受' }).click();
  await expect(page.getByTestId('my-share-status')).toContainText('已接受');
  await expect(page.getByTestId('accept')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '拒绝' })).toBeVisible();
  const read = await request.get(`/v2/images/${id}/members/${PROJECT_B}`, { headers: { 'X-Auth-Token': TOKENS.b } });
  expect((await read.json()).status).toBe('accepted');
  await page.getByTestId('language').selectOption('en');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${artifacts}/consumer-detail-dark.png`, fullPage: true });
});

test('the owner of the same image sees Edit, Delete and the members, not the consumer\'s answer', async ({ page, request }) => {
  const id = await sharedImage(request, `owner-view-${Date.now()}`);
  await signIn(page, TOKENS.a);
  await expect(page.getByTestId('caller-project')).toHaveText(PROJECT_A);
  await page.goto(`/images/${id}`);
  await expect(page.getByTestId('edit')).toBeVisible();
  await expect(page.getByTestId('delete')).toBeVisible();
  await expect(page.getByTestId('member-row')).toHaveCount(1);
  await expect(page.getByTestId('my-share')).toHaveCount(0);
  await expect(page.getByTestId('not-owner')).toBeHidden();
});

test('a viewer of a public image sees no actions, and batch actions say why they are off', async ({ page }) => {
  await signIn(page, TOKENS.a);
  await page.goto('/?tab=public&limit=10');
  await expect(page.getByTestId('batch-reason')).toHaveText('Select your images to share or delete them.');
  await expect(page.getByTestId('share-selected')).toBeDisabled();
  await page.getByTestId('image-row').first().locator('input[type=checkbox]').check();
  await expect(page.getByTestId('batch-reason')).toHaveText(/None of the selected images is yours/);
  await expect(page.getByTestId('share-selected')).toBeDisabled();
  await expect(page.getByTestId('delete-selected')).toBeDisabled();
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('batch-reason')).toHaveText(/所选镜像都不属于您/);
  await page.getByTestId('language').selectOption('en');
  await page.getByTestId('image-row').first().getByRole('link').first().click();
  await expect(page.getByTestId('detail-title')).toBeVisible();
  await expect(page.getByTestId('not-owner')).toBeVisible();
  for (const action of ['edit', 'delete', 'share-panel', 'my-share', 'make-shared']) {
    await expect(page.getByTestId(action), action).toHaveCount(0);
  }
});

test('a share the consumer accepted is listed under Shared, and its row cannot be batch-deleted', async ({ page, request }) => {
  const id = await sharedImage(request, `accepted-row-${Date.now()}`);
  const accept = await request.put(`/v2/images/${id}/members/${PROJECT_B}`, { headers: { 'X-Auth-Token': TOKENS.b }, data: { status: 'accepted' } });
  expect(accept.status()).toBe(200);
  await signIn(page, TOKENS.b);
  await page.goto('/?tab=shared&limit=500');
  const row = page.locator(`[data-testid=image-row][data-id="${id}"]`);
  await expect(row).toBeVisible();
  await row.locator('input[type=checkbox]').check();
  await expect(page.getByTestId('delete-selected')).toBeDisabled();
  await expect(page.getByTestId('batch-reason')).toHaveText(/None of the selected images is yours/);
});

test('the Shared tab tells the images shared by me from those I accepted, in both languages', async ({ page, request }) => {
  const stamp = Date.now();
  const theirs = await sharedImage(request, `from-a-${stamp}`);
  const accept = await request.put(`/v2/images/${theirs}/members/${PROJECT_B}`, { headers: { 'X-Auth-Token': TOKENS.b }, data: { status: 'accepted' } });
  expect(accept.status()).toBe(200);
  const headers = { 'X-Auth-Token': TOKENS.b };
  const created = await request.post('/v2/images', { headers, data: { name: `from-b-${stamp}` } });
  const mine = (await created.json()).id;
  expect((await request.post(`/v2/images/${mine}/members`, { headers, data: { member: PROJECT_A } })).status()).toBe(200);
  await signIn(page, TOKENS.b);
  await expect(page.getByTestId('caller-project')).toHaveText(PROJECT_B);
  await page.goto('/?tab=shared&limit=500');
  const row = (id) => page.locator(`[data-testid=image-row][data-id="${id}"]`);
  await expect(row(theirs)).toBeVisible();
  await expect(row(mine)).toBeVisible();
  const scopes = page.getByTestId('shared-scope');
  await scopes.getByRole('link', { name: 'Shared by me' }).click();
  await expect(row(mine)).toBeVisible();
  await expect(row(theirs)).toBeHidden();
  await expect(scopes.getByRole('link', { name: 'Shared by me' })).toHaveCSS('font-weight', '600');
  await scopes.getByRole('link', { name: 'Accepted by me' }).click();
  await expect(row(theirs)).toBeVisible();
  await expect(row(mine)).toBeHidden();
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(scopes.getByRole('link', { name: '我已接受的' })).toBeVisible();
  // The filters' values read as Chinese too: the chosen membership, and every image status.
  await expect(page.locator('#filter-member_status option:checked')).toHaveText('已接受');
  await expect(page.locator('#filter-status option[value=queued]')).toHaveText('等待上传');
  await page.screenshot({ path: `${artifacts}/shared-scope-zh.png`, fullPage: true });
  await scopes.getByRole('link', { name: '全部' }).click();
  await expect(row(mine)).toBeVisible();
  await expect(row(theirs)).toBeVisible();
});

test('an empty Shared tab says where shares offered to me wait, and links to them', async ({ page }) => {
  await signIn(page, TOKENS.b);
  await page.goto(`/?tab=shared&name=nothing-${Date.now()}`);
  await expect(page.getByTestId('empty')).toHaveText(/No shared images here/);
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('empty')).toHaveText(/这里没有共享镜像/);
  await page.getByRole('link', { name: '查看等待您答复的共享' }).click();
  await expect(page.getByRole('heading', { name: '共享给我的', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/shared-with-me/);
});
