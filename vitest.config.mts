import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // In the repository the portal reads the sidecar's published contract from source, so no build comes first;
      // outside it, `@gatehouse/sidecar/contract/*` resolves through the package's exports to compiled JavaScript.
      '@gatehouse/sidecar/contract': path.resolve(import.meta.dirname, 'sidecar/src/contract'),
      '@': path.resolve(import.meta.dirname, 'portal'),
      // Operations are marked server-only for Next.js; the tests run them in plain Node, which is a server too.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['portal/**/*.test.ts', 'sidecar/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'portal/.next/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
