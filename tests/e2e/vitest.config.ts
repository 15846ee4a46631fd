import { defineConfig } from 'vitest/config';

// The browser suite: each file starts the real `watchpost serve` on a fresh demo workspace and drives
// Debian's Chromium through playwright-core. It expects a built app in out/ (npm test builds first).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One file at a time: every file runs a host and a browser, and the machine has two cores.
    fileParallelism: false,
    maxWorkers: 1,
  },
});
