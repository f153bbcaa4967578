// Playwright journeys. `cargo xtask test` starts a fresh ims-server and passes its URL in
// IMS_BASE_URL; the browser is Debian's Chromium (no browser is ever downloaded).
import { defineConfig } from '@playwright/test';

const artifacts = process.env.IMS_ARTIFACTS ?? '../../test-artifacts';

export default defineConfig({
  testDir: './tests',
  // The Glance journeys need the Glance that the "playwright glance" layer starts.
  testIgnore: process.env.GLANCE_URL ? [] : ['**/glance.spec.js'],
  outputDir: `${artifacts}/playwright`,
  timeout: 30_000,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: 'list',
  use: {
    baseURL: process.env.IMS_BASE_URL ?? 'http://127.0.0.1:8080',
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
