import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are memory-hungry WebAssembly; two workers fit the 2-core machines we run on.
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
  },
});
