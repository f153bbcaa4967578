// Console budgets, run by `cargo xtask bench` against a server loaded with many images.
// Not part of `cargo xtask test`: timings on a shared machine are reported, not asserted.
import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

export default defineConfig({
  ...base,
  testDir: './bench',
  testMatch: '**/*.bench.js',
  retries: 0,
  outputDir: '/tmp/ims-bench-playwright',
});
