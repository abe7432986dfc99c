// Vitest configuration: tests live in tests/, mirror src/, and never touch the network beyond 127.0.0.1.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
