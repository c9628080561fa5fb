import path from 'node:path';
import type { NextConfig } from 'next';

// The portal imports the wire contract from sidecar/src/contract (one module, two deployables), so Turbopack's
// root is the repository, not portal/.
const repoRoot = path.resolve(__dirname, '..');

const config: NextConfig = {
  serverExternalPackages: ['better-sqlite3'],
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
