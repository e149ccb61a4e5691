import { defineConfig } from '@playwright/test'

/**
 * `npm run docs:shots`: takes the README's screenshots of the app on the
 * bundled data and writes them to docs/. Kept apart from the e2e config, so a
 * test run never writes into the repository.
 */
export default defineConfig({
  testDir: 'scripts/readme-shots',
  testMatch: '**/*.shots.ts',
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/readme-shots',
})
