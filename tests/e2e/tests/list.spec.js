import { test, expect, signIn, artifacts, TOKENS } from './fixtures.js';

const rowNames = (page) => page.locator('[data-testid=image-row] [data-col=name]').allTextContents();

test('filters by platform and created_at survive a reload', async ({ page }) => {
  await signIn(page);
  await page.getByTestId('filter-bar').getByLabel('Platform').selectOption('Ubuntu');
  await page.locator('.ims-more-filters summary').click();
  await page.locator('#filter-created_at-op').selectOption('gt');
  await page.locator('#filter-created_at').fill('2019-06-01T00:00:00');
  await page.getByTestId('apply-filters').click();
  await expect(page).toHaveURL(/__platform=Ubuntu/);
  await expect(page).toHaveURL(/created_at=gt%3A2019-06-01T00%3A00%3A00Z/);
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  await page.getByTestId('request-preview').locator('summary').click();
  await expect(page.getByTestId('preview-head')).toHaveText(
    /^GET \/v2\/cloudimages\?__imagetype=gold&__platform=Ubuntu&created_at=gt%3A2019-06-01T00%3A00%3A00Z$/,
  );
  const before = await rowNames(page);
  expect(before.length).toBeGreaterThan(0);
  expect(before.every((n) => n.startsWith('Ubuntu'))).toBe(true);
  await page.reload();
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  expect(await rowNames(page)).toEqual(before);
  await expect(page.getByTestId('filter-bar').getByLabel('Platform')).toHaveValue('Ubuntu');
});

test('paging forward twice then Back shows the same page', async ({ page }) => {
  await signIn(page);
  await page.getByTestId('page-size').selectOption('10');
  await expect(page.getByTestId('image-row')).toHaveCount(10);
  const first = await rowNames(page);
  await page.getByTestId('next').click();
  await expect(page.getByTestId('page-number')).toHaveText('Page 2');
  const second = await rowNames(page);
  expect(second).not.toEqual(first);
  await page.getByTestId('next').click();
  await expect(page.getByTestId('page-number')).toHaveText('Page 3');
  await page.goBack();
  await expect(page.getByTestId('page-number')).toHaveText('Page 2');
  expect(await rowNames(page)).toEqual(second);
  await page.getByTestId('previous').click();
  await expect(page.getByTestId('page-number')).toHaveText('Page 1');
  expect(await rowNames(page)).toEqual(first);
});

test('tabs switch between public, private and shared images, also by keyboard', async ({ page }) => {
  await signIn(page);
  await page.getByRole('tab', { name: 'Private' }).click();
  await expect(page).toHaveURL(/tab=private/);
  await expect(page.getByRole('cell', { name: 'web-frontend-golden' })).toBeVisible();
  const types = await page.locator('[data-testid=image-row] [data-col=__imagetype]').allTextContents();
  expect(types.length).toBeGreaterThanOrEqual(4);
  expect(new Set(types)).toEqual(new Set(['private']));
  await page.getByRole('tab', { name: 'Private' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/tab=shared/);
  await expect(page.getByTestId('empty')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/tab=public/);
});

test('a detail page shows grouped attributes, and Chinese is remembered', async ({ page }) => {
  await signIn(page);
  await page.getByRole('tab', { name: 'Private' }).click();
  await page.getByRole('link', { name: 'web-frontend-golden' }).click();
  await expect(page.getByTestId('detail-title')).toHaveText('web-frontend-golden');
  await expect(page.locator('dd[data-attr=__platform]')).toHaveText('Ubuntu');
  await expect(page.locator('dd[data-attr=team]')).toHaveText(/team-/);
  await expect(page.getByTestId('tags')).toContainText('prod');
  await page.screenshot({ path: `${artifacts}/detail.png`, fullPage: true });
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.locator('section[data-group=Os] h2')).toHaveText('操作系统');
  await page.reload();
  await expect(page.locator('section[data-group=Os] h2')).toHaveText('操作系统');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('an image name with markup renders as text and runs nothing', async ({ page, request }) => {
  const name = `<img src=x onerror=alert(1)> ${Date.now()}`;
  const created = await request.post('/v2/images', { headers: { 'X-Auth-Token': TOKENS.b }, data: { name } });
  expect(created.status()).toBe(201);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await signIn(page, TOKENS.b);
  await page.getByRole('tab', { name: 'Private' }).click();
  await expect(page.getByRole('link', { name })).toBeVisible();
  expect(await page.locator('tbody img').count()).toBe(0);
  await page.getByRole('link', { name }).click();
  await expect(page.getByTestId('detail-title')).toHaveText(name);
  expect(dialogs).toBe(0);
});

test('sorting by a header and the list screenshot', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page).toHaveURL(/sort_key=name&sort_dir=desc/);
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page).toHaveURL(/sort_key=name&sort_dir=asc/);
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
  const names = await rowNames(page);
  expect([...names].sort()).toEqual(names);
  await page.screenshot({ path: `${artifacts}/list.png` });
});

test('the quick filter hides the rows that do not match, and export writes exactly the rows shown', async ({ page }) => {
  await signIn(page);
  const rows = page.getByTestId('image-row');
  await expect(rows.first()).toBeVisible();
  const all = await rowNames(page);
  const needle = 'ubuntu';
  const matching = all.filter((n) => n.toLowerCase().includes(needle));
  expect(matching.length).toBeGreaterThan(0);
  expect(matching.length).toBeLessThan(all.length);

  await page.getByTestId('quick-filter').fill('Ubuntu');
  const hiddenRow = rows.filter({ hasNotText: /ubuntu/i }).first();
  await expect(hiddenRow).toBeHidden();
  expect(await hiddenRow.evaluate((row) => getComputedStyle(row).display)).toBe('none');
  const shown = page.locator('[data-testid=image-row]:visible [data-col=name]');
  await expect(shown).toHaveCount(matching.length);
  expect(await shown.allTextContents()).toEqual(matching);
  await page.screenshot({ path: `${artifacts}/quick-filter.png` });

  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csv = await (await download).createReadStream().then(async (stream) => {
    let text = '';
    for await (const chunk of stream) text += chunk;
    return text;
  });
  const lines = csv.trim().split(/\r?\n/);
  expect(lines.length - 1).toBe(matching.length);

  await page.getByTestId('quick-filter').fill('');
  await expect(page.locator('[data-testid=image-row]:visible')).toHaveCount(all.length);
});
