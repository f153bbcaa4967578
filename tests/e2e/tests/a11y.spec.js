// Every page of the console, in both languages and both themes, checked by axe-core in Chromium
// at WCAG 2.1 AA: no violation is allowed. Each state is also saved as a screenshot to be looked
// at, under test-artifacts/a11y/.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, TOKENS, artifacts } from './fixtures.js';

const STATIC = process.env.IMS_STATIC_URL ?? 'http://127.0.0.1:8300/some/sub/path/';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Both languages and both themes, in two looks: contrast depends on the theme, and the language
// changes every label, so each page is checked in each theme and each language.
const LOOKS = [
  { lang: 'en', theme: 'light' },
  { lang: 'zh-CN', theme: 'dark' },
];

/** One line a violation, naming the rule and where, so a failure reads without a trace. */
const described = (violations) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);

/** Opens the console with a language, a theme and (unless `signedOut`) a token. */
async function prepare(page, { lang, theme }, signedOut = false) {
  await page.addInitScript(
    ({ lang, theme, token }) => {
      localStorage.setItem('ims.lang', lang);
      localStorage.setItem('ims.theme', theme);
      if (token) sessionStorage.setItem('ims.token', token);
    },
    { lang, theme, token: signedOut ? null : TOKENS.a },
  );
  await page.emulateMedia({ colorScheme: theme });
}

async function expectNoViolations(page, name, look) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  await page.screenshot({ path: `${artifacts}/a11y/${name}-${look.lang}-${look.theme}.png`, fullPage: true });
  expect(described(results.violations), `${name} in ${look.lang}, ${look.theme}`).toEqual([]);
}

/** The pages, each reached as a person would, ending where the page has settled. */
const PAGES = {
  'sign-in': {
    signedOut: true,
    open: async (page) => {
      await page.goto('/');
      await expect(page.getByTestId('sign-in')).toBeVisible();
    },
  },
  'list-with-filters': {
    open: async (page) => {
      await page.goto('/?tab=private');
      await expect(page.getByTestId('image-row').first()).toBeVisible();
      await page.locator('.ims-more-filters summary').click();
      await expect(page.locator('#filter-updated_at')).toBeVisible();
    },
  },
  detail: {
    open: async (page) => {
      await page.goto('/?tab=private');
      await page.getByTestId('image-link').first().click();
      await expect(page.getByTestId('detail-title')).toBeVisible();
      await expect(page.getByTestId('edit')).toBeVisible();
    },
  },
  create: {
    open: async (page) => {
      await page.goto('/images/new');
      await expect(page.locator('#field-name')).toBeVisible();
    },
  },
  edit: {
    open: async (page) => {
      await page.goto('/?tab=private');
      await page.getByTestId('image-link').first().click();
      await page.getByTestId('edit').click();
      await expect(page.locator('#field-name')).toBeVisible();
    },
  },
  inbox: {
    open: async (page) => {
      await page.goto('/shared-with-me');
      await expect(page.getByTestId('inbox-tab-pending')).toBeVisible();
      await expect(page.locator('.ims-loading')).toHaveCount(0);
    },
  },
  settings: {
    open: async (page) => {
      await page.goto('/settings');
      await expect(page.locator('#endpoint')).toBeVisible();
    },
  },
  'static-demo': {
    open: async (page) => {
      await page.goto(`${STATIC}#/`);
      await expect(page.getByTestId('image-row').first()).toBeVisible();
    },
  },
  embed: {
    open: async (page) => {
      await page.goto(`${STATIC}embed.html`);
      await expect(page.locator('.ims-console').getByTestId('image-row').first()).toBeVisible();
    },
  },
};

for (const [name, { open, signedOut }] of Object.entries(PAGES)) {
  test(`${name}: no WCAG 2.1 AA violation in either language or theme`, async ({ browser }) => {
    test.setTimeout(90_000);
    for (const look of LOOKS) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (err) => errors.push(err));
      await prepare(page, look, signedOut);
      await open(page);
      await expectNoViolations(page, name, look);
      expect(errors, 'uncaught errors in the page').toEqual([]);
      await context.close();
    }
  });
}
