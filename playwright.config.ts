import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './e2e/browser.mjs';

// E2E_PORT lets two checkouts run their suites side by side without sharing a server;
// E2E_STATIC_PORT is the plain static server of the deploy tests
const port = Number(process.env.E2E_PORT ?? 4173);
const staticPort = Number(process.env.E2E_STATIC_PORT ?? 4180);
/** where the deploy tests mount the build: a sub-path, like a course web folder */
const staticBase = '/course/playground/';

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
    viewport: { width: 1400, height: 1000 },
    permissions: ['clipboard-read', 'clipboard-write'],
  },
  projects: [
    {
      // the built app, as `vite preview` serves it: with its CSP and isolation headers
      name: 'preview',
      testIgnore: /deploy\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${port}` },
    },
    {
      // the same build copied to a static host that sends no special headers
      name: 'static',
      testMatch: /deploy\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${staticPort}${staticBase}` },
    },
  ],
  webServer: [
    {
      // `npm run test:e2e` builds first
      command: `node node_modules/vite/bin/vite.js preview --port ${port} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node scripts/serve-static.mjs dist --port ${staticPort} --base ${staticBase}`,
      url: `http://127.0.0.1:${staticPort}${staticBase}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
