import { defineConfig } from '@playwright/test';
import { E2E_STACK } from './e2e/support/stack';

// The real stack (`portal/scripts/start.ts`: built portal, demo backend, one sidecar) on its own ports and a fresh
// data directory, so a developer's `npm start` on the default ports can keep running beside the tests.
export default defineConfig({
  testDir: './e2e/specs',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: E2E_STACK.portalUrl,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'journeys', testIgnore: /offline\.spec\.ts/ },
    // Stops the portal and restarts the sidecar, so it runs after everything that needs them.
    { name: 'offline', testMatch: /offline\.spec\.ts/, dependencies: ['journeys'] },
  ],
  webServer: {
    command: `rm -rf ${E2E_STACK.dataDir} && node --import tsx --conditions=react-server portal/scripts/start.ts`,
    url: `${E2E_STACK.gatewayAdminUrl}/readyz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: E2E_STACK.env,
  },
});
