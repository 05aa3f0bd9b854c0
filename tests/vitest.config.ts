import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
// type-graphql loads graphql's CommonJS build; every import must reach that same copy.
const graphql = require.resolve('graphql/index.js', { paths: [new URL('../server', import.meta.url).pathname] });

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'api',
          include: ['api/**/*.e2e-spec.ts'],
          globalSetup: ['support/api-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        // The long runs (outages, shutdown, sustained load): `pnpm test:reliability`, never part of `pnpm test`.
        extends: true,
        test: {
          name: 'reliability',
          include: ['reliability/**/*.rel-spec.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['e2e/**/*.spec.ts'],
          globalSetup: ['support/browser-global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
