import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

/**
 * The portal tests that touch the database (they build it with createTestDb), found by reading the files so that a
 * new one cannot escape the PostgreSQL pass.
 */
function databaseTests(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== '.next') walk(full);
      } else if (e.name.endsWith('.test.ts') && fs.readFileSync(full, 'utf8').includes('createTestDb')) {
        out.push(path.relative(root, full));
      }
    }
  };
  walk(path.join(root, 'portal'));
  return out.sort();
}

// Set to a PostgreSQL server's URL (see portal/scripts/test-postgres.ts, which `npm test` runs), it adds the
// `postgres` project: the database tests once more, each test on a fresh database of its own on that server.
const pgUrl = process.env.GATEHOUSE_TEST_PG_URL;

export default defineConfig({
  resolve: {
    alias: {
      // In the repository the portal reads the sidecar's published contract from source, so no build comes first;
      // outside it, `@gatehouse/sidecar/contract/*` resolves through the package's exports to compiled JavaScript.
      '@gatehouse/sidecar/contract': path.resolve(root, 'sidecar/src/contract'),
      '@': path.resolve(root, 'portal'),
      // Operations are marked server-only for Next.js; the tests run them in plain Node, which is a server too.
      'server-only': path.resolve(root, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    exclude: ['e2e/**', 'node_modules/**', 'portal/.next/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['portal/**/*.test.ts', 'sidecar/**/*.test.ts'], env: { GATEHOUSE_TEST_PG_URL: '' } },
      },
      ...(pgUrl
        ? [
            {
              extends: true as const,
              test: {
              name: 'postgres',
              include: databaseTests(),
              env: { GATEHOUSE_TEST_PG_URL: pgUrl },
              // Migrates one template database for the run; each test clones it (testing/test-database.ts).
              globalSetup: ['portal/lib/server/testing/postgres-template.ts'],
              setupFiles: ['portal/lib/server/testing/postgres-setup.ts'],
            },
          },
        ]
        : []),
    ],
  },
});
