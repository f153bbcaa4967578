// Shared helpers: a page that fails its test on any uncaught page error, and the demo tokens
// the server prints at start.
import { test as base, expect } from '@playwright/test';

export const TOKENS = { a: 'demo-token-a', b: 'demo-token-b', public: 'demo-token-public' };
export const artifacts = process.env.IMS_ARTIFACTS ?? '../../test-artifacts';

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on('pageerror', (err) => errors.push(err));
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/** Opens the console and signs in with a token. */
export async function signIn(page, token = TOKENS.a) {
  await page.goto('/');
  await page.getByLabel(/token/i).fill(token);
  await page.getByRole('button', { name: /sign in/i }).click();
}
