// Every control does what it shows: checked by what a person sees (boxes on screen, focus,
// what a pasted command prints), not by attributes.
import { execFileSync } from 'node:child_process';
import { test, expect, signIn, artifacts, TOKENS } from './fixtures.js';

/** Whether two boxes share any area. */
const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const width of [1024, 1366, 1920]) {
  test(`no filter control overlaps another or leaves the screen at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page);
    await page.locator('.ims-more-filters summary').click();
    const controls = page.locator('[data-testid=filter-bar] :is(select, input, button):visible');
    await expect(page.locator('#filter-updated_at')).toBeVisible();
    const boxes = [];
    for (const control of await controls.all()) {
      const box = await control.boundingBox();
      const name = await control.evaluate((el) => el.id || el.textContent.trim());
      expect(box.x, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${name} ends on screen`).toBeLessThanOrEqual(width);
      boxes.push({ name, box });
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        expect(overlap(boxes[i].box, boxes[j].box), `${boxes[i].name} overlaps ${boxes[j].name}`).toBe(false);
      }
    }
    // A click on Created's operator lands on it, not on a neighbour drawn over it.
    await page.locator('#filter-created_at-op').click();
    await expect(page.locator('#filter-created_at-op')).toBeFocused();
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `${artifacts}/filters-${width}.png`, fullPage: true });
  });
}

test('Copy as curl writes a command that runs as pasted', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await signIn(page);
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  await page.getByTestId('request-preview').locator('summary').click();
  await page.getByTestId('request-preview').getByTestId('copy').click();
  const command = await page.evaluate(() => navigator.clipboard.readText());
  expect(command).toMatch(new RegExp(`^curl -X GET '${baseURL}/v2/cloudimages\\?`));
  expect(command).not.toContain(TOKENS.a);
  const out = execFileSync('sh', ['-c', `${command} --silent --fail`], {
    env: { ...process.env, IMS_TOKEN: TOKENS.a },
    timeout: 10_000,
  });
  const names = JSON.parse(out.toString()).images.map((i) => i.name);
  const shown = await page.locator('[data-testid=image-row] [data-col=name]').allTextContents();
  expect(names).toEqual(shown);
});

const createImage = async (request, name) => {
  const r = await request.post('/v2/images', { headers: { 'X-Auth-Token': TOKENS.a }, data: { name } });
  expect(r.status()).toBe(201);
  return (await r.json()).id;
};

test('deleting from the detail page goes back to the list, which says so; nothing asks for the image again', async ({ page, request }) => {
  const name = `leaving-${Date.now()}`;
  const id = await createImage(request, name);
  await signIn(page);
  await page.goto(`/images/${id}`);
  await expect(page.getByTestId('detail-title')).toHaveText(name);
  const after = [];
  await page.getByTestId('delete').click();
  page.on('request', (r) => { if (r.url().includes(id)) after.push(`${r.method()} ${r.url()}`); });
  await page.getByTestId('confirm-delete').click();
  await expect(page.getByTestId('page-notice')).toBeVisible();
  await expect(page.getByTestId('page-notice')).toContainText(`Image deleted: ${name}`);
  await expect(page).toHaveURL(/tab=private/);
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  await expect(page.locator(`[data-testid=image-row][data-id="${id}"]`)).toHaveCount(0);
  expect(after.filter((r) => !r.startsWith('DELETE'))).toEqual([]);
  await page.screenshot({ path: `${artifacts}/deleted-notice.png` });
  await page.getByTestId('page-notice').getByRole('button').click();
  await expect(page.getByTestId('page-notice')).toBeHidden();
});

test('Cancel in a batch delete keeps the selection', async ({ page, request }) => {
  const id = await createImage(request, `kept-${Date.now()}`);
  await signIn(page);
  await page.goto('/?tab=private&limit=500');
  const box = page.locator(`[data-testid=image-row][data-id="${id}"] input[type=checkbox]`);
  await box.check();
  await page.getByTestId('delete-selected').click();
  await page.getByTestId('delete-dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('delete-dialog')).toBeHidden();
  await expect(box).toBeChecked();
  await expect(page.getByTestId('selected-count')).toHaveText('1 selected');
});

test('the Columns menu closes on Escape, back on its button, and on a click outside it', async ({ page }) => {
  await signIn(page);
  const menu = page.getByTestId('column-chooser');
  const body = menu.locator('.ims-menu-body');
  await menu.locator('summary').click();
  await expect(body).toBeVisible();
  await body.getByRole('checkbox').first().focus();
  await page.keyboard.press('Escape');
  await expect(body).toBeHidden();
  await expect(menu.locator('summary')).toBeFocused();
  await menu.locator('summary').click();
  await expect(body).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(body).toBeHidden();
});
