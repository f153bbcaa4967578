// The console against a real OpenStack Glance 33, started by `cargo xtask test "playwright glance"`
// (GLANCE_URL). The console is served by ims-server (IMS_BASE_URL, whose CSP lets it call Glance)
// and, for one journey, by a static host (IMS_STATIC_URL). Every image is made and read back
// through Glance's own API, with the peer's token shim: `X-Auth-Token: PROJECT:USER`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { test, expect, artifacts } from './fixtures.js';

const GLANCE = process.env.GLANCE_URL;
const A = '0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a';
const B = '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b';
const journeyLog = [];
const token = (project) => `${project}:user-${project.slice(0, 2)}`;

/** One request to Glance as `project`; the JSON answer (or null for 204). */
async function glance(request, project, method, path, data, contentType = 'application/json') {
  const headers = { 'X-Auth-Token': token(project), 'Content-Type': contentType };
  const r = await request.fetch(`${GLANCE}${path}`, { method, headers, data: data === undefined ? undefined : JSON.stringify(data) });
  journeyLog.push(`test    ${method} ${path} -> ${r.status()}`);
  expect(r.status(), `${method} ${path}: ${await r.text()}`).toBeLessThan(300);
  return r.status() === 204 ? null : r.json();
}

const createImage = (request, project, body) =>
  // Glance's own default visibility is `shared`: ask for a private image, as the console does.
  glance(request, project, 'POST', '/v2/images', { disk_format: 'qcow2', container_format: 'bare', visibility: 'private', ...body });

/** Points the console at Glance as `project`, in its Settings page, as a person would. */
async function connect(page, project, settingsUrl = '/settings', ownProject = '') {
  await page.goto(settingsUrl);
  await expect(page.getByTestId('settings')).toBeVisible(); // the console has started
  const http = page.getByTestId('backend-http');
  if (await http.count()) await http.check();
  await page.getByRole('textbox', { name: 'API endpoint' }).fill(GLANCE);
  await page.getByLabel('API flavour').selectOption('glance');
  await page.getByLabel('Token', { exact: true }).fill(token(project));
  await page.getByLabel('Your project ID (optional)').fill(ownProject);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toBeVisible();
}

// Each journey's requests to Glance and Glance's answers, as the console and the test sent them,
// go to test-artifacts/glance-requests/ (one file per journey), so a reader sees what was asked.

/** Notes every Glance answer `page` receives, as `who`. */
function watch(page, who) {
  page.on('response', async (response) => {
    if (!response.url().startsWith(GLANCE)) return;
    const req = response.request();
    if (req.method() === 'OPTIONS') return;
    let answer = '';
    if (response.status() >= 400) answer = ` ${(await response.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 160)}`;
    journeyLog.push(`${who} ${req.method()} ${response.url().slice(GLANCE.length)} -> ${response.status()}${answer}`);
  });
}
test.beforeEach(async ({ page }) => {
  journeyLog.length = 0;
  watch(page, 'console');
});
test.afterEach(async ({}, info) => {
  const dir = `${artifacts}/glance-requests`;
  mkdirSync(dir, { recursive: true });
  const slug = info.title.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 80);
  writeFileSync(`${dir}/${slug}.txt`, `${info.title}\n${journeyLog.join('\n')}\n`);
});

/** The edit form's property row whose key is `key`. */
async function propertyRow(page, key) {
  const rows = page.getByTestId('property-row');
  for (let i = 0; i < await rows.count(); i++) {
    if (await rows.nth(i).getByTestId('property-key').inputValue() === key) return rows.nth(i);
  }
  throw new Error(`no property row ${key}`);
}

test('the list shows Glance images with the page size it asks for, and opens a nameless one', async ({ page, request }) => {
  const stamp = Date.now();
  const named = await createImage(request, A, { name: `glance-list-${stamp}`, disk_format: 'vmdk' });
  const nameless = await createImage(request, A, {});
  await connect(page, A);
  await page.goto('/?tab=private&limit=5');
  await page.getByText('Request preview').click();
  await expect(page.getByTestId('preview-head')).toContainText(`${GLANCE}/v2/images?visibility=private&limit=5`);
  await expect(page.getByTestId('image-row')).toHaveCount(Math.min(5, (await glance(request, A, 'GET', '/v2/images?visibility=private&limit=5')).images.length));
  await page.goto('/?tab=private&limit=100');
  await expect(page.locator(`[data-testid=image-row][data-id="${named.id}"]`)).toContainText(`glance-list-${stamp}`);
  const row = page.locator(`[data-testid=image-row][data-id="${nameless.id}"]`);
  await expect(row.getByTestId('image-link')).toHaveText(nameless.id);
  await row.getByTestId('image-link').click();
  await expect(page.getByTestId('detail-title')).toHaveText(nameless.id);
  await expect(page.getByTestId('error-panel')).toBeHidden();
  await expect(page.getByText('null', { exact: true })).toHaveCount(0);
  // Glance fills no IMS capability: that group is not drawn empty.
  await expect(page.locator('[data-group=Capabilities]')).toHaveCount(0);
  await expect(page.locator('[data-group=Basic]')).toBeVisible();
  // Glance's own attributes are listed apart from the user's custom properties.
  await expect(page.getByTestId('backend-attributes').locator('dt', { hasText: 'os_hidden' })).toBeVisible();
  // A JSON boolean reads as a word, not as the raw `false`.
  await expect(page.locator('dd[data-attr=os_hidden]')).toHaveText('No');
  await expect(page.getByTestId('custom-properties')).toBeHidden();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('make-shared')).toContainText('设为共享');
  await expect(page.locator('dd[data-attr=os_hidden]')).toHaveText('否');
  await page.screenshot({ path: `${artifacts}/glance-detail-zh-dark.png`, fullPage: true });
});

for (const media of ['v2.1', 'v2.0']) {
  test(`an edit in the ${media} patch changes only what was changed, read back through Glance`, async ({ page, request }) => {
    const made = await createImage(request, A, { name: `glance-edit-${media}-${Date.now()}`, keep: 'k', drop: 'd', tags: ['old'] });
    await connect(page, A);
    await page.goto(`/images/${made.id}/edit`);
    await expect(page.getByTestId('no-changes')).toBeVisible(); // opened unchanged
    await expect(page.getByTestId('save')).toBeDisabled();
    await page.getByLabel('Name', { exact: true }).fill(`${made.name}-renamed`);
    await page.getByTestId('media-type').selectOption(media);
    await (await propertyRow(page, 'drop')).getByTestId('property-remove').click();
    await page.getByTestId('property-add').click();
    const added = page.getByTestId('property-row').last();
    await added.getByTestId('property-key').fill('added');
    await added.getByTestId('property-value').fill('v');
    await page.getByTestId('new-tag').fill('fresh');
    await page.getByTestId('new-tag').press('Enter');
    await expect(page.getByTestId('preview-body')).not.toContainText('os_hash');
    await expect(page.getByTestId('preview-body')).not.toContainText('os_hidden');
    await page.getByTestId('save').click();
    await expect(page).toHaveURL(new RegExp(`/images/${made.id}$`));
    await expect(page.getByTestId('detail-title')).toHaveText(`${made.name}-renamed`);
    const back = await glance(request, A, 'GET', `/v2/images/${made.id}`);
    expect(back.name).toBe(`${made.name}-renamed`);
    expect(back.keep).toBe('k');
    expect(back.drop).toBeUndefined();
    expect(back.added).toBe('v');
    expect(back.tags.sort()).toEqual(['fresh', 'old']);
    expect(back.os_hidden).toBe(false);
    expect(back.os_hash_algo).toBeNull();
  });
}

test('a Glance error shows its message without HTML and its request id, in both languages', async ({ page }) => {
  await connect(page, A);
  await page.goto('/images/00000000-0000-0000-0000-000000000000');
  const panel = page.getByTestId('error-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('error-status')).toHaveText('404');
  await expect(page.getByTestId('error-message')).toContainText('No image found with ID 00000000-0000-0000-0000-000000000000');
  await expect(page.getByTestId('error-message')).not.toContainText('<br');
  await expect(page.getByTestId('error-request-id')).toHaveText(/^req-/);
  await expect(page.getByTestId('error-summary')).toHaveText(/Not found/);
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('error-summary')).toHaveText(/未找到/);
  await page.screenshot({ path: `${artifacts}/glance-error-zh.png` });
});

test('create with a Glance format: the form offers Glance vocabularies and no IMS OS derivation', async ({ page, request }) => {
  await connect(page, A);
  await page.goto('/images/new');
  await expect(page.getByTestId('derived-os')).toBeHidden();
  const disk = page.getByLabel('Disk format');
  await expect(disk.locator('option[value=vmdk]')).toHaveCount(1);
  await expect(disk.locator('option[value=zvhd2]')).toHaveCount(0);
  const name = `glance-create-${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await disk.selectOption('vmdk');
  await page.getByLabel('Container format').selectOption('ova');
  await page.getByTestId('create').click();
  await expect(page.getByTestId('detail-title')).toHaveText(name);
  const id = page.url().split('/images/')[1];
  const back = await glance(request, A, 'GET', `/v2/images/${id}`);
  expect([back.disk_format, back.container_format, back.visibility]).toEqual(['vmdk', 'ova', 'private']);
  expect(back.__os_version).toBeUndefined();
});

test('share A→B: a private image is switched to shared first; B accepts, rejects, re-accepts; A removes B', async ({ page, browser, request }) => {
  const made = await createImage(request, A, { name: `glance-share-${Date.now()}` });
  const requests = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  await connect(page, A);
  await page.goto(`/images/${made.id}`);
  await expect(page.getByTestId('make-shared')).toBeVisible();
  await expect(page.getByTestId('error-panel')).toBeHidden();
  await page.screenshot({ path: `${artifacts}/glance-make-shared.png`, fullPage: true });
  expect(requests.filter((r) => r.includes('/members'))).toEqual([]); // never asked of a private image
  await page.getByTestId('make-shared').getByText('Request preview').click();
  await expect(page.getByTestId('make-shared').getByTestId('preview-body')).toContainText('"/visibility"');
  await page.getByTestId('make-shared-button').click();
  await expect(page.getByTestId('share-panel')).toBeVisible();
  expect((await glance(request, A, 'GET', `/v2/images/${made.id}`)).visibility).toBe('shared');
  await page.getByLabel(/Share with projects/).fill(B);
  await page.getByTestId('share-submit').click();
  await expect(page.getByTestId('share-outcome')).toHaveAttribute('data-ok', 'true');
  await expect(page.locator(`[data-testid=member-row][data-member="${B}"]`)).toBeVisible();

  // A's own shared image is not in A's inbox (Glance lists it under every member status).
  await page.goto('/shared-with-me?status=pending');
  await expect(page.locator(`[data-testid=inbox-row][data-id="${made.id}"]`)).toHaveCount(0);

  const b = await (await browser.newContext()).newPage();
  watch(b, 'console(B)');
  await connect(b, B);
  await b.goto('/shared-with-me?status=pending');
  const row = () => b.locator(`[data-testid=inbox-row][data-id="${made.id}"]`);
  await expect(row()).toBeVisible();
  await row().getByTestId('accept').click();
  await expect(row()).toHaveCount(0);
  await b.getByTestId('inbox-tab-accepted').click();
  await expect(row()).toBeVisible();
  await row().getByTestId('reject').click();
  await expect(row()).toHaveCount(0);
  await b.getByTestId('inbox-tab-rejected').click();
  await expect(row()).toBeVisible();
  await row().getByTestId('accept').click();
  await expect(row()).toHaveCount(0);
  await b.getByTestId('inbox-tab-accepted').click();
  await expect(row()).toBeVisible();
  await b.screenshot({ path: `${artifacts}/glance-inbox.png` });
  const membership = await glance(request, B, 'GET', `/v2/images/${made.id}/members/${B}`);
  expect(membership.status).toBe('accepted');

  await page.goto(`/images/${made.id}`);
  await page.locator(`[data-testid=member-row][data-member="${B}"]`).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('no-members')).toBeVisible();
  await b.goto(`/images/${made.id}`);
  await expect(b.getByTestId('error-status')).toHaveText('404');
});

test('delete through Glance; a protected image is refused', async ({ page, request }) => {
  const guarded = await createImage(request, A, { name: `glance-protected-${Date.now()}`, protected: true });
  await connect(page, A);
  await page.goto(`/images/${guarded.id}`);
  await page.getByTestId('delete').click();
  await expect(page.getByTestId('delete-refused')).toContainText('Protected images cannot be deleted.');
  await expect(page.getByTestId('confirm-delete')).toBeDisabled();
  expect((await glance(request, A, 'GET', `/v2/images/${guarded.id}`)).protected).toBe(true);
  await glance(request, A, 'PATCH', `/v2/images/${guarded.id}`, [{ op: 'replace', path: '/protected', value: false }], 'application/openstack-images-v2.1-json-patch');
  const doomed = await createImage(request, A, { name: `glance-delete-${Date.now()}` });
  await page.goto(`/images/${doomed.id}`);
  await page.getByTestId('delete').click();
  await page.getByTestId('confirm-delete').click();
  await expect(page.getByText(`Image deleted: ${doomed.name}`)).toBeVisible();
  const r = await request.get(`${GLANCE}/v2/images/${doomed.id}`, { headers: { 'X-Auth-Token': token(A) } });
  expect(r.status()).toBe(404);
});

test('the static bundle reaches Glance too', async ({ page, request }) => {
  const made = await createImage(request, A, { name: `glance-static-${Date.now()}` });
  const base = process.env.IMS_STATIC_URL;
  await connect(page, A, `${base}#/settings`);
  await page.goto(`${base}#/images/${made.id}`);
  await expect(page.getByTestId('detail-title')).toHaveText(made.name);
  await expect(page.getByTestId('make-shared')).toBeVisible();
});

const rowIds = (page) => page.getByTestId('image-row').evaluateAll((rows) => rows.map((r) => r.dataset.id));

test('marker paging with limit 5 follows Glance\'s pages, and Back returns to the first', async ({ page, request }) => {
  const C = '0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c';
  for (let i = 0; i < 7; i++) await createImage(request, C, { name: `page-${i}` });
  const query = 'visibility=private&limit=5&sort_key=name&sort_dir=asc';
  const first = (await glance(request, C, 'GET', `/v2/images?${query}`)).images.map((i) => i.id);
  const second = (await glance(request, C, 'GET', `/v2/images?${query}&marker=${first[4]}`)).images.map((i) => i.id);
  expect([first.length, second.length]).toEqual([5, 2]);
  await connect(page, C);
  await page.goto('/?tab=private&limit=5&sort_key=name&sort_dir=asc');
  await expect(page.getByTestId('image-row')).toHaveCount(5);
  expect(await rowIds(page)).toEqual(first);
  await page.getByTestId('next').click();
  await expect(page.getByTestId('image-row')).toHaveCount(2);
  expect(await rowIds(page)).toEqual(second);
  await expect(page.getByTestId('next')).toHaveCount(0);
  await page.goBack();
  await expect(page.getByTestId('image-row')).toHaveCount(5);
  expect(await rowIds(page)).toEqual(first);
});

test('a filter shows what Glance returns for the same query; a link with a Glance value is no error', async ({ page, request }) => {
  const D = '0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d';
  for (const disk_format of ['vmdk', 'qcow2', 'qcow2', 'vdi']) await createImage(request, D, { name: `fmt-${disk_format}`, disk_format });
  await connect(page, D);
  await page.goto('/?tab=private');
  await expect(page.locator('#filter-visibility')).toHaveCount(0); // the tab sets it
  await expect(page.locator('#filter-__platform')).toHaveCount(0); // IMS only
  await page.locator('#filter-disk_format').selectOption('vdi');
  await page.getByTestId('apply-filters').click();
  const want = (await glance(request, D, 'GET', '/v2/images?visibility=private&disk_format=vdi')).images.map((i) => i.id);
  await expect(page.getByTestId('image-row')).toHaveCount(want.length);
  expect(await rowIds(page)).toEqual(want);
  await page.goto('/?tab=private&disk_format=qcow2');
  await expect(page.getByTestId('url-problems')).toHaveCount(0);
  const qcow2 = (await glance(request, D, 'GET', '/v2/images?visibility=private&disk_format=qcow2')).images.map((i) => i.id);
  await expect(page.getByTestId('image-row')).toHaveCount(2);
  expect((await rowIds(page)).sort()).toEqual(qcow2.sort());
  await expect(page.getByTestId('image-row').first().locator('[data-col=disk_format]')).toHaveText('qcow2');
  await page.screenshot({ path: `${artifacts}/glance-list.png`, fullPage: true });
});

test('a property filter reaches Glance, typed in its field or kept in a link', async ({ page, request }) => {
  const E = '0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e';
  await createImage(request, E, { name: 'ubuntu-one', os_distro: 'ubuntu' });
  await createImage(request, E, { name: 'debian-one', os_distro: 'debian' });
  await connect(page, E);
  await page.goto('/?tab=private');
  await expect(page.getByTestId('image-row')).toHaveCount(2);
  await page.getByText('More filters').click();
  const field = page.getByLabel(/Custom properties/);
  await field.fill('os_distro=ubuntu');
  await page.getByTestId('apply-filters').click();
  await expect(page).toHaveURL(/prop\.os_distro=ubuntu/);
  const want = (await glance(request, E, 'GET', '/v2/images?visibility=private&os_distro=ubuntu')).images.map((i) => i.id);
  await expect(page.getByTestId('image-row')).toHaveCount(1);
  expect(await rowIds(page)).toEqual(want);
  await page.reload();
  await expect(page.getByTestId('image-row')).toHaveCount(1);
  await expect(page.getByLabel(/Custom properties/)).toHaveValue('os_distro=ubuntu');
  await expect(page.getByTestId('url-problems')).toHaveCount(0);
  await page.getByLabel(/Custom properties/).fill('nope');
  await page.getByTestId('apply-filters').click();
  await expect(page.locator('[data-param=properties]').getByRole('alert')).toHaveText('Not a key=value pair: nope');
});

test('every filter the list offers shows what Glance returns for the same query', async ({ page, request }) => {
  const F = '0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f';
  const one = await createImage(request, F, { name: 'filter-one', disk_format: 'raw', container_format: 'ova', min_disk: 3, min_ram: 512, protected: true, tags: ['t1'] });
  await createImage(request, F, { name: 'filter-two' });
  await connect(page, F);
  await page.goto('/?tab=private');
  await expect(page.getByTestId('image-row')).toHaveCount(2);
  const offered = await page.locator('.ims-filters [data-param]').evaluateAll((fields) => fields.map((f) => f.dataset.param));
  const values = {
    name: 'filter-one', id: one.id, status: 'queued', owner: F, protected: 'true', disk_format: 'raw', container_format: 'ova',
    min_disk: '3', min_ram: '512', created_at: 'gte:2020-01-01T00:00:00Z', updated_at: 'lt:2020-01-01T00:00:00Z',
    tag: 't1', properties: null,
  };
  expect(offered.filter((p) => !(p in values)), 'a value for every offered filter').toEqual([]);
  for (const param of offered.filter((p) => values[p] !== null)) {
    const q = `${param}=${encodeURIComponent(values[param])}`;
    await page.goto(`/?tab=private&${q}`);
    await expect(page.getByTestId('loading')).toHaveCount(0);
    await expect(page.getByTestId('error-panel'), q).toHaveCount(0);
    await expect(page.getByTestId('url-problems'), q).toHaveCount(0);
    const want = (await glance(request, F, 'GET', `/v2/images?visibility=private&${q}&limit=500`)).images.map((i) => i.id);
    await expect(page.getByTestId('image-row'), q).toHaveCount(want.length);
    expect((await rowIds(page)).sort(), q).toEqual(want.sort());
  }
});

test('an Accept that fails stays on screen with a Retry that asks again, in both languages', async ({ page, request }) => {
  const made = await createImage(request, A, { name: `glance-gone-${Date.now()}`, visibility: 'shared' });
  await glance(request, A, 'POST', `/v2/images/${made.id}/members`, { member: B });
  await connect(page, B);
  await page.goto('/shared-with-me?status=pending');
  const row = page.locator(`[data-testid=inbox-row][data-id="${made.id}"]`);
  await expect(row).toBeVisible();
  await glance(request, A, 'DELETE', `/v2/images/${made.id}`); // gone before B answers
  await row.getByTestId('accept').click();
  const panel = page.getByTestId('error-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('error-status')).toHaveText('404');
  await page.waitForTimeout(500); // a refetch would have rebuilt the table by now
  await expect(panel).toBeVisible();
  let asked = 0;
  page.on('request', (r) => { if (r.url().includes(`/v2/images/${made.id}/members`)) asked++; });
  await panel.getByTestId('retry').click();
  await expect.poll(() => asked).toBeGreaterThan(0);
  await expect(panel).toBeVisible();
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('error-summary')).toHaveText(/未找到/);
  await page.screenshot({ path: `${artifacts}/glance-accept-failed-zh.png` });
});

test('a consumer of a Glance share sees its status with Accept, and no Edit, Delete or Share', async ({ page, request }) => {
  const made = await createImage(request, A, { name: `glance-consumer-${Date.now()}`, visibility: 'shared' });
  await glance(request, A, 'POST', `/v2/images/${made.id}/members`, { member: B });
  // Glance cannot say whose token this is, and B may own no private image to show it: B gives
  // its project id in Settings, as the hint there says.
  await connect(page, B, '/settings', B);
  await expect(page.getByTestId('caller-project')).toHaveText(B);
  await page.goto(`/images/${made.id}`);
  await expect(page.getByTestId('my-share-status')).toContainText('Pending');
  for (const action of ['edit', 'delete', 'share-panel', 'make-shared']) {
    await expect(page.getByTestId(action), action).toHaveCount(0);
  }
  await page.getByTestId('accept').click();
  await expect(page.getByTestId('my-share-status')).toContainText('Accepted');
  expect((await glance(request, B, 'GET', `/v2/images/${made.id}/members/${B}`)).status).toBe('accepted');
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('not-owner')).toContainText('只有镜像所有者');
  await page.screenshot({ path: `${artifacts}/glance-consumer-zh.png`, fullPage: true });
});

test('the owner is learned from its own private image: Glance has no whoami', async ({ page, request }) => {
  const made = await createImage(request, A, { name: `glance-owner-${Date.now()}` });
  await connect(page, A);
  await expect(page.getByTestId('caller-project')).toHaveText(A);
  await page.goto(`/images/${made.id}`);
  await expect(page.getByTestId('edit')).toBeVisible();
  await expect(page.getByTestId('not-owner')).toHaveCount(0);
  // Glance has no whoami: the console does not ask it for one (which it would answer 404).
  expect(journeyLog.filter((line) => line.includes('/v2/whoami'))).toEqual([]);
});
